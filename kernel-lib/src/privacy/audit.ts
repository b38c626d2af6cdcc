/**
 * The consultation audit log (DPA 2018 s62: who consulted the data, when, and why).
 *
 * An append-only JSON-lines file, one entry per search, each line the canonical JSON of
 * `{seq, time, operator, purpose, reference?, kind, params, inputs, counts, prev, hash}`:
 * `hash` is the SHA-256 of the canonical JSON of the entry without `hash`, `prev` the SHA-256
 * of the previous entry's canonical line (64 zeros for the first). Altering, removing or
 * reordering an entry breaks the chain, and `verifyAudit` names the first bad line.
 *
 * Where: `--audit-log FILE` (or `{ log }`), else `ANPR_AUDIT_LOG`, else `audit.jsonl` beside
 * the pseudonym key (`~/.local/share/anpr/`, `$XDG_DATA_HOME/anpr/` when set).
 *
 * Concurrency: an append takes an exclusive lock file (`LOG.lock`, created with O_EXCL),
 * reads the last line for `seq` and `prev`, writes the new line with one `write` on a file
 * opened for appending, then removes the lock. A lock older than 30 s is taken to be left by
 * a crashed process and removed. Not proof against a writer that ignores the lock, or against
 * removal of the last entries (the chain cannot show a shortened tail): keep a copy of the
 * last hash elsewhere if that matters.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import * as msg from '../messages';
import { canonicalJson, canonicalValue, sha256Hex } from '../core/digest';
import { fileSha256 } from '../core/digest';
import { keyFilePath, pseudonym } from './pseudonym';

/** An input file of a consultation and its SHA-256. */
export interface AuditInput { file: string; sha256: string }

/** What the caller supplies for one consultation. */
export interface AuditEntryInput {
  operator: string;
  purpose: string;
  reference?: string;
  /** What was run, e.g. 'find county-lines', 'find a-then-b', 'profile'. */
  kind: string;
  /** Plain JSON parameters; values of keys `vrm` / `vrms` are pseudonymised on write. */
  params?: Record<string, unknown>;
  /** Input files: paths (hashed on write) or `{file, sha256}`. */
  inputs?: (string | AuditInput)[];
  /** At least `returned` (rows, candidates or profiles shown). */
  counts: { returned: number; [name: string]: number };
}

/** One entry as stored. */
export interface AuditEntry {
  seq: number;
  time: string;
  operator: string;
  purpose: string;
  reference?: string;
  kind: string;
  params: Record<string, unknown>;
  inputs: AuditInput[];
  counts: Record<string, number>;
  prev: string;
  hash: string;
}

/** The first bad line of a log: 1-based line number, the seq it shows (null if unreadable), and what is wrong. */
export interface AuditProblem { line: number; seq: number | null; problem: 'altered' | 'removed' | 'reordered' | 'malformed' }

/** Result of `verifyAudit`. `entries` counts the lines read; `exists` is false when there is no log file. */
export interface AuditVerification { ok: boolean; log: string; exists: boolean; entries: number; lastHash: string; firstBad?: AuditProblem }

/** An audit log that cannot be written or read (the message says what to do). */
export class AuditError extends Error {}

/** The `prev` of the first entry. */
export const AUDIT_GENESIS = '0'.repeat(64);

/**
 * The audit log path: `explicit` (from `--audit-log`), else `ANPR_AUDIT_LOG`, else
 * `audit.jsonl` in the pseudonym key's folder.
 * @example auditLogPath() // '/home/me/.local/share/anpr/audit.jsonl'
 */
export function auditLogPath(explicit?: string): string {
  if (explicit) return path.resolve(explicit);
  if (process.env.ANPR_AUDIT_LOG) return path.resolve(process.env.ANPR_AUDIT_LOG);
  return path.join(path.dirname(keyFilePath()), 'audit.jsonl');
}

/**
 * Parameters as stored: plain JSON, with the values of `vrm` / `vrms` keys (at any depth)
 * pseudonymised unless they already are.
 * @example auditParams({ vrm: 'AB12CDE', within: 30 }) // { vrm: 'V-…', within: 30 }
 */
