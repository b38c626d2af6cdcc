/**
 * A suspected line shown as one track: the reads of all its plates (and their merged
 * look-alikes) drawn as one vehicle, in the profile widget, under its first plate, with the
 * line's plates, loops and markets, and each hand-over with the model's probability and why, as its reasons. The map shows a line with
 * `mapView(store, { vehicles: line.vrms })`.
 */
import * as msg from '../messages';
import type { ReadStore } from '../reads/types';
import type { SuspectedLine } from '../method/county-lines/suspected-lines';
import { mergeLookalikes } from '../reads/lookalikes';
import { consult } from '../privacy/guard';
import { pseudonym } from '../privacy/pseudonym';
import { profileViewOf, type ProfileView } from './profile-view';

/**
 * The profile of a whole suspected line (one audit entry, naming every plate, pseudonymised).
 *
 * @example show(lineProfileView(store, result.lines[0]))
 */
export function lineProfileView(store: ReadStore, line: SuspectedLine, options: { reveal?: boolean } = {}): ProfileView {
  return consult('profile line', store, () => {
    const [first, ...rest] = line.vrms;
    const present = new Set(store.vrms);
    const members = [...rest, ...line.lookalikes].filter((v) => present.has(v)).map((vrm) => ({ vrm, reads: 0 }));
    const merged = mergeLookalikes(store, [{ vrm: first, reads: 0, members }]);
    const show = (v: string) => (options.reveal ? v : pseudonym(v));
    const reasons = [msg.lineSummary(line.id, line.vrms.length, line.loops, line.markets), msg.linePlates(line.vrms.map(show)),
      ...line.handOvers.map((h, i) => msg.handOverLine(show(line.vrms[i]), show(line.vrms[i + 1]), h.probability, h.reasons).trim())];
    return profileViewOf(merged, first, { reveal: options.reveal, score: line.score, reasons });
  }, () => ({ params: { line: line.id, vrms: line.vrms }, counts: { returned: 1, plates: line.vrms.length } }));
}
