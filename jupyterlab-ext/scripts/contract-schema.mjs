#!/usr/bin/env node
/**
 * Generate the extension's bundle schema from the widget contract's TypeScript types, as
 * vega-lite generates its JSON schema from its spec types: the validator
 * (src/shared/validate.ts) walks this schema, so it never re-states the contract by hand.
 *
 *   kernel-lib/src/contract/index.ts (MapBundle, ProfileBundle)
 *     → TypeScript's checker → src/shared/contract-schema.json
 *
 * Schema nodes: {type: 'string' | 'number' | 'boolean' | 'unknown'}, {const}, {enum},
 * {type: 'array', items}, {type: 'tuple', items: []}, {type: 'record', values},
 * {type: 'object', properties, required}, {anyOf: []}.
 * tests/unit/ext/contract-schema.test.ts checks the committed file is this script's output.
 *
 * Usage: node jupyterlab-ext/scripts/contract-schema.mjs [--check]
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const extDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(extDir, '..');
const ts = createRequire(import.meta.url)(path.join(root, 'node_modules', 'typescript'));
export const CONTRACT = path.join(root, 'kernel-lib', 'src', 'contract', 'index.ts');
export const OUT = path.join(extDir, 'src', 'shared', 'contract-schema.json');
const ROOTS = ['MapBundle', 'ProfileBundle'];

/** The schema of every root type, as a JSON string (2-space indent, trailing newline). */
export function generate() {
  const program = ts.createProgram([CONTRACT], { strict: true, target: ts.ScriptTarget.ES2022, noEmit: true });
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(CONTRACT);
  const decls = new Map();
  ts.forEachChild(sf, n => {
    if ((ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) && n.name) decls.set(n.name.text, n);
  });
  const F = ts.TypeFlags;

  function schema(type, where) {
    if (type.flags & F.Union) {
      const parts = type.types.filter(t => !(t.flags & F.Undefined));
      if (parts.length && parts.every(t => t.flags & F.BooleanLiteral)) return parts.length === 2 ? { type: 'boolean' } : { const: checker.typeToString(parts[0]) === 'true' };
      if (parts.length > 1 && parts.every(t => t.flags & F.StringLiteral)) return { enum: parts.map(t => t.value) };
      if (parts.length === 1) return schema(parts[0], where);
      return { anyOf: parts.map(t => schema(t, where)) };
    }
    if (type.flags & F.String) return { type: 'string' };
    if (type.flags & F.Number) return { type: 'number' };
    if (type.flags & F.Boolean) return { type: 'boolean' };
    if (type.flags & (F.StringLiteral | F.NumberLiteral)) return { const: type.value };
    if (type.flags & F.BooleanLiteral) return { const: checker.typeToString(type) === 'true' };
    if (type.flags & F.Null) return { const: null };
    if (type.flags & (F.Unknown | F.Any)) return { type: 'unknown' };
    if (checker.isTupleType(type)) return { type: 'tuple', items: checker.getTypeArguments(type).map(t => schema(t, where)) };
    if (checker.isArrayType(type)) return { type: 'array', items: schema(checker.getTypeArguments(type)[0], where) };
    if (type.flags & F.Object) {
      const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
      if (index && checker.getPropertiesOfType(type).length === 0) return { type: 'record', values: schema(index.type, where) };
      const properties = {};
      const required = [];
      for (const prop of checker.getPropertiesOfType(type)) {
        properties[prop.name] = schema(checker.getTypeOfSymbolAtLocation(prop, where), where);
        if (!(prop.flags & ts.SymbolFlags.Optional)) required.push(prop.name);
      }
      return { type: 'object', properties, required };
    }
    throw new Error(`contract-schema: no schema for type ${checker.typeToString(type)}`);
  }

  const out = { $comment: 'Generated from kernel-lib/src/contract/index.ts by jupyterlab-ext/scripts/contract-schema.mjs. Do not edit.' };
  for (const name of ROOTS) {
    const decl = decls.get(name);
    if (!decl) throw new Error(`contract-schema: ${name} not found in ${CONTRACT}`);
    out[name] = schema(checker.getTypeAtLocation(decl.name), decl);
  }
  return JSON.stringify(out, null, 2) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = generate();
  if (process.argv.includes('--check')) {
    const same = fs.existsSync(OUT) && fs.readFileSync(OUT, 'utf8') === text;
    console.log(same ? 'contract-schema.json is up to date' : 'contract-schema.json differs from the contract: run node jupyterlab-ext/scripts/contract-schema.mjs');
    process.exit(same ? 0 : 1);
  }
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(root, OUT)}`);
}
