import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every test by name: the run shows each status of each operation tested against Prism.
    reporters: ['verbose'],
    globalSetup: ['test/support/build-global-setup.ts', 'test/support/prism-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The fault suite checks for dangling handles; forks isolate each file's process state.
    pool: 'forks',
  },
});
