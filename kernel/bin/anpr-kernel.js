#!/usr/bin/env node
// `npx anpr-kernel install [--user|--prefix P]` registers the kernel; `anpr-kernel kernel
// --config-path <file>` runs it. The code is kernel/src (TypeScript), compiled to kernel/dist.
'use strict';
require('../dist/main.js')
  .cli(process.argv.slice(2))
  .then(
    code => {
      if (code >= 0) process.exit(code);
    },
    e => {
      process.stderr.write(`[anpr-kernel] ${e && e.stack}\n`);
      process.exit(1);
    }
  );
