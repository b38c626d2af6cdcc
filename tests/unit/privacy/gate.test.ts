/**
 * The audit gate takes the session it is given (no global read, no nesting counter), and the
 * county-lines method runs without any session at all (pure: the gate is only at the verbs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditError, buildStore, endSession, findCountyLines, readAudit, session } from '../../../kernel-lib/src';
import { gate } from '../../../kernel-lib/src/privacy/gate';
import { memoryEngine } from '../../../kernel-lib/src/engines/memory';
import { runCountyLinesSync } from '../../../kernel-lib/src/engines/runner';
import { hubGeo, marketsGeo, sites, worldRows } from '../trips/fixture';

const dir = mkdtempSync(path.join(os.tmpdir(), 'anpr-gate-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  session({ operator: 'T-0001', purpose: 'automated tests', reference: 'vitest' }); // back to the setup's
});
const store = buildStore(worldRows, sites);

describe('gate', () => {
  it('refuses without a session, before running anything', () => {
    let ran = false;
    expect(() => gate(null, 'find x', () => { ran = true; return 1; }, () => ({ params: {}, counts: { returned: 1 } }))).toThrow(AuditError);
    expect(ran).toBe(false);
  });
  it('logs one entry for the session it is given, whatever the process session', () => {
    endSession();
    const log = path.join(dir, 'a.jsonl');
    const r = gate({ operator: 'G-1', purpose: 'gate test', auditLog: log }, 'find x', () => 42, (n) => ({ params: { n }, counts: { returned: 1 }, inputs: [] }));
    expect(r).toBe(42);
    const entries = readAudit(log);
    expect(entries.map((e) => [e.operator, e.purpose, e.kind, e.params.n, e.counts.returned])).toEqual([['G-1', 'gate test', 'find x', 42, 1]]);
  });
  it('leaves the method free of it: the runner ranks with no session; the verb refuses', () => {
    endSession();
    const ranking = runCountyLinesSync(memoryEngine(store), { hub: hubGeo, markets: marketsGeo });
    expect(ranking.candidates[0].vrm).toBe('RUN1');
    expect(() => findCountyLines(store, { hub: hubGeo, markets: marketsGeo })).toThrow(AuditError);
  });
});
