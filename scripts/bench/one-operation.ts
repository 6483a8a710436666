// The footprint's "one operation" page: a browser program that creates a client and shows the
// certificate of one domain. Never run; footprint.ts counts what it loads (the entry's start and
// what the first call loads) from the entry's own bundle, and tsc keeps it compiling.
import { createLiveClient } from '../../src/index.js';

const client = createLiveClient({
  projectId: '0123456789abcdef0123456789abcdef',
  credentials: { accessKey: 'AK', secretKey: 'SK' },
});
export const shown = client.showDomainHttpsCert({ domain: 'play.example.com' });
