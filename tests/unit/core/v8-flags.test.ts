// The V8 flags our processes start with (core/v8-flags.ts; the launcher's use of them: huge-pages.test.ts, the kernel's: tests/kernel/install.test.ts).
import { describe, expect, it } from 'vitest';
import { missingV8Flags, V8_FLAGS } from '../../../kernel-lib/src/core/v8-flags';

describe('V8 flags', () => {
  it('are missing until given, and none with ANPR_V8_FLAGS=0', () => {
    expect(V8_FLAGS).toEqual(['--no-allocation-site-pretenuring']);
    expect(missingV8Flags(['--max-old-space-size=4096'], {})).toEqual(['--no-allocation-site-pretenuring']);
    expect(missingV8Flags(['--no-allocation-site-pretenuring'], {})).toEqual([]);
    expect(missingV8Flags([], { ANPR_V8_FLAGS: '0' })).toEqual([]);
  });
});
