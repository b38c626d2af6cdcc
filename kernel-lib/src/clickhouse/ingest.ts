/**
 * `ingestClickHouse`: a reads file into a ClickHouse cluster, streamed, in constant memory.
 *
 *   DDL: DB.reads_local (MergeTree, ORDER BY (h, t), h = halfMD5(k)) on every shard (or ON CLUSTER),
 *        DB.reads = Distributed(cluster, DB, reads_local, h)
 *   CSV / CSV.gz ─► stream-reads.ts (the loader's ReadAccumulator: reasons, quarantine; the
 *        duplicate window) ─► RowBinary, split by shard (h % shards, as the Distributed
 *        table's key) ─► one streaming HTTP POST per shard, `INSERT INTO DB.reads_local FORMAT
 *        RowBinary`, each from a worker thread (http-sink.ts) — with `shards` given; without,
 *        one POST into DB.reads with `insert_distributed_sync = 1` (the server splits the blocks)
 *   Parquet / Arrow ─► loadReads (the whole file in memory, as before) ─► the same insert
 *
 * read = accepted + rejected + duplicates is checked before returning.
 */
import * as msg from '../messages';
import { detectFormat } from '../ingest/detect-format';
import { IngestError } from '../ingest/ingest-error';
import { loadReads } from '../ingest/load-reads';
import { loadSites } from '../ingest/load-sites';
import { QuarantineWriter } from '../ingest/quarantine';
import { ReadAccumulator } from '../ingest/read-accumulator';
import { REJECT_REASONS, type RejectReason } from '../ingest/types';
import { lookalikeKey } from '../reads/lookalikes';
import { recordInput } from '../run/registry';
import { openHttpInsert } from './http-sink';
import { keyHash } from './key-hash';
import * as sql from './sql';
import { streamReadsRowBinary, stringBytes } from './stream-reads';
import { clickhouseClient, clickhouseTarget, sqlName, type ClickHouseTarget } from './target';

/** Options of {@link ingestClickHouse}. */
export interface IngestClickHouseOptions {
  /** Cluster name in the servers' `remote_servers` (default `anpr`). */
  cluster?: string;
  /** HTTP addresses of every shard, to create `reads_local` on each; omitted: `CREATE … ON CLUSTER` (needs ZooKeeper/Keeper). */
  shards?: string[];
  /** Keep the rows already there (default: the tables are created afresh). */
  append?: boolean;
  /** Write rejected rows here (as `loadReads`' quarantine). */
  quarantine?: string;
  /** Called as the file is read: share of the file done and reads sent so far. */
  onProgress?: (fraction: number, reads: number) => void;
  /** Exact duplicates are looked for among the last 1–2 × this many reads (default 131,072; see stream-reads.ts). */
  dedupeWindow?: number;
}

/** What {@link ingestClickHouse} did: the load summary's counts, and time. */
export interface IngestClickHouseResult {
  /** Reads inserted (accepted, duplicates removed). */
  reads: number;
  /** Distinct plates among them. */
  plates: number;
  /** Data rows in the file; read = reads + rejected + duplicates. */
  read: number;
  rejected: number;
  duplicates: number;
  reasons: Record<RejectReason, number>;
  firstRead: string | null;
  lastRead: string | null;
  /** Whether the file was streamed (CSV, CSV.gz) or loaded whole (Parquet, Arrow). */
  streamed: boolean;
  seconds: number;
}

async function createTables(t: ClickHouseTarget, cluster: string, options: IngestClickHouseOptions): Promise<string> {
  const local = `${t.database}.reads_local`, dist = `${t.database}.reads`;
  const onCluster = options.shards ? '' : ` ON CLUSTER ${cluster}`;
  for (const shard of options.shards ?? [t.http]) {
    const c = await clickhouseClient({ ...t, http: shard });
    try {
      await c.command({ query: sql.createDatabase(t.database, onCluster) });
      if (!options.append) await c.command({ query: sql.dropTable(local, onCluster) });
      await c.command({ query: sql.createLocal(local, onCluster) });
    } finally { await c.close(); }
  }
  const c = await clickhouseClient(t);
  try {
    if (!options.append) await c.command({ query: sql.dropTable(dist) });
    await c.command({ query: sql.createDistributed(dist, cluster, t.database, 'reads_local') });
  } finally { await c.close(); }
  return dist;
}

/**
 * Load a reads file into ClickHouse: every row validated as `loadReads` validates it, the
 * accepted reads streamed as RowBinary through the `Distributed` table `DB.reads`, which places
 * each look-alike key on one shard. CSV and CSV.gz stream in constant memory (never the whole
 * file); Parquet and Arrow are loaded whole first.
 *
 * @example
 * const r = await ingestClickHouse('clickhouse://127.0.0.1:8123/anpr', 'reads.csv.gz', 'sites.csv', { shards: ['http://127.0.0.1:8123', 'http://127.0.0.1:8124'] });
 * r.read === r.reads + r.rejected + r.duplicates // true
 */
