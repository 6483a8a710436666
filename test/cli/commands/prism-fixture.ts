// What the command tests against Prism (mocking the spec, started by the global setup) share.
import { inject } from 'vitest';

/** AK/SK and a project id: Prism checks that the request is signed, not the signature. */
export const prismEnv = () => ({
  HUAWEICLOUD_SDK_AK: 'CLIPRISMAK',
  HUAWEICLOUD_SDK_SK: 'cli-prism-secret-key-value',
  HUAWEICLOUD_SDK_PROJECT_ID: '0123456789abcdef0123456789abcdef',
});

/** The `--endpoint` flag for Prism. */
export const onPrism = () => ['--endpoint', inject('prismUrl')];
