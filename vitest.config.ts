import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every test by name: the run shows each status of each operation tested against Prism.
    reporters: ['verbose'],
    // The build and the Prism mocks, started side by side.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The fault suite checks for dangling handles; forks isolate each file's process state.
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one file at a time on a 2-core machine,
    // which then idles while a file waits on its servers, children and timers (the run before this
    // setting used 0.77 of 2 cores). At least two files at once; not more than vitest's default
    // on a larger machine, as the fault suite's time bounds (an attempt given up within 1-2 s) are
    // real time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Tests talk to 127.0.0.1 only: a developer's proxy variables must not send that traffic to a
    // real proxy (the client honours them by default). Proxy tests set their own.
    // Pacing (default 120 a minute) would stretch every suite that sends many requests to minutes;
    // the pacing tests (test/transport/pacing.test.ts) set requestsPerMinute themselves.
    env: {
      HTTP_PROXY: '',
      http_proxy: '',
      HTTPS_PROXY: '',
      https_proxy: '',
      NO_PROXY: '',
      no_proxy: '',
      LIVE_HTTPS_CERT_REQUESTS_PER_MINUTE: '0',
    },
  },
});
