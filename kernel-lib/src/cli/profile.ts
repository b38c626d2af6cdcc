/**
 * `anpr profile --vrm VRM ...`: one vehicle's profile (summary, base, tours, associates,
 * clone flags, county-lines score with --hub). Needs --purpose and --operator (or ANPR_PURPOSE /
 * ANPR_OPERATOR); the plate is pseudonymised unless --reveal. Exit 0 ok, 2 bad usage or input.
 */
import * as msg from '../messages';
import { gate } from '../privacy/gate';
import { pseudonym } from '../privacy/pseudonym';
import { profileOf } from '../profile/profile';
import { formatLondonIso } from '../core/london-time';
import { guard, parseCommand, purposeOf, readGeoJson, UsageError } from './args';
import { cliAuditRecord, cliSession, runRecord } from './run-record';
import { loadStore } from './store';

/** One-line description for `anpr --help`. @example summary // 'profile one vehicle: …' */
export const summary = 'profile one vehicle: trips, stays, base, tours, associates, clone flags, county-lines score';

/**
 * Run `anpr profile`; returns the exit code.
 * @example
 * await run(['--vrm', 'AB12CDE', '--reads', 'reads.csv.gz', '--sites', 'sites.csv', '--hub', 'hub.geojson', '--json', '--purpose', 'op X', '--operator', 'A123']); // 0
 */
export async function run(argv: string[]): Promise<number> {
  return guard('profile', msg.profileUsage(), async () => {
    const { values } = parseCommand(argv, { vrm: { type: 'string' }, hub: { type: 'string' }, markets: { type: 'string' } });
    if (values.help) { process.stdout.write(msg.profileUsage() + '\n'); return 0; }
    if (typeof values.vrm !== 'string') throw new UsageError(msg.cliBadOption('profile', 'vrm', null, 'the plate to profile'));
    const who = purposeOf(values);
    if (!who) { process.stderr.write(msg.cliNeedsPurpose('profile') + '\n'); return 2; }
    const store = await loadStore('profile', values);
    const t0 = performance.now();
    const reveal = values.reveal === true;
    const hub = typeof values.hub === 'string' ? readGeoJson('profile', 'hub', values.hub) : undefined;
    const markets = typeof values.markets === 'string' ? readGeoJson('profile', 'markets', values.markets) : undefined;
    const vrm = values.vrm;
    // One audit entry, the gate's (with the place files and what is printed; the profile's ungated core runs inside it).
    const p = gate(cliSession(values, who), 'profile', () => profileOf(store, vrm, { hub, markets, from: values.from as string | undefined, to: values.to as string | undefined, reveal }),
      (r) => cliAuditRecord(values, { vrm: r.vrm, hub: values.hub ?? null, from: values.from ?? null, to: values.to ?? null }, { returned: 1, reads: r.summary.reads, readsLoaded: store.n }, store));
    const record = runRecord('profile', values, who, store, { vrm: reveal ? p.vrm : pseudonym(p.vrm), hub: values.hub ?? null, from: values.from ?? null, to: values.to ?? null }, performance.now() - t0);
    if (values.json) { process.stdout.write(JSON.stringify({ profile: p.toJSON(), run: record }) + '\n'); return 0; }
    const iso = (t: number) => formatLondonIso(t / 1000);
    const s = p.summary;
    const lines = [
      `Profile ${reveal ? p.vrm : pseudonym(p.vrm)}: ${s.reads} reads, ${s.trips} trips, ${s.stays} stays, ${s.days} days, ${s.sites} sites, ${iso(s.firstSeen)} to ${iso(s.lastSeen)}.`,
      `base: ${p.base ? `${p.base.place} (${Math.round(p.base.share * 100)}% of evidence, ${p.base.overnights} overnight stays)` : 'unknown'}`,
      `frequent sites: ${p.frequentSites.slice(0, 5).map((f) => `${f.siteId} ${f.name} (${f.reads})`).join('; ')}`,
      `tours: ${p.tours.length}${p.tours.length ? ` (destinations: ${[...new Set(p.tours.map((t) => t.destination))].slice(0, 5).join(', ')})` : ''}`,
    ];
    if (p.countyLines) lines.push(`county-lines score ${p.countyLines.score.toFixed(2)}: ${p.countyLines.reasons.join('; ')}`);
    for (const a of p.associates.slice(0, 5)) lines.push(`associate ${reveal ? a.vrm : pseudonym(a.vrm)}: ${a.reasons.join('; ')}`);
    for (const c of p.clones) lines.push(`impossible travel: ${iso(c.firstTime)} ${c.firstSite} → ${iso(c.secondTime)} ${c.secondSite} (${Math.round(c.kmh)} km/h)`);
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  });
}
