// The official Python SDK (huaweicloudsdklive, huaweicloudsdkscm + huaweicloudsdkcore), pinned, in a git-ignored venv
// at .python-sdk/: the parity test sends each call with it and with this client to one recording
// server and compares the requests header by header. Idempotent: a venv that already holds the
// pinned versions is left alone. Installs python3-venv with apt when missing and allowed, as
// ensure-chromium.mjs does for the browser.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from './lib/run.mjs';

const PYTHON_SDK_VERSION = '3.1.219';
const PACKAGES = [
  `huaweicloudsdkcore==${PYTHON_SDK_VERSION}`,
  `huaweicloudsdklive==${PYTHON_SDK_VERSION}`,
  // CCM (the `scm` service): its requests are compared with ours too (X-Domain-Id, GlobalCredentials).
  `huaweicloudsdkscm==${PYTHON_SDK_VERSION}`,
];

const root = fileURLToPath(new URL('..', import.meta.url));
const venv = `${root}.python-sdk`;
const python = `${venv}/bin/python`;
const stamp = `${venv}/installed.txt`;
const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

function works(command, args) {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const wanted = PACKAGES.join(' ');
if (
  existsSync(stamp) &&
  readFileSync(stamp, 'utf8').trim() === wanted &&
  works(python, ['-c', 'import huaweicloudsdklive, huaweicloudsdkscm'])
) {
  console.log(`python sdk: ${wanted} in .python-sdk/`);
} else {
  // Debian's python3 comes without venv/ensurepip (python3-venv).
  if (!works('python3', ['-c', 'import venv, ensurepip'])) {
    if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
      console.log('python sdk: installing python3 and python3-venv with apt-get (for the SDK parity test)');
      await run('apt-get', ['update', '-q'], { env: aptEnv });
      await run('apt-get', ['install', '-y', '-q', 'python3', 'python3-venv'], { env: aptEnv });
    } else {
      console.error(
        'python sdk: python3 with venv is missing; the SDK parity test needs it: sudo apt-get install python3-venv',
      );
      process.exit(1);
    }
  }
  rmSync(venv, { recursive: true, force: true });
  console.log(`python sdk: installing ${wanted} into .python-sdk/`);
  await run('python3', ['-m', 'venv', venv]);
  await run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', ...PACKAGES]);
  writeFileSync(stamp, `${wanted}\n`);
}
