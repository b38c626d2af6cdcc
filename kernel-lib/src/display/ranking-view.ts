import type { CountyLinesRanking as CountyLinesResult } from '../method/county-lines/types';
import { pseudonym } from '../privacy/pseudonym';
import { candidateReasons } from '../privacy/redact';
import { MIMEBUNDLE, type Displayable, type MimeBundle } from './bundle';
import { escapeHtml } from './html';

export interface RankingViewOptions {
  /** Candidates shown (the result keeps every scored vehicle). */
  top?: number;
  /** Show real VRMs instead of pseudonyms (callers must have logged a purpose). */
  reveal?: boolean;
}

/** The finder's ranked candidates with their reasons, as an HTML table. */
export class RankingView implements Displayable {
  constructor(readonly result: CountyLinesResult, readonly options: RankingViewOptions = {}) {}

  [MIMEBUNDLE](): MimeBundle {
    const { top = 20, reveal = false } = this.options;
    const r = this.result;
    const rows = r.candidates.slice(0, top).map(c => {
      const who = reveal ? c.vrm : pseudonym(c.vrm);
      const reasons = candidateReasons(c, reveal).map(x => `<li>${escapeHtml(x)}</li>`).join('');
      return `<tr><td>${c.rank}</td><td><code>${escapeHtml(who)}</code></td><td>${c.score.toFixed(3)}</td><td><ul>${reasons}</ul></td></tr>`;
    });
    const markets = r.markets.map(m => m.name + (m.discovered ? ' (discovered)' : '')).join(', ');
    const html =
      `<div class="anpr-ranking"><p><b>County-lines candidates</b>: hub ${escapeHtml(r.hub)}; markets ${escapeHtml(markets)}; ` +
      `${r.counts.scored} vehicles scored of ${r.counts.vehicles}; showing the top ${Math.min(top, r.candidates.length)}. ` +
      `A ranking to review, not a decision: verify reads against images and other enquiries.</p>` +
      `<table class="anpr-table"><thead><tr><th>rank</th><th>vehicle</th><th>score</th><th>why</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
    const text = r.candidates
      .slice(0, top)
      .map(c => `${String(c.rank).padStart(3)}  ${(reveal ? c.vrm : pseudonym(c.vrm)).padEnd(13)} ${c.score.toFixed(3)}  ${candidateReasons(c, reveal)[0] ?? ''}`)
      .join('\n');
    return { data: { 'text/html': html, 'text/plain': text } };
  }
}

/**
 * Show the finder's top candidates with their reasons (pseudonymised unless `reveal`).
 * @example show(rankingView(findCountyLines(store, { hub, markets }), { top: 10 }))
 */
export function rankingView(result: CountyLinesResult, options: RankingViewOptions = {}): RankingView {
  return new RankingView(result, options);
}
