/**
 * is_complete with TypeScript's parser: `invalid` for code that cannot parse, `incomplete`
 * (with an indent) for code that only stops too early, else `complete`.
 */
import { converter, ts } from './tslab';

export type IsCompleteReply = { status: 'complete' | 'invalid' } | { status: 'incomplete'; indent: string };

interface ParseDiagnostic {
  start: number;
  messageText: string | { messageText: string };
}

/** A parse diagnostic that only says the code stops too early (more input would fix it). */
function isUnexpectedEnd(d: ParseDiagnostic, end: number): boolean {
  const msg = typeof d.messageText === 'string' ? d.messageText : d.messageText && d.messageText.messageText;
  if (typeof msg !== 'string') return false;
  if (/^Unterminated (template literal|regular expression literal)/.test(msg)) return true;
  return d.start >= end && msg.endsWith(' expected.');
}

/** @example isComplete('let x = (') // { status: 'incomplete', indent: '' } */
export function isComplete(code: string): IsCompleteReply {
  const forced = /(^|\n)\s*\n\s*$/.test(code); // two blank lines: the user insists
  const src = ts.createSourceFile('cell.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const diags = ((src as unknown as { parseDiagnostics?: ParseDiagnostic[] }).parseDiagnostics || []);
  const end = code.replace(/\s+$/, '').length;
  if (diags.some(d => !isUnexpectedEnd(d, end))) return { status: 'invalid' };
  if (diags.length && !forced) {
    const tslab = converter.isCompleteCode(code);
    return { status: 'incomplete', indent: (tslab && tslab.indent) || '' };
  }
  return { status: 'complete' };
}
