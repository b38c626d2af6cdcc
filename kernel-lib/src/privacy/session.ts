/**
 * The process-level session of library (notebook) use: who is searching and why, so each
 * consultation can be logged to the audit log (DPA 2018 s62) as the CLI does.
 *
 *   session({ operator: 'A123', purpose: 'Op Kestrel tasking 42', reference: 'CAD 1234' });
 *   auditConsultation('find clones', result.params, { returned: result.rows.length }, ['reads.csv.gz']);
 */
import * as msg from '../messages';
import { AuditError, type AuditEntry, type AuditInput } from './audit';
import { auditFor } from './gate';

/** Who is searching and why; `auditLog` overrides ANPR_AUDIT_LOG / the default path. */
export interface AuditSession {
  readonly operator: string;
  readonly purpose: string;
  readonly reference?: string;
  readonly auditLog?: string;
}

const KEY = Symbol.for('anpr.privacy.session');
const g = globalThis as unknown as { [KEY]?: AuditSession | null };

/**
 * Set the session for this process (replacing any earlier one) and return it.
 * Throws AuditError when operator or purpose is empty.
 * @example session({ operator: 'A123', purpose: 'Op Kestrel tasking 42' })
 */
export function session(s: { operator: string; purpose: string; reference?: string; auditLog?: string }): AuditSession {
  const missing = [!s?.operator?.trim() && 'operator', !s?.purpose?.trim() && 'purpose'].filter(Boolean) as string[];
  if (missing.length) throw new AuditError(msg.auditBadSession(missing));
  const out: AuditSession = Object.freeze({
    operator: s.operator.trim(), purpose: s.purpose.trim(),
    ...(s.reference?.trim() ? { reference: s.reference.trim() } : {}),
    ...(s.auditLog ? { auditLog: s.auditLog } : {}),
  });
  g[KEY] = out;
  return out;
}

/**
 * The session set by `session()`, or null.
 * @example currentSession()?.operator // 'A123'
 */
export function currentSession(): AuditSession | null {
  return g[KEY] ?? null;
}

/**
 * Forget the session (tests, or handing the notebook to someone else).
 * @example endSession()
 */
export function endSession(): void {
  g[KEY] = null;
}

/**
 * Log one consultation with the session's who and why; returns the stored entry. Throws
 * AuditError saying what to supply when no session is set. Plates in `params` (`vrm`, `vrms`)
 * are pseudonymised; input paths are hashed.
 * @example auditConsultation('find a-then-b', result.params, { returned: result.rows.length }, ['reads.csv.gz', 'sites.csv'])
 */
export function auditConsultation(
  kind: string, params: Record<string, unknown>, counts: { returned: number; [name: string]: number }, inputs: (string | AuditInput)[] = []
): AuditEntry {
  const s = currentSession();
  if (!s) throw new AuditError(msg.auditNoSession(kind));
  return auditFor(s, kind, { params, counts, inputs });
}
