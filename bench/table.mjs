// Print benchmark rows as a Markdown table: ours vs the reference measured in the same run.
export function printTable(title, rows) {
  const head = ['benchmark', 'ours', 'reference (DuckDB)', 'ratio ours/ref', 'goal', 'met'];
  const lines = [`\n### ${title}\n`, `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${[r.name, r.ours, r.ref ?? '-', r.ratio ?? '-', r.goal ?? '-', r.met === undefined ? '-' : r.met ? 'yes' : 'NO'].join(' | ')} |`);
  process.stdout.write(lines.join('\n') + '\n');
}

export const fmtS = s => `${s.toFixed(3)} s`;
export const fmtRate = (n, s) => `${(n / s / 1e6).toFixed(2)}M reads/s`;

/** Median wall time (seconds) of `runs` calls of an async function, after one warm-up unless `warm` is false. */
export async function time(fn, { runs = 3, warm = true } = {}) {
  if (warm) await fn();
  const ts = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    result = await fn();
    ts.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  ts.sort((a, b) => a - b);
  return { s: ts[Math.floor(ts.length / 2)], result };
}
