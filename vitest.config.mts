import { defineConfig } from 'vitest/config';

// Time zone is the domain's: Europe/London, pinned for every test worker.
process.env.TZ = 'Europe/London';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    env: { TZ: 'Europe/London' },
    // a library session and a temporary audit log for every test file (tests/setup/session.ts)
    setupFiles: ['tests/setup/session.ts'],
    testTimeout: 60_000,
    pool: 'forks'
  }
});
