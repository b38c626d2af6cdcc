/** Loading the store a search command runs on (--reads, --sites, --now, --authorisation, --no-cache). */
import { loadReads } from '../ingest/load-reads';
import * as msg from '../messages';
import type { ReadStore } from '../reads/types';
import { UsageError, type Values } from './args';

/**
 * Load --reads (CSV, CSV.gz, Parquet) with --sites; with --now, the data-age rule applies
 * (reads older than 90 days need --authorisation REF, older than 365 days are never used);
 * the reads cache serves a load it holds unless --no-cache.
 * @example const store = await loadStore('find area', { reads: 'reads.csv.gz', sites: 'sites.csv', now: '2025-04-01T00:00:00Z' });
 */
export async function loadStore(command: string, values: Values): Promise<ReadStore> {
  if (typeof values.reads !== 'string') throw new UsageError(msg.cliBadOption(command, 'reads', values.reads ?? null, 'a reads file (CSV, CSV.gz or Parquet)'));
  if (values.authorisation !== undefined && values.now === undefined) throw new UsageError(msg.cliBadOption(command, 'now', null, 'an ISO 8601 time with --authorisation (the data-age rule measures from it)'));
  if (values.now !== undefined && !Number.isFinite(Date.parse(String(values.now)))) throw new UsageError(msg.cliBadOption(command, 'now', values.now, 'an ISO 8601 time such as 2025-04-01T09:00:00Z'));
  const { store } = await loadReads({
    reads: values.reads, sites: typeof values.sites === 'string' ? values.sites : undefined,
    now: typeof values.now === 'string' ? values.now : undefined, authorisation: typeof values.authorisation === 'string' ? values.authorisation : undefined,
    cache: values['no-cache'] !== true, // --no-cache: parse the file even when the reads cache holds this load
  });
  return store;
}
