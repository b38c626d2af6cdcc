// The validator is derived from the widget contract: its schema is generated from the
// contract's TypeScript types (jupyterlab-ext/scripts/contract-schema.mjs) and committed; this
// test keeps the committed schema equal to the generator's output, and checks the validator
// against it field by field: a complete bundle built from the schema passes, and every field
// of it, made wrong or (when required) removed, is reported at its own path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMapBundle, checkProfileBundle, BundleError, type Schema } from '../../../jupyterlab-ext/src/shared/validate';

const EXT = path.resolve(__dirname, '..', '..', '..', 'jupyterlab-ext');

/** A valid value of `s` with every optional field present. */
function sample(s: Schema): unknown {
  if ('const' in s) return s.const;
  if ('enum' in s) return s.enum[0];
  if ('anyOf' in s) return sample(s.anyOf[s.anyOf.length - 1]);
  switch (s.type) {
    case 'string':
      return 's';
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'unknown':
      return [];
    case 'array':
      return [sample(s.items)];
    case 'tuple':
      return s.items.map(sample);
    case 'record':
      return { k: sample(s.values) };
    case 'object':
      return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, sample(v)]));
  }
}

/** Every field path of `s` (through the first element of arrays), with whether it is required. */
function fields(s: Schema, at: (string | number)[] = []): { at: (string | number)[]; required: boolean }[] {
  if (!('type' in s)) return [];
  if (s.type === 'array') return fields(s.items, [...at, 0]);
  if (s.type === 'record') return fields(s.values, [...at, 'k']);
  if (s.type !== 'object') return [];
  return Object.entries(s.properties).flatMap(([k, v]) => [{ at: [...at, k], required: s.required.includes(k) }, ...fields(v, [...at, k])]);
}

function pathText(at: (string | number)[]): string {
  return 'bundle' + at.map(p => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}

function problems(check: (d: unknown) => unknown, data: unknown): string[] {
  try {
    check(data);
    return [];
  } catch (e) {
    if (e instanceof BundleError) return e.problems;
    throw e;
  }
}

/** A copy of `obj` with the value at `at` replaced (or deleted when `value` is DELETE). */
const DELETE = Symbol('delete');
function edit(obj: unknown, at: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(obj) as Record<string | number, unknown>;
  let o = copy;
  for (const p of at.slice(0, -1)) o = o[p] as Record<string | number, unknown>;
  const last = at[at.length - 1];
  if (value === DELETE) delete o[last];
  else o[last] = value;
  return copy;
}

const schema = JSON.parse(readFileSync(path.join(EXT, 'src', 'shared', 'contract-schema.json'), 'utf8'));

describe('contract schema', () => {
  it('is the generator’s output from the contract types', async () => {
    // @ts-expect-error plain ESM script without types
    const { generate } = await import('../../../jupyterlab-ext/scripts/contract-schema.mjs');
    expect(readFileSync(path.join(EXT, 'src', 'shared', 'contract-schema.json'), 'utf8')).toBe(generate());
  });

  for (const [root, check] of [
    ['MapBundle', checkMapBundle],
    ['ProfileBundle', checkProfileBundle]
  ] as const) {
    describe(root, () => {
      const full = sample(schema[root]) as Record<string, unknown>;
      // The one shape a type cannot say: 7 rows of 24 numbers.
      if (root === 'ProfileBundle') full.hourWeekday = Array.from({ length: 7 }, () => Array(24).fill(0));
      const all = fields(schema[root]);

      it('accepts a bundle with every field of the contract', () => {
        expect(problems(check, full)).toEqual([]);
        expect(all.length).toBeGreaterThan(root === 'MapBundle' ? 20 : 50);
      });

      it('reports every field made wrong at its own path', () => {
        const missed: string[] = [];
        for (const { at } of all) {
          const current = at.reduce<unknown>((o, p) => (o as Record<string | number, unknown>)[p], full);
          const wrong = typeof current === 'string' ? 12345 : 'wrong';
          const got = problems(check, edit(full, at, wrong));
          if (!got.some(p => p.startsWith(`${pathText(at)}:`))) missed.push(`${pathText(at)} (${JSON.stringify(got)})`);
        }
        expect(missed).toEqual([]);
      });

      it('reports every required field removed, and accepts every optional one removed', () => {
        const wrong: string[] = [];
        for (const { at, required } of all) {
          const got = problems(check, edit(full, at, DELETE));
          const reported = got.some(p => p.startsWith(`${pathText(at)}:`));
          if (reported !== required) wrong.push(`${pathText(at)} required=${required} got ${JSON.stringify(got)}`);
        }
        expect(wrong).toEqual([]);
      });
    });
  }
});
