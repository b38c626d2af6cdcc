import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasHugePages, withHugePages, HUGE_PAGES_TUNABLE } from '../../../kernel-lib/src/core/huge-pages';

const ANPR = path.join(__dirname, '..', '..', '..', 'kernel-lib', 'bin', 'anpr.mjs');
const LAUNCHER = path.join(__dirname, '..', '..', '..', 'kernel-lib', 'bin', 'anpr');

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
    const launched = spawnSync(LAUNCHER, ['no-such-command'], { encoding: 'utf8', env });
    expect([launched.status, launched.stderr]).toEqual([bad.status, bad.stderr]);
  });
  it.skipIf(process.platform !== 'linux')('the launcher (bin/anpr) sets the tunable and becomes node running anpr.mjs with the arguments (and the V8 flags of core/v8-flags.ts)', () => {
    // A `node` first on PATH that prints what it was started with, in place of Node.js.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anpr-launcher-'));
    try {
      fs.writeFileSync(path.join(dir, 'node'), '#!/bin/sh\necho "${GLIBC_TUNABLES-unset}|$*"\n', { mode: 0o755 });
      const env = { ...process.env, PATH: `${dir}:${process.env.PATH}` };
      delete env.GLIBC_TUNABLES; delete env.ANPR_HUGE_PAGES; delete env.ANPR_V8_FLAGS;
      const FLAGS = '--no-allocation-site-pretenuring';
      const run = (extra: Record<string, string>) => spawnSync(LAUNCHER, ['find', 'a b'], { encoding: 'utf8', env: { ...env, ...extra } }).stdout.trim();
      expect(run({})).toBe(`${HUGE_PAGES_TUNABLE}|${FLAGS} ${fs.realpathSync(ANPR)} find a b`);
      expect(run({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' })).toBe(`glibc.malloc.arena_max=2:${HUGE_PAGES_TUNABLE}|${FLAGS} ${fs.realpathSync(ANPR)} find a b`);
      expect(run({ ANPR_V8_FLAGS: '0' })).toBe(`${HUGE_PAGES_TUNABLE}|${fs.realpathSync(ANPR)} find a b`);
      expect(run({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }).split('|')[0]).toBe('glibc.malloc.hugetlb=0');
      expect(run({ ANPR_HUGE_PAGES: '0' }).split('|')[0]).toBe('unset');
      // Through a symlink, as npm installs it in node_modules/.bin.
      fs.symlinkSync(LAUNCHER, path.join(dir, 'anpr'));
      expect(spawnSync(path.join(dir, 'anpr'), ['x'], { encoding: 'utf8', env }).stdout.trim()).toBe(`${HUGE_PAGES_TUNABLE}|${FLAGS} ${fs.realpathSync(ANPR)} x`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
