/**
 * Canonical JSON and SHA-256 digests for reproducible runs: the same results give the same
 * bytes (object keys sorted, no whitespace) and so the same digest, whatever the insertion
 * order of keys; and the SHA-256 of a file (read in chunks). Shared by the kernel side (`recordResults`, `runManifest`)
 * and `anpr run`.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * JSON with object keys sorted (by UTF-16 code units), arrays in order, no whitespace.
 * `undefined` members and functions are left out (as JSON.stringify does); NaN and ±Infinity
 * become null, -0 becomes 0; Dates are ISO strings; typed arrays, Sets and Maps become arrays
 * and objects; bigints are decimal strings; `toJSON()` is honoured.
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const out = encode(value, new Set());
  return out === undefined ? 'null' : out;
}

function encode(v: unknown, seen: Set<object>): string | undefined {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string': return JSON.stringify(v);
    case 'boolean': return v ? 'true' : 'false';
    case 'number': return Number.isFinite(v) ? JSON.stringify(Object.is(v, -0) ? 0 : v) : 'null';
    case 'bigint': return JSON.stringify(v.toString());
    case 'undefined': case 'function': case 'symbol': return undefined;
  }
  const o = v as object;
  if (seen.has(o)) throw new TypeError('canonicalJson: circular structure');
  seen.add(o);
  try {
    if (o instanceof Date) return JSON.stringify(Number.isFinite(o.getTime()) ? o.toISOString() : null);
    if (typeof (o as { toJSON?: unknown }).toJSON === 'function') return encode((o as { toJSON: () => unknown }).toJSON(), seen);
    if (ArrayBuffer.isView(o) && !(o instanceof DataView)) return encode(Array.from(o as unknown as ArrayLike<unknown>), seen);
    if (o instanceof Set) return encode([...o], seen);
    if (o instanceof Map) return encode(Object.fromEntries([...o].map(([k, x]) => [String(k), x])), seen);
    if (Array.isArray(o)) return `[${o.map((x) => encode(x, seen) ?? 'null').join(',')}]`;
    const parts: string[] = [];
    for (const k of Object.keys(o).sort()) {
      const s = encode((o as Record<string, unknown>)[k], seen);
      if (s !== undefined) parts.push(`${JSON.stringify(k)}:${s}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    seen.delete(o);
  }
}

/**
 * The value as plain JSON data, exactly as it is digested (canonical form parsed back).
 * @example canonicalValue({ b: NaN, a: new Date(0) }) // { a: '1970-01-01T00:00:00.000Z', b: null }
 */
export function canonicalValue(value: unknown): unknown {
  return JSON.parse(canonicalJson(value));
}

/**
 * SHA-256 (hex) of a string (UTF-8) or bytes.
 * @example sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The digest of a run's results: SHA-256 of the canonical JSON of `{ name: value }`, so the
 * order in which results were recorded does not matter. Keep timings and wall-clock values
 * out of the values: they would change the digest on every run.
 * @example resultsDigest({ ranking: [{ rank: 1, vrm: 'V-K7Q2M9XW3R', score: 0.91 }] }) // '3f1c…'
 */
export function resultsDigest(results: Record<string, unknown>): string {
  return sha256Hex(canonicalJson(results));
}

/**
 * SHA-256 (hex) of a file, read in 1 MiB chunks.
 * @example fileSha256('notebooks/01-find-county-lines.ipynb') // 'e3b0…'
 */
export function fileSha256(file: string): string {
  const h = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}
