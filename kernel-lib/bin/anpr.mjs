#!/usr/bin/env node
// The `anpr` command line. All logic lives in dist/cli (built from src/cli).
process.env.TZ = process.env.TZ || 'Europe/London';
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
