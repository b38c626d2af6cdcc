// The pure parts of reproducible runs: canonical JSON, digest stability, the manifest's shape,
// reading results back out of an executed notebook, and `anpr run`'s argument helpers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  buildManifest, canonicalJson, canonicalValue, fileSha256, manifestFromNotebook, MANIFEST_MIME, MIMEBUNDLE, readJson, recordInput,
  recordResults, resetRun, resultsDigest, RESULTS_MIME, runManifest, sha256Hex,
} from '../../../kernel-lib/src/index';
import { manifestPath, parseParams } from '../../../kernel-lib/src/cli/run';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
  it('maps the values JSON cannot hold to stable forms', () => {
    expect(canonicalJson({ n: NaN, i: -Infinity, z: -0, u: undefined, f: () => 1 })).toBe('{"i":null,"n":null,"z":0}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson(new Date(0))).toBe('"1970-01-01T00:00:00.000Z"');
    expect(canonicalJson(new Float64Array([1.5, 2]))).toBe('[1.5,2]');
    expect(canonicalJson(new Map([['b', 1], ['a', 2]]))).toBe('{"a":2,"b":1}');
    expect(canonicalJson(new Set([3, 1]))).toBe('[3,1]');
    expect(canonicalJson(10n)).toBe('"10"');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({ toJSON: () => ({ y: 1, x: 2 }) })).toBe('{"x":2,"y":1}');
  });
  it('escapes strings as JSON does and rejects cycles', () => {
    expect(canonicalJson({ 'é"': 'a\nb' })).toBe('{"é\\"":"a\\nb"}');
    const o: Record<string, unknown> = {}; o.self = o;
    expect(() => canonicalJson(o)).toThrow(/circular/);
    const shared = { x: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });
  it('canonicalValue round-trips to the digested form', () => {
    const v = { b: NaN, a: [1, { d: undefined }] };
    expect(canonicalJson(canonicalValue(v))).toBe(canonicalJson(v));
  });
});

describe('resultsDigest', () => {
  const ranking = [{ rank: 1, vrm: 'V-AAAAAAAAAA', score: 0.91 }, { rank: 2, vrm: 'V-BBBBBBBBBB', score: 0.5 }];
  it('is SHA-256 of the canonical JSON, whatever the key order', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const d = resultsDigest({ ranking, metrics: { ap: 0.9, p10: 1 } });
    expect(d).toMatch(/^[0-9a-f]{64}$/);
    expect(resultsDigest({ metrics: { p10: 1, ap: 0.9 }, ranking })).toBe(d);
    expect(d).toBe(sha256Hex(canonicalJson({ metrics: { ap: 0.9, p10: 1 }, ranking })));
  });
  it('changes when any result changes', () => {
    const d = resultsDigest({ ranking });
    expect(resultsDigest({ ranking: ranking.slice(0, 1) })).not.toBe(d);
    expect(resultsDigest({ ranking: [...ranking].reverse() })).not.toBe(d);
    expect(resultsDigest({ ranking: [{ ...ranking[0], score: 0.910001 }, ranking[1]] })).not.toBe(d);
    expect(resultsDigest({ other: ranking })).not.toBe(d);
  });
});

