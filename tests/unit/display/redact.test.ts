import { describe, expect, it } from 'vitest';
import { candidateReasons, pseudonym, redactPlates } from '../../../kernel-lib/src';

process.env.ANPR_PSEUDONYM_KEY = 'test-key';

describe('redactPlates / candidateReasons', () => {
  it('replaces every named plate, longest first', () => {
    const text = 'takes over from ZB12CDE; merged with ZB12CDEX';
    expect(redactPlates(text, ['ZB12CDE', 'ZB12CDEX'])).toBe(`takes over from ${pseudonym('ZB12CDE')}; merged with ${pseudonym('ZB12CDEX')}`);
  });

  it('hides relay and look-alike plates in reasons unless revealed', () => {
    const c = { vrm: 'ZA01AAA', reasons: ['handed over to plate ZC02CCC', 'merged with look-alike plate 2A01AAA (1 read)'], features: { relayPlates: [{ vrm: 'ZC02CCC' }], mergedWith: [{ vrm: '2A01AAA' }] } };
    const shown = candidateReasons(c, false).join(' ');
    expect(shown).not.toMatch(/ZC02CCC|2A01AAA/);
    expect(shown).toContain(pseudonym('ZC02CCC'));
    expect(candidateReasons(c, true)).toEqual(c.reasons);
  });
});
