/**
 * One streaming HTTP(S) POST of a bulk insert (`INSERT … FORMAT RowBinary`), sent from a worker
 * thread so that the parsing thread never waits on the network and the body never piles up:
 * `write` hands the bytes over and blocks (Atomics.wait) while more than `maxInFlight` bytes are
 * unsent, so memory stays bounded whatever the server's speed. The body goes out chunked; the
 * server reads it as it comes, in blocks of `max_insert_block_size` rows.
 */
import { Worker } from 'node:worker_threads';

/** Where and how to POST. */
export interface HttpInsert {
  /** Base URL, e.g. http://127.0.0.1:8123 or https://ch.example:8443. */
  url: string;
  /** The statement (sent as the `query` parameter); the body follows it. */
  query: string;
  /** Settings sent as URL parameters. */
  settings?: Record<string, string | number>;
  username?: string;
  password?: string;
  /** Bytes handed over but not yet sent before `write` blocks (default 32 MiB). */
  maxInFlight?: number;
}

// The worker: plain JS, Node built-ins only (runs from the compiled library and from the TS sources).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, path, headers, state } = workerData;
const mod = url.startsWith('https:') ? require('node:https') : require('node:http');
const flag = new Int32Array(state);
let body = '', status = 0, failed = null;
const req = mod.request(url + path, { method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' } }, (res) => {
  status = res.statusCode;
  res.setEncoding('utf8');
  res.on('data', (d) => { if (body.length < 20000) body += d; });
  res.on('end', () => {
    if (status !== 200) { failed = 'HTTP ' + status + ': ' + body.trim(); Atomics.store(flag, 1, 1); Atomics.notify(flag, 0); }
    parentPort.postMessage({ done: true, status, body, error: failed });
  });
});
req.on('error', (e) => { failed = e.message; Atomics.store(flag, 1, 1); Atomics.notify(flag, 0); parentPort.postMessage({ done: true, status, body, error: e.message }); });
parentPort.on('message', (m) => {
  if (m.end) { req.end(); return; }
  const b = Buffer.from(m.buf);
  req.write(b, () => { Atomics.sub(flag, 0, b.length); Atomics.notify(flag, 0); });
});
`;

/**
 * Open the insert. `write(bytes)` copies and queues (blocking while too much is unsent);
 * `end()` resolves when the server has answered 200, and rejects with its error otherwise.
 *
 * @example
 * const s = openHttpInsert({ url: 'http://127.0.0.1:8123', query: 'INSERT INTO anpr.reads FORMAT RowBinary' });
 * s.write(rowBinaryBytes); await s.end();
 */
export function openHttpInsert(o: HttpInsert): { write(bytes: Uint8Array): void; end(): Promise<void>; abort(): Promise<void> } {
  const state = new SharedArrayBuffer(8); // [bytes in flight, failed]
  const flag = new Int32Array(state);
  const params = new URLSearchParams({ query: o.query });
  for (const [k, v] of Object.entries(o.settings ?? {})) params.set(k, String(v));
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
  if (o.username !== undefined) headers['X-ClickHouse-User'] = o.username;
  if (o.password !== undefined) headers['X-ClickHouse-Key'] = o.password;
  const worker = new Worker(WORKER, { eval: true, workerData: { url: o.url.replace(/\/+$/, ''), path: `/?${params}`, headers, state } });
  const max = o.maxInFlight ?? 32 << 20;
  let result: { status: number; body: string; error: string | null } | null = null;
  let crashed: Error | null = null;
  const done = new Promise<void>((resolve) => {
    worker.on('message', (m) => { if (m.done) { result = m; resolve(); } });
    worker.on('error', (e) => { crashed = e; Atomics.store(flag, 1, 1); resolve(); });
    worker.on('exit', () => resolve());
  });
  const fail = () => new Error(crashed ? crashed.message : result?.error ?? 'the insert failed');
  return {
    write(bytes: Uint8Array) {
      if (Atomics.load(flag, 1)) throw fail();
      if (bytes.length === 0) return;
      const own = new Uint8Array(bytes.length); // a copy of its own (a Buffer's slice() is a view into a shared pool)
      own.set(bytes);
      const copy = own.buffer;
      Atomics.add(flag, 0, bytes.length);
      worker.postMessage({ buf: copy }, [copy]);
      for (let inFlight = Atomics.load(flag, 0); inFlight > max && !Atomics.load(flag, 1); inFlight = Atomics.load(flag, 0)) {
        Atomics.wait(flag, 0, inFlight, 1000);
      }
      if (Atomics.load(flag, 1)) throw fail();
    },
    async end() {
      worker.postMessage({ end: true });
      await done;
      await worker.terminate();
      if (crashed || !result || (result as { error: string | null }).error) throw fail();
    },
    async abort() { await worker.terminate(); },
  };
}