describe('the run registry and manifest', () => {
  beforeEach(() => resetRun());
  const versions = { 'kernel-lib': '0.1.0', 'jupyterlab-ext': '0.1.0', tslab: '1.0.22', node: 'v20.0.0' };

  it('buildManifest has the documented shape', () => {
    const m = buildManifest({
      inputs: [{ path: 'b.csv', sha256: 'bb', bytes: 2 }, { path: 'a.csv', sha256: 'aa', bytes: 1 }],
      parameters: { top: 5, scenarioDir: 'data/x' }, versions, results: { z: [1], a: { x: 1 } }, keyId: 'V-KEY',
    });
    expect(m.schema).toBe('anpr.run-manifest.v1');
    expect(m.inputs.map((i) => i.path)).toEqual(['a.csv', 'b.csv']);
    expect(m.parameters).toEqual({ top: 5, scenarioDir: 'data/x' });
    expect(m.results).toEqual([{ name: 'a', sha256: sha256Hex('{"x":1}') }, { name: 'z', sha256: sha256Hex('[1]') }]);
    expect(m.results_digest).toBe(resultsDigest({ a: { x: 1 }, z: [1] }));
    expect(Object.keys(m).sort()).toEqual(['inputs', 'parameters', 'pseudonym_key_id', 'results', 'results_digest', 'schema', 'versions']);
  });

  it('records inputs (hashed at manifest time) and results, and shows the manifest as HTML + JSON', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'anpr-run-'));
    const file = path.join(dir, 'area.geojson');
    writeFileSync(file, '{"type":"FeatureCollection","features":[]}');
    expect(readJson(file)).toEqual({ type: 'FeatureCollection', features: [] });
    recordInput(path.join(dir, 'missing.csv')); // ignored: the reader reports unreadable files
    recordResults('ranking', [{ rank: 1, score: NaN }]);
    recordResults('ranking', [{ rank: 1, score: 2 }]); // the same name again replaces it
    const m = runManifest({ parameters: { top: 5 } });
    expect(m.data.inputs).toEqual([{ path: file, sha256: fileSha256(file), bytes: 42 }]);
    expect(m.data.inputs[0].sha256).toBe(sha256Hex('{"type":"FeatureCollection","features":[]}'));
    expect(m.data.results_digest).toBe(resultsDigest({ ranking: [{ rank: 1, score: 2 }] }));
    expect(m.data.versions.node).toBe(process.version);
    expect(m.data.versions['kernel-lib']).toMatch(/^\d+\.\d+\.\d+/);
    const bundle = m[MIMEBUNDLE]();
    expect(bundle.data[MANIFEST_MIME]).toEqual(m.data);
    expect(String(bundle.data['text/html'])).toContain(m.data.results_digest);
    writeFileSync(file, '{}'); // changed after it was read: flagged
    expect(runManifest().data.inputs[0].changed).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it('manifestFromNotebook reads the results and the manifest back out of an executed notebook', () => {
    const out = (data: Record<string, unknown>) => ({ output_type: 'display_data', data, metadata: {} });
    const nb = {
      cells: [
        { cell_type: 'markdown', source: '' },
        { cell_type: 'code', outputs: [{ output_type: 'stream', name: 'stdout', text: 'x' }, out({ [RESULTS_MIME]: { name: 'r', value: { b: 1, a: 2 }, sha256: '' } })] },
        { cell_type: 'code', outputs: [out({ [RESULTS_MIME]: { name: 'm', value: [1], sha256: '' } }), out({ [MANIFEST_MIME]: { schema: 'anpr.run-manifest.v1', results_digest: 'x' } })] },
      ],
    };
    const found = manifestFromNotebook(nb);
    expect(found.results).toEqual({ r: { b: 1, a: 2 }, m: [1] });
    expect(found.resultsDigest).toBe(resultsDigest({ m: [1], r: { a: 2, b: 1 } }));
    expect(found.manifest?.results_digest).toBe('x');
    expect(manifestFromNotebook({ cells: [] })).toEqual({ manifest: null, results: {}, resultsDigest: resultsDigest({}) });
  });
});

describe('anpr run helpers', () => {
  it('parses -p values as JSON when they parse, else as strings', () => {
    expect(parseParams(['top=5', 'discoverMarkets=true', 'scenarioDir=data/x', 'list=[1,"a"]', 'empty=', 'eq=a=b'])).toEqual({
      top: 5, discoverMarkets: true, scenarioDir: 'data/x', list: [1, 'a'], empty: '', eq: 'a=b',
    });
    expect(() => parseParams(['top'])).toThrow(/name=value/);
    expect(() => parseParams(['1x=2'])).toThrow(/identifier/);
  });
  it('puts the manifest beside the executed notebook', () => {
    expect(manifestPath('/tmp/a.ipynb')).toBe('/tmp/a.manifest.json');
    expect(manifestPath('/tmp/a.out')).toBe('/tmp/a.out.manifest.json');
  });
});
