// Starts `prism mock` on the spec (or `prism proxy` in front of an upstream) on a free 127.0.0.1
// port and resolves once it listens. Used by the contract tests' globalSetup, the demo, the
// benchmarks and `npm run contract:proxy`.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const SPEC_PATH = fileURLToPath(new URL('../../spec/live-https-cert.yaml', import.meta.url));
/** Cloud Certificate Manager (service scm): its own document, its own endpoint, its own Prism. */
export const CCM_SPEC_PATH = fileURLToPath(new URL('../../spec/ccm-certificates.yaml', import.meta.url));
const PRISM_BIN = fileURLToPath(new URL('../../node_modules/@stoplight/prism-cli/dist/index.js', import.meta.url));

export interface PrismServer {
  url: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startPrism(
  options: { spec?: string; timeoutMs?: number; proxyTo?: string } = {},
): Promise<PrismServer> {
  const port = await freePort();
  const spec = options.spec ?? SPEC_PATH;
  // In proxy mode the upstream's answer passes through as it came, its violations listed in the
  // sl-violations header (not --errors, which would turn it into a 500): a violation the spec's
  // x-body-optional excuses (an empty update or delete answer) is dropped by the caller, and the
  // client still sees the real answer.
  const command = options.proxyTo ? ['proxy', spec, options.proxyTo] : ['mock', spec];
  const child = spawn(process.execPath, [PRISM_BIN, ...command, '-h', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`Prism did not start within ${options.timeoutMs ?? 60_000} ms:\n${output}`)),
      options.timeoutMs ?? 60_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      void stopChild(child).then(() => reject(error));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`Prism is listening on ${url}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`Prism exited (${code}) before listening:\n${output}`)));
  });
  // Keep draining its log so the pipe never fills and blocks Prism.
  child.stdout?.resume();
  child.stderr?.resume();
  return { url, stop: () => stopChild(child) };
}
