import { randomBytes } from 'node:crypto';
import { kernelWriter } from './kernel-writer';
import { escapeHtml } from './html';

/** A progress callback (as `loadReads`' `onProgress`) that also knows when it is done. */
export interface Progress {
  (fraction: number, count: number): void;
  /** Show 100% with the final count. */
  done(count?: number): void;
}

export interface ProgressOptions {
  /** What is counted ("reads"). */
  unit?: string;
  /** Least time between two updates, ms. */
  everyMs?: number;
  /** Where a bar goes outside a kernel; default process.stderr when it is a terminal. */
  stream?: { write(s: string): unknown; isTTY?: boolean } | null;
}

function bar(fraction: number, width = 30): string {
  const full = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return '#'.repeat(full) + '.'.repeat(width - full);
}

/**
 * A progress display for long loads: in a notebook, one output updated in place
 * (update_display_data); on a terminal, a bar on stderr; otherwise silent.
 * @example const { store } = await loadReads({ reads: 'reads.csv.gz', sites: 'sites.csv', onProgress: progressBar('Loading reads') });
 */
export function progressBar(label: string, options: ProgressOptions = {}): Progress {
  const unit = options.unit ?? 'reads';
  const every = options.everyMs ?? 250;
  const write = kernelWriter();
  const stream = options.stream === undefined ? (process.stderr.isTTY ? process.stderr : null) : options.stream;
  const id = randomBytes(8).toString('hex');
  let sent = false;
  let last = 0;
  let lastFraction = 0;
  const render = (fraction: number, count: number, final: boolean) => {
    const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    const text = `${label}: [${bar(fraction)}] ${pct}% ${count.toLocaleString('en-GB')} ${unit}${final ? ' — done' : ''}`;
    if (write) {
      const html = `<div class="anpr-progress"><span>${escapeHtml(label)}</span> <progress max="100" value="${pct}"></progress> ${pct}% ${escapeHtml(count.toLocaleString('en-GB'))} ${escapeHtml(unit)}${final ? ' — done' : ''}</div>`;
      write({ data: { 'text/html': html, 'text/plain': text }, metadata: {}, transient: { display_id: id } }, sent);
      sent = true;
    } else if (stream) {
      stream.write(`\r${text}${final ? '\n' : ''}`);
    }
  };
  const progress = ((fraction: number, count: number) => {
    lastFraction = fraction;
    const now = Date.now();
    if (now - last < every) return;
    last = now;
    render(fraction, count, false);
  }) as Progress;
  progress.done = (count = 0) => render(Math.max(lastFraction, 1), count, true);
  return progress;
}
