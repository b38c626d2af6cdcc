import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasHugePages, withHugePages, HUGE_PAGES_TUNABLE } from '../../../kernel-lib/src/core/huge-pages';

const ANPR = path.join(__dirname, '..', '..', '..', 'kernel-lib', 'bin', 'anpr.mjs');

describe('huge pages (glibc tunable)', () => {
  it('the @examples work', () => {
    expect(hasHugePages({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' })).toBe(true);
    expect(withHugePages({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }).GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1');
  });
  it('adds the tunable once, keeps a setting of its own, and can be turned off', () => {
    expect(withHugePages({}).GLIBC_TUNABLES).toBe(HUGE_PAGES_TUNABLE);
    expect(withHugePages(withHugePages({})).GLIBC_TUNABLES).toBe(HUGE_PAGES_TUNABLE);
    expect(withHugePages({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }).GLIBC_TUNABLES).toBe('glibc.malloc.hugetlb=0');
    expect(withHugePages({ ANPR_HUGE_PAGES: '0' }).GLIBC_TUNABLES).toBeUndefined();
    expect(hasHugePages({})).toBe(false);
  });
  it.skipIf(process.platform !== 'linux')('the anpr command runs with it and keeps the exit code and output', () => {
    const env = { ...process.env, TZ: 'Europe/London' };
    delete env.GLIBC_TUNABLES;
    // `anpr cache list --dir D` prints nothing harmful; a bad command exits 2 with usage on stderr.
    const bad = spawnSync(process.execPath, [ANPR, 'no-such-command'], { encoding: 'utf8', env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/usage: anpr <command>/);
    const off = spawnSync(process.execPath, [ANPR, 'no-such-command'], { encoding: 'utf8', env: { ...env, ANPR_HUGE_PAGES: '0' } });
    expect([off.status, off.stderr]).toEqual([bad.status, bad.stderr]);
  });
});
