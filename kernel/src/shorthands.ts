/**
 * tslab rewrites a reference to an earlier cell's variable `x` as `exports.x`, but misses the
 * shorthand property `{ x }` (the checker resolves that name to the property, not the
 * variable), so `{ x }` throws "ReferenceError: x is not defined". Writing the cell's
 * shorthands out as `{ x: x }` before tslab compiles it is equivalent and avoids that.
 */
import { ts, type DiagnosticPos } from './tslab';

export interface Rewritten {
  code: string;
  /** A diagnostic position in the rewritten cell → the same place in the cell as written. */
  mapPos: (p: DiagnosticPos) => DiagnosticPos;
}

const identity = (p: DiagnosticPos) => p;

/** @example expandShorthands('const o = { x };').code // 'const o = { x: x };' */
export function expandShorthands(code: string): Rewritten {
  const sf = ts.createSourceFile('cell.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const parseDiagnostics = (sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics;
  if (parseDiagnostics && parseDiagnostics.length) return { code, mapPos: identity };
  const edits: { pos: number; text: string }[] = [];
  const visit = (node: import('typescript').Node): void => {
    if (ts.isShorthandPropertyAssignment(node)) edits.push({ pos: node.name.getEnd(), text: ': ' + node.name.getText(sf) });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!edits.length) return { code, mapPos: identity };
  edits.sort((a, b) => a.pos - b.pos);
  let out = '';
  let last = 0;
  const byLine = new Map<number, { at: number; len: number }[]>(); // line -> insertions (char in the rewritten line)
  let shiftLine = -1;
  let shift = 0;
  for (const e of edits) {
    out += code.slice(last, e.pos) + e.text;
    last = e.pos;
    const { line, character } = sf.getLineAndCharacterOfPosition(e.pos);
    if (line !== shiftLine) {
      shiftLine = line;
      shift = 0;
    }
    if (!byLine.has(line)) byLine.set(line, []);
    byLine.get(line)!.push({ at: character + shift, len: e.text.length });
    shift += e.text.length;
  }
  out += code.slice(last);
  const mapPos = (p: DiagnosticPos): DiagnosticPos => {
    if (!p || !byLine.has(p.line)) return p;
    let ch = p.character;
    for (const ins of byLine.get(p.line)!) {
      if (p.character >= ins.at + ins.len) ch -= ins.len;
      else if (p.character > ins.at) ch -= p.character - ins.at;
    }
    return { ...p, character: ch };
  };
  return { code: out, mapPos };
}
