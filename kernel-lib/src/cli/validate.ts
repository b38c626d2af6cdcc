/**
 * `anpr validate --reads FILE [--sites FILE] [--json] [--quarantine FILE] [--no-cache]`
 *
 * Loads the reads as a notebook would and prints the load summary. Exit 0 when the file is
 * readable (even with rejected rows), 2 on bad usage or a fatal ingest error (message on stderr).
 */
import { IngestError } from '../ingest/ingest-error';
import { loadReads } from '../ingest/load-reads';
import { progressBar } from '../display/progress';
import * as msg from '../messages';
import { parseOwnOptions } from './args';

/** One-line description for `anpr --help`. */
export const summary = 'check a reads file: rows read, accepted, rejected (by reason), duplicates';

/**
 * Run the validate command; returns the exit code.
 *
 * @example
 * await run(['--reads', 'reads.csv', '--sites', 'sites.csv', '--json']); // 0, prints {"read":…}
 */
export async function run(argv: string[]): Promise<number> {
  const values = parseOwnOptions(argv, {
    reads: { type: 'string' }, sites: { type: 'string' }, quarantine: { type: 'string' },
    json: { type: 'boolean', default: false }, 'no-cache': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
  } as const, msg.validateUsage());
  if (typeof values === 'number') return values;
  if (!values.reads) { process.stderr.write(msg.validateUsage() + '\n'); return 2; }
  try {
    const progress = progressBar('Reading', { stream: !values.json && process.stderr.isTTY ? process.stderr : null });
    const { summary: s } = await loadReads({ reads: values.reads, sites: values.sites, quarantine: values.quarantine, onProgress: progress, cache: !values['no-cache'] });
    progress.done(s.read);
    if (values.json) {
      process.stdout.write(JSON.stringify({
        read: s.read, accepted: s.accepted, rejected: s.rejected, duplicates: s.duplicates, reasons: s.reasons,
        ambiguous_local_time_first: s.ambiguousLocalTimes, formats: s.formats, vehicles: s.vehicles, sites: s.sites,
      }) + '\n');
    } else process.stdout.write(msg.loadSummaryText(s) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof IngestError) { process.stderr.write(e.message + '\n'); return 2; }
    throw e;
  }
}
