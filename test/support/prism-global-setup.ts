// vitest globalSetup: one Prism mock of the spec for the whole run.
import type { TestProject } from 'vitest/node';
import { startPrism } from '../../scripts/lib/prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prism = await startPrism();
  project.provide('prismUrl', prism.url);
  return () => prism.stop();
}
