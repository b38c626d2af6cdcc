import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyVrm, normaliseVrm } from '../../../kernel-lib/src/core/vrm';

describe('normaliseVrm', () => {
  it('upper-cases and strips spaces and punctuation', () => {
    expect(normaliseVrm(' ab12 cde ')).toBe('AB12CDE');
    expect(normaliseVrm('A-123.bcd')).toBe('A123BCD');
    expect(normaliseVrm('AB12CDE')).toBe('AB12CDE');
    expect(normaliseVrm(' - ')).toBe('');
    expect(normaliseVrm('')).toBe('');
  });
});

describe('classifyVrm', () => {
  it.each([
    ['AB12CDE', 'current'], ['A123BCD', 'prefix'], ['A1BCD', 'prefix'], ['ABC123D', 'suffix'], ['ABC1D', 'suffix'],
    ['ABZ1234', 'northern_ireland'], ['IA123', 'northern_ireland'], ['OIZ5', 'northern_ireland'],
    ['ABC123', 'dateless'], ['1234AB', 'dateless'], ['A1', 'dateless'],
    ['WOB4XYZ9', 'other'], ['1A2B', 'other'], ['ABCDEFGH', 'other'],
  ])('%s is %s', (vrm, format) => {
    expect(classifyVrm(vrm)).toBe(format);
  });
});

describe('classifyVrm without regular expressions for current plates', () => {
  it('says current exactly when /^[A-Z]{2}[0-9]{2}[A-Z]{3}$/ matches, for every 7-character string of plate-like characters', () => {
    const CURRENT = /^[A-Z]{2}[0-9]{2}[A-Z]{3}$/;
    const chars = 'AZOI09@[/:`az ';
    fc.assert(fc.property(fc.array(fc.constantFrom(...chars), { minLength: 7, maxLength: 7 }), (cs) => {
      const v = cs.join('');
      expect(classifyVrm(v) === 'current').toBe(CURRENT.test(v));
    }), { numRuns: 20000 });
  });
});
