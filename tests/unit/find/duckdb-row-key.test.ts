// The DuckDB engine's split (engines/duckdb-passes.ts) sends each row to its look-alike key's part
// with `rowKey`, a shortcut for texts already normalised: it must give the whole expression's key
// for every text, or a plate and its look-alikes could land in different passes.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { lookalikeKey, normalised, rowKey } from '../../../kernel-lib/src/engines/duckdb-passes';

describe('rowKey', () => {
  it('equals lookalikeKey(normalised(raw)) on clean, spaced, lower-case, punctuated, accented, empty and null texts', async () => {
    const texts = ['AB12CDE', 'AB12 CDE', 'ab12cde', 'Ab-12.cDe', ' AB12CDE ', 'ÄB12CDÉ', 'AB12ÇDE', '0O1I8B5S2Z', 'o0i1', '', '  ', '--', 'ZX09TGCX0', null];
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    const values = texts.map((t) => (t === null ? '(NULL)' : `('${t}')`)).join(', ');
    const rows = (await c.runAndReadAll(`SELECT raw, ${rowKey('raw')} AS fast, ${lookalikeKey(normalised('raw'))} AS whole FROM (VALUES ${values}) v(raw)`)).getRowsJS();
    expect(rows).toHaveLength(texts.length);
    for (const [raw, fast, whole] of rows) expect([raw, fast]).toEqual([raw, whole]);
    // The shortcut is taken (and so tested) for the clean texts, and the keys fold digits.
    expect(rows.find((r) => r[0] === '0O1I8B5S2Z')?.[1]).toBe('OOIIBBSSZZ');
    expect(rows.find((r) => r[0] === 'Ab-12.cDe')?.[1]).toBe('ABIZCDE');
  });
});
