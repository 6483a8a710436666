// 3. Cold start: a fresh process imports the client entry and creates a client. Measured inside
// the process (from the first line of the script to a ready client) and as the whole process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, shuffle } from './lib.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const SCRIPTS = {
  'ours (live-https-cert, built ESM)': `
    const t0 = performance.now();
    const { createLiveClient } = await import(${JSON.stringify(`${root}dist/esm/src/index.js`)});
    createLiveClient({ projectId: '0123456789abcdef0123456789abcdef', credentials: { accessKey: 'AK', secretKey: 'SK' } });
    process.stdout.write(String(performance.now() - t0));`,
  'official (@huaweicloud/huaweicloud-sdk-core)': `
    const t0 = performance.now();
    const { createRequire } = await import('node:module');
    const require = createRequire(${JSON.stringify(`${root}package.json`)});
    const core = require('@huaweicloud/huaweicloud-sdk-core');
    const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder');
    new ClientBuilder((c) => c).withCredential(new core.BasicCredentials().withAk('AK').withSk('SK').withProjectId('p')).withEndpoint('https://live.cn-north-4.myhuaweicloud.com').build();
    process.stdout.write(String(performance.now() - t0));`,
} as const;

export interface ColdStartRow {
  name: string;
  importAndCreateMs: number;
  processMs: number;
}

export function coldStart(options: { runs: number }): ColdStartRow[] {
  const names = Object.keys(SCRIPTS) as (keyof typeof SCRIPTS)[];
  const inner = new Map(names.map((n) => [n, [] as number[]]));
  const whole = new Map(names.map((n) => [n, [] as number[]]));
  for (let run = 0; run < options.runs; run++) {
    for (const name of shuffle(names)) {
      const start = performance.now();
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPTS[name]], {
        cwd: root,
        encoding: 'utf8',
      });
      whole.get(name)!.push(performance.now() - start);
      if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
      inner.get(name)!.push(Number(result.stdout));
    }
  }
  return names.map((name) => ({
    name,
    importAndCreateMs: Math.round(median(inner.get(name)!) * 10) / 10,
    processMs: Math.round(median(whole.get(name)!)),
  }));
}
