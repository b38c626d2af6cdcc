/** The consultation audit log (DPA 2018 s62): hash chain, tamper detection, path rule, session, CLI (needs a built dist/). */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  appendAudit, AUDIT_GENESIS, auditConsultation, auditEntryHash, auditLink, auditLogPath, AuditError, currentSession, endSession,
  pseudonym, readAudit, session, sha256Hex, verifyAudit,
} from '../../../kernel-lib/src';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'kernel-lib', 'bin', 'anpr.mjs');
let dir = '';
let n = 0;
const tmp = (name = 'audit') => path.join(dir, `${name}-${++n}.jsonl`);

beforeAll(() => {
  process.env.ANPR_PSEUDONYM_KEY = 'audit-test';
  dir = mkdtempSync(path.join(os.tmpdir(), 'anpr-audit-'));
});
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });
afterEach(() => endSession());

/** A log of `k` entries; returns its path and lines. */
function makeLog(k = 5): { log: string; lines: string[] } {
  const log = tmp();
  for (let i = 1; i <= k; i++) {
    appendAudit({ operator: `A${i}`, purpose: 'op X', kind: 'find clones', params: { maxSpeedKmh: 250, vrm: 'AB12CDE' }, counts: { returned: i } }, { log });
  }
  return { log, lines: readFileSync(log, 'utf8').trimEnd().split('\n') };
}
const write = (log: string, lines: string[]) => writeFileSync(log, lines.map((l) => l + '\n').join(''));

describe('appendAudit / readAudit / verifyAudit', () => {
  it('chains entries: seq 1.., prev = SHA-256 of the previous canonical line, hash over the entry without hash', () => {
    const { log, lines } = makeLog(4);
    const entries = readAudit(log);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(entries[0].prev).toBe(AUDIT_GENESIS);
    for (let i = 1; i < entries.length; i++) expect(entries[i].prev).toBe(sha256Hex(lines[i - 1]));
    for (const e of entries) {
      expect(e.hash).toBe(auditEntryHash(e));
      expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(e.params.vrm).toBe(pseudonym('AB12CDE'));
    }
    expect(lines.join('\n')).not.toContain('AB12CDE');
    expect(verifyAudit(log)).toMatchObject({ ok: true, exists: true, entries: 4, lastHash: auditLink(entries[3]) });
  });

  it('a missing log verifies as empty, marked as not existing', () => {
    expect(verifyAudit(path.join(dir, 'none.jsonl'))).toMatchObject({ ok: true, exists: false, entries: 0 });
    expect(readAudit(path.join(dir, 'none.jsonl'))).toEqual([]);
  });

  it('hashes input files and keeps the reference', () => {
    const f = path.join(dir, 'in.csv');
    writeFileSync(f, 'vrm,timestamp,site_id\n');
    const log = tmp();
    const e = appendAudit({ operator: 'A1', purpose: 'p', reference: 'CAD 7', kind: 'profile', inputs: [f], counts: { returned: 1 } }, { log });
    expect(e.inputs).toEqual([{ file: f, sha256: sha256Hex('vrm,timestamp,site_id\n') }]);
    expect(readAudit(log)[0].reference).toBe('CAD 7');
  });

  it('refuses an entry without operator or purpose', () => {
    expect(() => appendAudit({ operator: ' ', purpose: 'p', kind: 'x', counts: { returned: 0 } }, { log: tmp() })).toThrow(AuditError);
  });

  it('detects an altered field at its line', () => {
    const { log, lines } = makeLog();
    lines[2] = lines[2].replace('"operator":"A3"', '"operator":"B3"');
    write(log, lines);
    expect(verifyAudit(log)).toMatchObject({ ok: false, firstBad: { line: 3, seq: 3, problem: 'altered' } });
  });

  it('detects an altered entry whose hash was recomputed (the next link breaks)', () => {
    const { log, lines } = makeLog();
    const e = JSON.parse(lines[2]);
    e.purpose = 'something else';
    e.hash = auditEntryHash(e);
    lines[2] = JSON.stringify(e);
    write(log, lines);
    expect(verifyAudit(log)).toMatchObject({ ok: false, firstBad: { line: 3, seq: 3, problem: 'altered' } });
  });

  it('detects a removed line (middle and first)', () => {
    const { log, lines } = makeLog();
    write(log, lines.filter((_, i) => i !== 2));
    expect(verifyAudit(log)).toMatchObject({ ok: false, firstBad: { line: 3, seq: 4, problem: 'removed' } });
    write(log, lines.slice(1));
    expect(verifyAudit(log)).toMatchObject({ ok: false, firstBad: { line: 1, seq: 2, problem: 'removed' } });
  });

  it('detects two swapped lines', () => {
    const { log, lines } = makeLog();
    [lines[1], lines[2]] = [lines[2], lines[1]];
    write(log, lines);
    expect(verifyAudit(log)).toMatchObject({ ok: false, firstBad: { line: 2, seq: 3, problem: 'reordered' } });
  });

  it('detects truncation mid-line (last line, and mid-file), and will not chain onto it', () => {
    const { log, lines } = makeLog();
    const text = readFileSync(log, 'utf8');
    writeFileSync(log, text.slice(0, text.length - 40));
    expect(verifyAudit(log)).toMatchObject({ ok: false, firstBad: { line: 5, problem: 'malformed' } });
    expect(() => appendAudit({ operator: 'A', purpose: 'p', kind: 'x', counts: { returned: 0 } }, { log })).toThrow(/does not end with a complete entry/);
    const cut = lines[0].length + 1 + lines[1].length + 1 + 30;
    writeFileSync(log, text.slice(0, cut));
    expect(verifyAudit(log)).toMatchObject({ ok: false, firstBad: { line: 3, seq: null, problem: 'malformed' } });
  });

  it('keeps the chain under concurrent appends from several processes', async () => {
    const log = tmp('concurrent');
    const mod = path.join(ROOT, 'kernel-lib', 'dist', 'privacy', 'audit.js');
    const script = `const { appendAudit } = require(${JSON.stringify(mod)});
      for (let i = 0; i < 15; i++) appendAudit({ operator: 'P' + process.pid, purpose: 'race', kind: 'x', counts: { returned: i } }, { log: ${JSON.stringify(log)} });`;
    await Promise.all([0, 1, 2, 3].map(() => new Promise<void>((resolve, reject) => {
      const p = spawn('node', ['-e', script], { env: { ...process.env, ANPR_PSEUDONYM_KEY: 'k' }, stdio: 'inherit' });
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
    })));
    expect(verifyAudit(log)).toMatchObject({ ok: true, entries: 60 });
    expect(existsSync(`${log}.lock`)).toBe(false);
  });
});

