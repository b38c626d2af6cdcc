/**
 * Errors → the ename / evalue / traceback of Jupyter `error` messages and error replies.
 */
import util from 'node:util';
import type { Diagnostic } from './tslab';

export interface ErrorContent {
  ename: string;
  evalue: string;
  traceback: string[];
}

const RED = (s: string) => `\u001b[0;31m${s}\u001b[0m`;
// Frames from here on are the kernel's machinery, not the user's code.
const INTERNAL_FRAME = /\(node:vm[:)]|\bnode:vm:|[\\/]tslab[\\/]dist[\\/]|[\\/]kernel[\\/]dist[\\/]/;

interface ErrorLike {
  name?: unknown;
  message: string;
  stack: string;
  cause?: unknown;
  constructor?: { name?: string };
}

function isErrorLike(e: unknown): e is ErrorLike {
  return e instanceof Error || (!!e && typeof e === 'object' && typeof (e as ErrorLike).message === 'string' && typeof (e as ErrorLike).stack === 'string');
}

/**
 * An exception as Jupyter shows it: name, message and the frames of the user's code.
 * @example describeException(new RangeError('boom')).ename // 'RangeError'
 */
export function describeException(e: unknown): ErrorContent {
  if (isErrorLike(e)) {
    let ename = typeof e.name === 'string' && e.name ? e.name : 'Error';
    const ctor = e.constructor && e.constructor.name;
    if (ename === 'Error' && ctor && ctor !== 'Error' && ctor !== 'Object') ename = ctor;
    const evalue = String(e.message);
    // Node's stack: for errors thrown by vm code it starts with "evalmachine.<anonymous>:N",
    // the compiled line and a caret (the compiled JS, not the cell), then "Name: message",
    // then the frames. Keep the message and the frames of the user's code.
    const lines = typeof e.stack === 'string' ? e.stack.split('\n') : [];
    const frames: string[] = [];
    let i = lines.findIndex(l => /^\s+at /.test(l));
    for (; i >= 0 && i < lines.length; i++) {
      if (INTERNAL_FRAME.test(lines[i])) break;
      frames.push(lines[i].replace(/evalmachine\.<anonymous>/g, '<compiled cell>'));
    }
    const traceback = [`${RED(ename)}: ${evalue}`, ...frames];
    // Errors with a cause (new Error(msg, { cause })) show it like Node does.
    if (e.cause !== undefined) traceback.push(`[cause]: ${util.inspect(e.cause)}`);
    return { ename, evalue, traceback };
  }
  const evalue = util.inspect(e);
  return { ename: 'Uncaught', evalue, traceback: [`${RED('Uncaught')} ${evalue}`] };
}

/** TypeScript diagnostics as one TSError, `line:column - message (TSnnnn)`, with the line and a marker. */
export function describeDiagnostics(diags: Diagnostic[], code: string): ErrorContent {
  const srcLines = String(code).split('\n');
  const one = (d: Diagnostic) => `${d.fileName ? d.fileName + ' ' : ''}${d.start.line + 1}:${d.start.character + 1} - ${d.messageText}${d.code ? ` (TS${d.code})` : ''}`;
  const evalue = diags.map(one).join('\n');
  const traceback: string[] = [];
  for (const d of diags) {
    traceback.push(`${RED('TSError')}: ${one(d)}`);
    if (!d.fileName && d.start.line >= 0 && d.start.line < srcLines.length) {
      const width = d.end && d.end.line === d.start.line ? Math.max(1, d.end.character - d.start.character) : 1;
      traceback.push('  ' + srcLines[d.start.line]);
      traceback.push('  ' + ' '.repeat(d.start.character) + RED('~'.repeat(width)));
    }
  }
  return { ename: 'TSError', evalue, traceback };
}
