// The browser test drives Debian's Chromium through playwright-core (Playwright cannot download
// its own browser on locked-down networks). Installs it with apt when missing and allowed.
import { existsSync } from 'node:fs';
import { run } from './lib/run.mjs';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) {
  console.log(`chromium: ${CHROMIUM}`);
} else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('chromium: installing with apt-get (for the browser test)');
  await run('apt-get', ['update', '-q'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  await run('apt-get', ['install', '-y', '-q', 'chromium'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} else {
  console.warn(`chromium: missing at ${CHROMIUM}; the browser test needs it: sudo apt-get install chromium`);
}
