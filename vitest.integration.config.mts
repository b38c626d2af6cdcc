import { defineConfig } from 'vitest/config';

// Integration tests against the real parts: the tslab kernel, JupyterLab in headless
// Chromium, the CLI. They start servers, so they run one file at a time.
process.env.TZ = 'Europe/London';

export default defineConfig({
  test: {
    include: ['tests/notebooks/**/*.test.ts', 'tests/kernel/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    env: { TZ: 'Europe/London' },
    // a library session and a temporary audit log for every test file (tests/setup/session.ts)
    setupFiles: ['tests/setup/session.ts'],
    testTimeout: 600_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks'
  }
});
