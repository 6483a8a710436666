// vitest globalSetup: the build of dist/ (for the tests of the built package) and the Prism mocks
// started side by side: neither needs the other, and each takes seconds.
import type { TestProject } from 'vitest/node';
import buildSetup from './build-global-setup.js';
import prismSetup from './prism-global-setup.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [built, prism] = await Promise.allSettled([buildSetup(), prismSetup(project)]);
  if (built.status === 'rejected') {
    if (prism.status === 'fulfilled') await prism.value();
    throw built.reason;
  }
  if (prism.status === 'rejected') throw prism.reason;
  return prism.value;
}