describe('auditLogPath', () => {
  it('--audit-log, else ANPR_AUDIT_LOG, else audit.jsonl beside the pseudonym key (XDG_DATA_HOME honoured)', () => {
    const saved = { a: process.env.ANPR_AUDIT_LOG, x: process.env.XDG_DATA_HOME, k: process.env.ANPR_KEY_FILE };
    try {
      delete process.env.ANPR_KEY_FILE;
      process.env.ANPR_AUDIT_LOG = '/tmp/env-audit.jsonl';
      expect(auditLogPath('/tmp/x.jsonl')).toBe('/tmp/x.jsonl');
      expect(auditLogPath()).toBe('/tmp/env-audit.jsonl');
      delete process.env.ANPR_AUDIT_LOG;
      process.env.XDG_DATA_HOME = '/tmp/xdg';
      expect(auditLogPath()).toBe('/tmp/xdg/anpr/audit.jsonl');
      delete process.env.XDG_DATA_HOME;
      expect(auditLogPath()).toBe(path.join(os.homedir(), '.local', 'share', 'anpr', 'audit.jsonl'));
    } finally {
      for (const [k, v] of [['ANPR_AUDIT_LOG', saved.a], ['XDG_DATA_HOME', saved.x], ['ANPR_KEY_FILE', saved.k]] as const) {
        if (v === undefined) delete process.env[k]; else process.env[k] = v;
      }
    }
  });
});

