/**
 * The profile header: identity (pseudonym, or VRM when revealed), period, score,
 * reasons and summary counts.
 */
import type { ProfileBundle } from '@anpr/kernel-lib/contract';
import { formatCount, formatPeriod } from '../shared/format';
import { scoreColor } from '../shared/colors';
import { MSG } from '../shared/messages';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The header block of a profile.
 * @example headerNode(bundle)
 */
export function headerNode(bundle: ProfileBundle): HTMLElement {
  const { vehicle } = bundle;
  const header = el('header', 'anpr-Profile-header');

  const idRow = el('div', 'anpr-Profile-identity');
  const shownRevealed = vehicle.revealed && !!vehicle.vrm;
  idRow.append(el('span', 'anpr-Profile-id', shownRevealed ? vehicle.vrm : vehicle.pseudonym));
  idRow.append(
    el('span', `anpr-Badge ${shownRevealed ? 'anpr-Badge-revealed' : 'anpr-Badge-pseudo'}`, shownRevealed ? MSG.revealed : MSG.pseudonymous)
  );
  if (typeof bundle.score === 'number') {
    const score = el('span', 'anpr-Badge anpr-Badge-score', `${MSG.score} ${bundle.score.toFixed(2)}`);
    score.style.background = scoreColor(bundle.score);
    idRow.append(score);
  }
  header.append(idRow);

  const meta = el('div', 'anpr-Profile-meta');
  if (shownRevealed) meta.append(el('span', '', `${MSG.pseudonymLabel}: ${vehicle.pseudonym}`));
  meta.append(el('span', '', `${MSG.period}: ${formatPeriod(bundle.period)}`));
  header.append(meta);

  const stats = el('div', 'anpr-Profile-stats');
  for (const key of ['reads', 'trips', 'days', 'sites'] as const) {
    const stat = el('div', 'anpr-Stat');
    stat.append(el('div', 'anpr-Stat-value', formatCount(bundle.summary[key])), el('div', 'anpr-Stat-label', MSG.summary[key]));
    stats.append(stat);
  }
  header.append(stats);

  const reasons = el('section', 'anpr-Section');
  reasons.append(el('h4', '', MSG.reasons));
  if (bundle.reasons.length) {
    const ul = el('ul', 'anpr-Reasons');
    for (const r of bundle.reasons) ul.append(el('li', '', r));
    reasons.append(ul);
  } else {
    reasons.append(el('p', 'anpr-Empty', MSG.noReasons));
  }
  header.append(reasons);
  return header;
}
