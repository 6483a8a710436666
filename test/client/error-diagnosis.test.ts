// The right diagnosis of an error answer: a body larger than the read limit keeps the error_code and
// error_msg of the part that was read; error_detail is kept (sanitised) and printed; a
// signature-expired code gets the clock hint, not the key one.
import { afterEach, describe, expect, it } from 'vitest';
import { hintFor } from '../../src/cli/exit-codes.js';
import { createLiveClient, LiveApiError } from '../../src/index.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';

const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const SK = 'error-diagnosis-secret-key';
let server: FaultServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function errorFor(status: number, body: string): Promise<LiveApiError> {
  server = await startFaultServer((_req, res) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(body),
  );
  const live = createLiveClient({
    projectId: PROJECT_ID,
    endpoint: server.url,
    credentials: { accessKey: 'DIAGNOSISAK', secretKey: SK },
    retries: 0,
  });
  const error = await live.showDomainHttpsCert({ domain: 'play.example.com' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LiveApiError);
  return error as LiveApiError;
}

describe('error answers', () => {
  it('a 3 MB 400 keeps error_code and error_msg from the part that was read', async () => {
    const body = JSON.stringify({
      error_code: 'LIVE.103011019',
      error_msg: 'domain not found',
      error_detail: 'the domain is not a Live domain of this project',
      padding: 'x'.repeat(3 * 1024 * 1024),
    });
    const error = await errorFor(400, body);
    expect(error.errorCode).toBe('LIVE.103011019');
    expect(error.errorMsg).toBe('domain not found');
    expect(error.errorDetail).toBe('the domain is not a Live domain of this project');
    expect(error.message).toContain('LIVE.103011019: domain not found');
  });

  it('error_detail is kept sanitised, printed, and in toJSON; secrets and escapes removed', async () => {
    const error = await errorFor(
      400,
      JSON.stringify({ error_code: 'LIVE.1', error_msg: 'bad', error_detail: `echo ${SK} \u001b[31mred` }),
    );
    expect(error.errorDetail).toBeDefined();
    expect(error.errorDetail).not.toContain(SK);
    expect(error.errorDetail).not.toContain('\u001b');
    expect(error.message).toContain('detail: echo');
    expect(error.toJSON()['errorDetail']).toBe(error.errorDetail);
  });

  it.each(['APIG.0303', 'APIGW.0303'])('%s gets the clock hint, not the IAM one', async (code) => {
    const error = await errorFor(400, JSON.stringify({ error_code: code, error_msg: 'signature expired' }));
    expect(hintFor(error)).toMatch(/clock/);
    expect(hintFor(error)).not.toMatch(/IAM|permission/);
  });
});
