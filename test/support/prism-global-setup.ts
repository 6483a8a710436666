// One Prism mock per service document for the whole run (Live, and Cloud
// Certificate Manager on an endpoint of its own, as in production), started side by side.
import type { TestProject } from 'vitest/node';
import { CCM_SPEC_PATH, startPrism } from '../../scripts/lib/prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
    ccmPrismUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = await Promise.allSettled([startPrism(), startPrism({ spec: CCM_SPEC_PATH })]);
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((s) => s.stop()));
    throw failed.reason;
  }
  const [live, ccm] = servers as [(typeof servers)[0], (typeof servers)[0]];
  project.provide('prismUrl', live.url);
  project.provide('ccmPrismUrl', ccm.url);
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
}
