#!/usr/bin/env node
// The `anpr` command line. All logic lives in dist/cli (built from src/cli).
process.env.TZ = process.env.TZ || 'Europe/London';
const { hasHugePages, withHugePages } = await import('../dist/core/huge-pages.js');
const { missingV8Flags } = await import('../dist/core/v8-flags.js');
if (process.platform === 'linux' && !hasHugePages(process.env) && process.env.ANPR_HUGE_PAGES !== '0') {
  // Run again with glibc's huge pages on, which only a process's start can set (why:
  // src/core/huge-pages.ts). ANPR_HUGE_PAGES=0 runs without them, in this process.
  const { spawn } = await import('node:child_process');
  // ...and with the V8 flags of src/core/v8-flags.ts.
  const child = spawn(process.execPath, [...process.execArgv, ...missingV8Flags(process.execArgv), ...process.argv.slice(1)], { stdio: 'inherit', env: withHugePages(process.env) });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    if (signal) { process.removeAllListeners(signal); process.kill(process.pid, signal); } else process.exit(code ?? 1);
  });
} else {
  // Started without the V8 flags (src/core/v8-flags.ts): set now, before any of the analysis runs.
  const missing = missingV8Flags(process.execArgv);
  if (missing.length) (await import('node:v8')).setFlagsFromString(missing.join(' '));
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(process.argv.slice(2));
}
