/**
 * `anpr ingest --to clickhouse://HOST:PORT/DB --reads FILE --sites FILE`: stream validated reads
 * into a ClickHouse cluster for `anpr find county-lines --engine clickhouse://HOST:PORT/DB`
 * (clickhouse/ingest.ts). A progress bar on a terminal; one summary line at the end.
 * Exit 0 ok, 2 bad usage or input.
 */
import { IngestError } from '../ingest/ingest-error';
import { ingestClickHouse } from '../clickhouse/ingest';
import { progressBar } from '../display/progress';
import * as msg from '../messages';
import { parseOwnOptions } from './args';

/** One-line description for `anpr --help`. @example summary // 'load reads into a ClickHouse cluster …' */
export const summary = 'load reads into a ClickHouse cluster (Distributed over MergeTree shards) for find --engine clickhouse://…';

/**
 * Run `anpr ingest`; returns the exit code.
 * @example
 * await run(['--to', 'clickhouse://127.0.0.1:8123/anpr', '--reads', 'reads.csv.gz', '--sites', 'sites.csv']); // 0
 */
export async function run(argv: string[]): Promise<number> {
  const values = parseOwnOptions(argv, {
    to: { type: 'string' }, reads: { type: 'string' }, sites: { type: 'string' }, cluster: { type: 'string' }, shards: { type: 'string' },
    quarantine: { type: 'string' },
    append: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
  } as const, msg.ingestUsage());
  if (typeof values === 'number') return values;
  if (!values.to || !values.reads || !values.sites) { process.stderr.write(msg.ingestUsage() + '\n'); return 2; }
  const progress = progressBar('Ingesting', { stream: !values.json && process.stderr.isTTY ? process.stderr : null });
  try {
    const r = await ingestClickHouse(values.to, values.reads, values.sites, {
      cluster: values.cluster, shards: values.shards ? values.shards.split(',').filter(Boolean) : undefined, append: values.append,
      quarantine: values.quarantine, onProgress: progress,
    });
    progress.done(r.reads);
    if (!r.streamed && !values.json) process.stderr.write(msg.clickhouseIngestLoadedWhole(values.reads) + '\n');
    process.stdout.write((values.json ? JSON.stringify({ to: values.to, ...r }) : msg.clickhouseIngested(r, values.to)) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof IngestError || e instanceof TypeError) { process.stderr.write((e as Error).message + '\n'); return 2; }
    throw e;
  }
}
