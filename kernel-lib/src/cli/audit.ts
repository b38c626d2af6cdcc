/**
 * `anpr audit verify|show [--log FILE]`: check and list the consultation audit log
 * (DPA 2018 s62). verify: exit 0 when the hash chain is intact, 1 naming the first altered,
 * removed, reordered or malformed entry (or when there is no log); 2 bad usage.
 */
import { parseArgs } from 'node:util';
import * as msg from '../messages';
import { auditLogPath, AuditError, readAudit, verifyAudit } from '../privacy/audit';

/** One-line description for `anpr --help`. @example summary // 'verify or list the audit log …' */
export const summary = 'verify or list the audit log of searches (who, when, why; hash-chained)';

/**
 * Run `anpr audit`; returns the exit code.
 * @example await run(['verify', '--log', 'audit.jsonl']); // 0
 */
export async function run(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>, positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: { log: { type: 'string' }, 'audit-log': { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    }));
  } catch (e) {
    process.stderr.write(`anpr audit: ${(e as Error).message}\n${msg.auditUsage()}\n`);
    return 2;
  }
  if (values.help) { process.stdout.write(msg.auditUsage() + '\n'); return 0; }
  const action = positionals[0];
  if ((action !== 'verify' && action !== 'show') || positionals.length > 1) {
    process.stderr.write(msg.cliBadOption('audit', 'ACTION', action ?? null, 'verify or show') + '\n' + msg.auditUsage() + '\n');
    return 2;
  }
  const log = auditLogPath((values.log ?? values['audit-log']) as string | undefined);
  if (action === 'verify') {
    const v = verifyAudit(log);
    if (!v.exists) { process.stderr.write(msg.auditNoLog(log) + '\n'); return 1; }
    if (v.ok) { process.stdout.write(msg.auditVerifyOk(log, v.entries) + '\n'); return 0; }
    const b = v.firstBad!;
    const text = msg.auditVerifyBad(log, b.line, b.seq, b.problem);
    process.stdout.write(values.json ? JSON.stringify(v) + '\n' : text + '\n');
    return 1;
  }
  try {
    const entries = readAudit(log);
    if (values.json) { process.stdout.write(JSON.stringify(entries) + '\n'); return 0; }
    const lines = [`${'seq'.padEnd(6)}${'time (UTC)'.padEnd(26)}${'operator'.padEnd(12)}${'kind'.padEnd(20)}${'returned'.padStart(9)}  purpose [reference]`];
    for (const e of entries) {
      lines.push(`${String(e.seq).padEnd(6)}${String(e.time).padEnd(26)}${String(e.operator).padEnd(12)}${String(e.kind).padEnd(20)}${String(e.counts?.returned ?? '').padStart(9)}  ${e.purpose}${e.reference ? ` [${e.reference}]` : ''}`);
    }
    lines.push(`${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} in ${log}`);
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  } catch (e) {
    if (e instanceof AuditError) { process.stderr.write(`anpr audit: ${e.message}\n`); return 1; }
    throw e;
  }
}
