// API refusals the CLI explains, in process against the verifying server: the error names the fix
// (the IAM permission, a domain not of this project and region, AK/SK and the clock), whichever command met it.
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/run-cli.js';
import { ENV, verifyingServerPerTest } from './commands/verifying-fixture.js';

const live = verifyingServerPerTest();

describe('errors that tell the fix', () => {
  it.each([
    ['LIVE.100011003', 401, 'show', 'live:domain:getCDNConfig'],
    ['LIVE.100011003', 401, 'delete', 'live:domain:updateCDNConfig'],
    ['LIVE.103011019', 404, 'show', 'not a Live domain of this project and region'],
  ])('%s on %s names the fix', async (code, status, command, hint) => {
    const server = await live.start({
      // delete reads the setting it saves for rollback first: the refusal is the DELETE's own.
      reply: (r) =>
        command === 'delete' && r.method === 'GET'
          ? {
              status: 200,
              body: { certificate_format: 'PEM', certificate: '', certificate_key: '', force_redirect: false },
            }
          : { status, body: { error_code: code, error_msg: 'refused' } },
    });
    const r = await runInProcess([command, '--domain', 'a.example.com', '--endpoint', server.url], ENV);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(hint);
  });

  it('APIGW.0301 says to check AK/SK and the clock', async () => {
    const endpoint = await live.store();
    const r = await runInProcess(['status', '--domain', 'a.example.com', ...endpoint], {
      ...ENV,
      HUAWEICLOUD_SDK_SK: 'wrong-secret-key-value',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/APIGW\.0301.*AK.*SK.*clock/s);
  });
});