export function auditParams(params: Record<string, unknown> = {}): Record<string, unknown> {
  const hide = (v: unknown): unknown =>
    typeof v === 'string' ? (/^V-[A-Z2-9]{10}$/.test(v) ? v : pseudonym(v)) : Array.isArray(v) ? v.map(hide) : v;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, k === 'vrm' || k === 'vrms' ? hide(x) : walk(x)]));
    }
    return v;
  };
  return walk(canonicalValue(params)) as Record<string, unknown>;
}

/** The hash of an entry: SHA-256 of the canonical JSON without `hash`. */
export function auditEntryHash(entry: Omit<AuditEntry, 'hash'> | AuditEntry): string {
  const { hash: _omit, ...rest } = entry as AuditEntry;
  return sha256Hex(canonicalJson(rest));
}

/** The chain link to an entry: SHA-256 of its canonical line. */
export function auditLink(entry: AuditEntry): string {
  return sha256Hex(canonicalJson(entry));
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function withLock<T>(log: string, body: () => T): T {
  const lock = `${log}.lock`;
  const deadline = Date.now() + 10_000;
  let fd = -1;
  for (;;) {
    try {
      fd = openSync(lock, 'wx', 0o600);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new AuditError(msg.auditCannotWrite(log, (e as Error).message));
      try {
        if (Date.now() - statSync(lock).mtimeMs > 30_000) { unlinkSync(lock); continue; }
      } catch { continue; }
      if (Date.now() > deadline) throw new AuditError(msg.auditLocked(log, lock));
      sleep(5 + Math.random() * 20);
    }
  }
  try {
    writeSync(fd, String(process.pid));
    return body();
  } finally {
    closeSync(fd);
    try { unlinkSync(lock); } catch { /* already gone */ }
  }
}

/** The last line of a file (without its newline), read from the end; '' when empty. Throws when the file does not end with a newline. */
function lastLine(log: string): string {
  const fd = openSync(log, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return '';
    const one = Buffer.alloc(1);
    readSync(fd, one, 0, 1, size - 1);
    if (one[0] !== 0x0a) throw new AuditError(msg.auditLogBroken(log));
    let chunk = 64 * 1024;
    for (;;) {
      const start = Math.max(0, size - 1 - chunk);
      const buf = Buffer.alloc(size - 1 - start);
      readSync(fd, buf, 0, buf.length, start);
      const nl = buf.lastIndexOf(0x0a);
      if (nl >= 0) return buf.subarray(nl + 1).toString('utf8');
      if (start === 0) return buf.toString('utf8');
      chunk *= 4;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Append one consultation to the audit log and return the entry as stored. Synchronous;
 * throws AuditError (nothing written) when the log cannot be written or its last line is broken.
 * @example appendAudit({ operator: 'A1', purpose: 'op X', kind: 'find clones', params: { maxSpeedKmh: 250 }, inputs: ['reads.csv'], counts: { returned: 3 } })
 */
export function appendAudit(entry: AuditEntryInput, opts: { log?: string } = {}): AuditEntry {
  const log = auditLogPath(opts.log);
  if (!entry.operator?.trim() || !entry.purpose?.trim()) throw new AuditError(msg.auditNeedsWho(entry.kind));
  const inputs = (entry.inputs ?? []).map((i) => (typeof i === 'string' ? { file: path.resolve(i), sha256: fileSha256(i) } : { file: i.file, sha256: i.sha256 }));
  const params = auditParams(entry.params);
  const counts = canonicalValue(entry.counts) as Record<string, number>;
  try {
    mkdirSync(path.dirname(log), { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new AuditError(msg.auditCannotWrite(log, (e as Error).message));
  }
  return withLock(log, () => {
    let seq = 1, prev = AUDIT_GENESIS;
    const last = existsSync(log) ? lastLine(log) : '';
    if (last) {
      let p: AuditEntry;
      try { p = JSON.parse(last); } catch { throw new AuditError(msg.auditLogBroken(log)); }
      if (typeof p.seq !== 'number') throw new AuditError(msg.auditLogBroken(log));
      seq = p.seq + 1;
      prev = auditLink(p);
    }
    const body: Omit<AuditEntry, 'hash'> = {
      seq, time: new Date().toISOString(), operator: entry.operator, purpose: entry.purpose,
      ...(entry.reference ? { reference: entry.reference } : {}),
      kind: entry.kind, params, inputs, counts, prev,
    };
    const stored: AuditEntry = { ...body, hash: auditEntryHash(body) };
    let fd: number;
    try {
      fd = openSync(log, 'a', 0o600);
    } catch (e) {
      throw new AuditError(msg.auditCannotWrite(log, (e as Error).message));
    }
    try {
      writeSync(fd, canonicalJson(stored) + '\n');
    } finally {
      closeSync(fd);
    }
    return stored;
  });
}

/**
 * The entries of a log, in file order ([] when there is no log). Throws AuditError naming
 * the line when one is not JSON; use `verifyAudit` to check the chain.
 * @example readAudit().map((e) => `${e.seq} ${e.operator} ${e.kind}`)
 */
export function readAudit(log?: string): AuditEntry[] {
  const file = auditLogPath(log);
  if (!existsSync(file)) return [];
  return splitLines(readFileSync(file, 'utf8')).map((line, i) => {
    try {
      return JSON.parse(line) as AuditEntry;
    } catch {
      throw new AuditError(msg.auditMalformedLine(file, i + 1));
    }
  });
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Check the chain of a log: every line an entry, every hash right, seq 1, 2, 3… in order,
 * every `prev` the link to the line before. Names the first bad line: 'malformed' (not an
 * entry, or cut off mid-line), 'altered' (content does not match its hash, or the next
 * entry's `prev`), 'removed' (entries missing before it), 'reordered' (out of order).
 * @example verifyAudit() // { ok: true, entries: 12, ... }
 */
export function verifyAudit(log?: string): AuditVerification {
  const file = auditLogPath(log);
  if (!existsSync(file)) return { ok: true, log: file, exists: false, entries: 0, lastHash: AUDIT_GENESIS };
  const text = readFileSync(file, 'utf8');
  const lines = splitLines(text);
  const parsed: (AuditEntry | null)[] = lines.map((line) => {
    try {
      const e = JSON.parse(line);
      const ok = e && typeof e === 'object' && Number.isInteger(e.seq) && typeof e.hash === 'string' && HEX64.test(e.prev ?? '') &&
        typeof e.operator === 'string' && typeof e.purpose === 'string' && typeof e.kind === 'string' && typeof e.time === 'string';
      return ok ? (e as AuditEntry) : null;
    } catch {
      return null;
    }
  });
  const bad = (i: number, problem: AuditProblem['problem']): AuditVerification => ({
    ok: false, log: file, exists: true, entries: lines.length, lastHash: AUDIT_GENESIS,
    firstBad: { line: i + 1, seq: parsed[i]?.seq ?? null, problem },
  });
  let prevLink = AUDIT_GENESIS;
  for (let i = 0; i < lines.length; i++) {
    const e = parsed[i];
    const truncated = i === lines.length - 1 && !text.endsWith('\n');
    if (!e || truncated) return bad(i, 'malformed');
    if (auditEntryHash(e) !== e.hash) return bad(i, 'altered');
    const expected = i + 1;
    if (e.seq !== expected) {
      // The expected entry later in the file: moved; otherwise it is gone.
      const later = parsed.slice(i + 1).some((x) => x?.seq === expected);
      return bad(i, e.seq < expected || later ? 'reordered' : 'removed');
    }
    if (e.prev !== prevLink) return i > 0 ? bad(i - 1, 'altered') : bad(i, 'removed');
    prevLink = auditLink(e);
  }
  return { ok: true, log: file, exists: true, entries: lines.length, lastHash: prevLink };
}