describe('session / auditConsultation', () => {
  it('throws, saying what to supply, when no session is set', () => {
    expect(currentSession()).toBeNull();
    expect(() => auditConsultation('find clones', {}, { returned: 0 })).toThrow(/session\(\{ operator: .*purpose: /);
  });

  it('rejects a session without operator or purpose', () => {
    expect(() => session({ operator: '', purpose: 'p' })).toThrow(/operator/);
    expect(() => session({ operator: 'A1', purpose: '  ' })).toThrow(/purpose/);
  });

  it('logs with the session\'s who and why', () => {
    const log = tmp();
    const s = session({ operator: 'A123', purpose: 'Op Kestrel', reference: 'CAD 1', auditLog: log });
    expect(currentSession()).toBe(s);
    const e = auditConsultation('find convoy', { vrm: 'AB12CDE', withinSeconds: 120 }, { returned: 3 });
    expect(e).toMatchObject({ seq: 1, operator: 'A123', purpose: 'Op Kestrel', reference: 'CAD 1', kind: 'find convoy', params: { vrm: pseudonym('AB12CDE'), withinSeconds: 120 }, counts: { returned: 3 } });
    expect(verifyAudit(log)).toMatchObject({ ok: true, entries: 1 });
  });
});

describe('CLI', () => {
  let data: string[] = [];
  const anpr = (args: string[]) => {
    const r = spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ANPR_PURPOSE: '', ANPR_OPERATOR: '', ANPR_AUDIT_LOG: '', ANPR_PSEUDONYM_KEY: 'audit-test' } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  beforeAll(() => {
    const reads = path.join(dir, 'reads.csv'), sites = path.join(dir, 'sites.csv');
    writeFileSync(sites, 'site_id,name,lat,lon\nS1,Liverpool,53.4084,-2.9916\nS2,Manchester,53.4808,-2.2426\n');
    writeFileSync(reads, 'vrm,timestamp,site_id\nAB12CDE,2025-03-03T10:00:00Z,S1\nAB12CDE,2025-03-03T10:05:00Z,S2\nXY34ZZZ,2025-03-03T11:00:00Z,S1\nXY34ZZZ,2025-03-03T13:00:00Z,S2\n');
    data = ['--reads', reads, '--sites', sites];
  });

  it('logs one entry per find / profile run, with input digests and counts', () => {
    const log = tmp('cli');
    const who = ['--purpose', 'p', '--operator', 'o', '--audit-log', log];
    let r = anpr(['find', 'clones', ...data, ...who, '--reference', 'R1']);
    expect(r.code, r.err).toBe(0);
    expect(readAudit(log)).toHaveLength(1);
    r = anpr(['profile', '--vrm', 'AB12CDE', ...data, ...who, '--json']);
    expect(r.code, r.err).toBe(0);
    const entries = readAudit(log);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ seq: 1, operator: 'o', purpose: 'p', reference: 'R1', kind: 'find clones', counts: { returned: 1 } });
    expect(entries[0].inputs.map((i) => i.sha256)).toEqual([sha256Hex(readFileSync(data[1])), sha256Hex(readFileSync(data[3]))]);
    expect(entries[1]).toMatchObject({ seq: 2, kind: 'profile', params: { vrm: pseudonym('AB12CDE') }, counts: { returned: 1 } });
    expect(readFileSync(log, 'utf8')).not.toContain('AB12CDE');
  });

  it('logs nothing when the purpose is missing (exit 2)', () => {
    const log = tmp('cli');
    const r = anpr(['find', 'clones', ...data, '--operator', 'o', '--audit-log', log]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--purpose TEXT and --operator ID/);
    expect(existsSync(log)).toBe(false);
    expect(anpr(['profile', '--vrm', 'AB12CDE', ...data, '--purpose', 'p', '--audit-log', log]).code).toBe(2);
    expect(existsSync(log)).toBe(false);
  });

  it('anpr audit verify: exit 0 with the count, 1 naming the first bad entry; show lists entries', () => {
    const { log, lines } = makeLog(3);
    let r = anpr(['audit', 'verify', '--log', log]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^OK: 3 entries/);
    r = anpr(['audit', 'show', '--log', log, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3]);
    expect(anpr(['audit', 'show', '--log', log]).out).toMatch(/3 entries/);
    write(log, [lines[0], lines[2]]);
    r = anpr(['audit', 'verify', '--log', log]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/line 2 \(seq 3\) is preceded by removed entries/);
    expect(anpr(['audit', 'verify', '--log', path.join(dir, 'absent.jsonl')]).code).toBe(1);
    expect(anpr(['audit', 'frobnicate']).code).toBe(2);
  });
});