export async function ingestClickHouse(url: string, readsFile: string, sitesFile: string, options: IngestClickHouseOptions = {}): Promise<IngestClickHouseResult> {
  const t0 = performance.now();
  const target = clickhouseTarget(url);
  const cluster = sqlName(options.cluster ?? 'anpr');
  const format = detectFormat(readsFile);
  recordInput(readsFile);
  const sites = await loadSites(sitesFile);
  const dist = await createTables(target, cluster, options);
  const streamed = format === 'csv' || format === 'csv.gz';
  // With every shard's address, each shard's rows go straight to its reads_local (one POST per
  // shard, in parallel; the same shard the Distributed table would pick); otherwise through the
  // Distributed table, which splits each block and writes both shards before answering (sync).
  const direct = streamed && options.shards && options.shards.length > 1 ? options.shards : null;
  const inserts = (direct ?? [target.http]).map((http) => openHttpInsert({
    url: http, query: sql.insertRowBinary(direct ? `${target.database}.reads_local` : dist), username: target.username, password: target.password,
    // Big blocks: fewer parts to merge.
    settings: direct ? { max_insert_block_size: 4_194_304 } : { insert_distributed_sync: 1, max_insert_block_size: 4_194_304 },
  }));
  const insert = inserts[0];
  const progress = options.onProgress ?? (() => undefined);
  let reads = 0, plates = 0, read: number, duplicates: number, first: number, last: number;
  let acc: ReadAccumulator | null = null;
  let rejectedFromLoad: Record<RejectReason, number> | null = null;
  try {
    if (streamed) {
      acc = new ReadAccumulator({ sites });
      let q: QuarantineWriter | null = null;
      if (options.quarantine) {
        try { q = new QuarantineWriter(options.quarantine); } catch (e) {
          throw new IngestError(msg.fileNotWritable(options.quarantine, (e as Error).message), options.quarantine, 0, 'quarantine');
        }
      }
      const used = new PlateSet();
      try {
        const r = await streamReadsRowBinary(readsFile, format === 'csv.gz', acc, q, (bytes, n, shard) => { inserts[shard].write(bytes); reads += n; }, progress, options.dedupeWindow ?? 1 << 17, used, inserts.length);
        read = r.read; duplicates = r.duplicates; first = r.first; last = r.last;
      } finally { q?.close(); }
      plates = used.size;
    } else {
      const { store, summary } = await loadReads({ reads: readsFile, sites, quarantine: options.quarantine, onProgress: progress });
      read = summary.read; duplicates = summary.duplicates; rejectedFromLoad = summary.reasons;
      first = summary.firstRead ? Date.parse(summary.firstRead) : Infinity; last = summary.lastRead ? Date.parse(summary.lastRead) : -Infinity;
      plates = store.vrms.length;
      const siteBytes = store.sites.id.map((id) => stringBytes(new TextEncoder(), id));
      const f = new Float64Array(1), fb = new Uint8Array(f.buffer);
      for (let v = 0; v < store.vrms.length; v++) {
        const k = lookalikeKey(store.vrms[v]), h = new Uint8Array(8);
        new DataView(h.buffer).setBigUint64(0, keyHash(k), true);
        const pre = [stringBytes(new TextEncoder(), store.vrms[v]), stringBytes(new TextEncoder(), k), h];
        const parts: Uint8Array[] = [];
        for (let i = store.vehicleStart[v]; i < store.vehicleStart[v + 1]; i++) {
          f[0] = store.time[i];
          parts.push(...pre, fb.slice(), siteBytes[store.site[i]], Uint8Array.of(store.confidence[i]));
        }
        insert.write(Buffer.concat(parts));
        reads += store.vehicleStart[v + 1] - store.vehicleStart[v];
      }
    }
  } catch (e) {
    await Promise.all(inserts.map((i) => i.abort()));
    throw e;
  }
  await Promise.all(inserts.map((i) => i.end()));
  const reasons = rejectedFromLoad ?? (Object.fromEntries(REJECT_REASONS.map((r) => [r, acc!.reasons.get(r) ?? 0])) as Record<RejectReason, number>);
  const rejected = REJECT_REASONS.reduce((s, r) => s + reasons[r], 0);
  if (read !== reads + rejected + duplicates) throw new IngestError(msg.countInvariantBroken(readsFile, read, reads, rejected, duplicates), readsFile);
  return {
    reads, plates, read, rejected, duplicates, reasons,
    firstRead: reads ? new Date(first).toISOString() : null, lastRead: reads ? new Date(last).toISOString() : null,
    streamed, seconds: (performance.now() - t0) / 1000,
  };
}

/** A set of plate codes (dense small integers): how many distinct plates were inserted. */
export class PlateSet {
  private bits = new Uint8Array(1 << 16);
  size = 0;
  add(v: number): void {
    if (v >= this.bits.length) { const b = new Uint8Array(Math.max(this.bits.length * 2, v + 1)); b.set(this.bits); this.bits = b; }
    if (!this.bits[v]) { this.bits[v] = 1; this.size++; }
  }
}
