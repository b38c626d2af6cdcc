/**
 * The import graph of kernel-lib/src (issue 17): no cycle between files, none between folders,
 * and no import that runs upward against the declared layer order (drawn in src/index.ts's doc
 * comment). `messages.ts` is the bottom leaf (user-facing text, importing nothing) and
 * `index.ts` the top (the export list, imported by nothing inside src). A new folder must be
 * given its place here. Type-only imports count: they tie files together as much as any.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../kernel-lib/src');

/** Bottom to top: a file may import its own layer's files and those of layers below. */
export const LAYERS = [
  'messages', // user-facing text
  'core', // VRM, London time, geometry, digest, deep merge, time bounds
  'contract', // the MIME contract shared with the extension
  'reads', // the columnar ReadStore, look-alike plates
  'run', // the run registry (inputs read, results recorded)
  'privacy', // pseudonyms, audit log, session, gate, data age, provenance
  'synth', // synthetic scenarios
  'ingest', // files → validated rows → store (and the reads cache)
  'clickhouse', // ClickHouse client, SQL, ingest
  'trips', // trips, stays, bases, tours, places
  'method', // the county-lines method, pure
  'display', // MIME bundles and views
  'engines', // the coarse stages (memory, DuckDB, ClickHouse) and the one runner
  'find', // the public search verbs (gate + method + display)
  'profile', // one vehicle
  'score', // evaluation against ground truth
  'notebook', // manifest, recorded results
  'cli', // the command line
  'index', // the export list
];

/** The graph node of a file: its top folder, or `messages` / `index` for the two root files. */
function nodeOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length > 1 ? rel[0] : rel[0].replace(/\.ts$/, '');
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every relative import (static, type-only, re-export, dynamic) of every file, resolved to a file. */
function fileGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const re = /(?:import|export)[^'"`;]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  for (const f of sourceFiles(SRC)) {
    const deps = new Set<string>();
    const text = readFileSync(f, 'utf8');
    for (let m; (m = re.exec(text));) {
      let t = path.resolve(path.dirname(f), m[1] ?? m[2]).replace(/\.js$/, '.ts');
      if (!t.endsWith('.ts')) t = existsSync(`${t}.ts`) ? `${t}.ts` : path.join(t, 'index.ts');
      deps.add(t);
    }
    graph.set(f, deps);
  }
  return graph;
}

/** Strongly connected components with more than one node (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], on = new Set<string>(), out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next); low.set(v, next); next++; stack.push(v); on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); c.push(w); } while (w !== v);
      if (c.length > 1) out.push(c.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

const files = fileGraph();
const rel = (f: string) => path.relative(SRC, f);
const folders = new Map<string, Set<string>>();
const edges: { from: string; to: string; a: string; b: string }[] = [];
for (const [f, deps] of files) {
  for (const d of deps) {
    const a = nodeOf(f), b = nodeOf(d);
    if (a === b) continue;
    edges.push({ from: rel(f), to: rel(d), a, b });
    if (!folders.has(a)) folders.set(a, new Set());
    folders.get(a)!.add(b);
  }
}

describe('kernel-lib/src import graph', () => {
  it('has no file-level cycle', () => {
    expect(cycles(files).map((c) => c.map(rel))).toEqual([]);
  });
  it('has no folder-level cycle', () => {
    expect(cycles(folders)).toEqual([]);
  });
  it('puts every folder in a declared layer', () => {
    const nodes = new Set([...files.keys()].map(nodeOf));
    expect([...nodes].filter((n) => !LAYERS.includes(n)).sort()).toEqual([]);
  });
  it('has no edge running upward against the layer order, and nothing imports index.ts', () => {
    const upward = edges.filter((e) => LAYERS.indexOf(e.b) > LAYERS.indexOf(e.a)).map((e) => `${e.from} -> ${e.to}`);
    expect(upward).toEqual([]);
    expect(edges.filter((e) => e.b === 'index').map((e) => e.from)).toEqual([]);
  });
  it('keeps messages.ts and core/ leaves: messages imports nothing, core only messages and core', () => {
    expect([...(files.get(path.join(SRC, 'messages.ts')) ?? [])]).toEqual([]);
    expect(edges.filter((e) => e.a === 'core' && e.b !== 'messages').map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });
  it('keeps the county-lines method pure: no privacy, display, engines, ingest or node I/O', () => {
    const method = [...files.keys()].filter((f) => nodeOf(f) === 'method');
    expect(edges.filter((e) => e.a === 'method' && !['messages', 'core', 'reads', 'trips'].includes(e.b)).map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
    expect(method.filter((f) => /from 'node:(fs|child_process|worker_threads)'/.test(readFileSync(f, 'utf8'))).map(rel)).toEqual([]);
  });
});
