/**
 * Named results of a notebook run (`recordResults`), kept in the run registry for the
 * manifest's `results_digest` and shown as a one-line note the `anpr run` command picks up.
 */
import { MIMEBUNDLE, type Displayable, type MimeBundle } from '../display/bundle';
import { escapeHtml } from '../display/html';
import { show } from '../display/show';
import { canonicalJson, canonicalValue, sha256Hex } from '../core/digest';
import { runState } from '../run/registry';

/** MIME type of one recorded result (`recordResults`): `{ name, value, sha256 }`. */
export const RESULTS_MIME = 'application/vnd.anpr.results.v1+json';

/** A recorded result as displayed (and picked up by `anpr run`). */
export class RecordedResult implements Displayable {
  constructor(readonly name: string, readonly value: unknown, readonly sha256: string) {}
  [MIMEBUNDLE](): MimeBundle {
    const summary = Array.isArray(this.value) ? `${this.value.length} items` : typeof this.value;
    return {
      data: {
        [RESULTS_MIME]: { name: this.name, value: this.value, sha256: this.sha256 },
        'text/html': `<div class="anpr-results"><small>result <b>${escapeHtml(this.name)}</b> recorded (${escapeHtml(summary)}; sha256 <code>${this.sha256.slice(0, 16)}</code>)</small></div>`,
        'text/plain': `result ${this.name} recorded (${summary}; sha256 ${this.sha256.slice(0, 16)})`,
      },
    };
  }
}

/**
 * Record a named result of the run (rankings, metrics) for the manifest's `results_digest`,
 * and show a one-line note carrying it as `application/vnd.anpr.results.v1+json`. The value is
 * stored in canonical form (keys sorted, NaN as null). Put only what should be reproducible in
 * it: no timings, no wall-clock times, and plates pseudonymised (it is shown in the notebook).
 * Recording the same name again replaces the earlier value.
 * @example anpr.recordResults('ranking', result.candidates.slice(0, top).map(c => ({ rank: c.rank, vrm: anpr.pseudonym(c.vrm), score: c.score })))
 */
export function recordResults(name: string, value: unknown): void {
  if (typeof name !== 'string' || !name) throw new TypeError('recordResults: name must be a non-empty string');
  const v = canonicalValue(value);
  runState().results.set(name, v);
  show(new RecordedResult(name, v, sha256Hex(canonicalJson(v))));
}
