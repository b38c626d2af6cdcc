import { describe, expect, it } from 'vitest';
import { progressBar } from '../../../kernel-lib/src';

describe('progressBar', () => {
  it('draws a bar on the given stream, throttled, and finishes at 100%', () => {
    const out: string[] = [];
    const p = progressBar('Loading', { stream: { write: s => out.push(s) }, everyMs: 0 });
    p(0.5, 1500);
    p.done(3000);
    expect(out[0]).toBe('\rLoading: [###############...............] 50% 1,500 reads');
    expect(out[1]).toBe('\rLoading: [##############################] 100% 3,000 reads — done\n');
  });

  it('skips updates closer together than everyMs', () => {
    const out: string[] = [];
    const p = progressBar('x', { stream: { write: s => out.push(s) }, everyMs: 60_000 });
    p(0.1, 1);
    p(0.2, 2);
    p(0.3, 3);
    expect(out).toHaveLength(1);
  });

  it('is silent without a stream outside a kernel', () => {
    const p = progressBar('x', { stream: null, everyMs: 0 });
    expect(() => { p(0.5, 1); p.done(2); }).not.toThrow();
  });
});
