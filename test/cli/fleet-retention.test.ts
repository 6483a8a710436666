// A fleet keeps nothing of a domain once its result is written (issue 16.8): memory must stay
// flat in the number of domains. Each outcome a task returns is watched through a WeakRef; when
// the last domain starts, a full collection runs and every outcome written before the ones still
// in flight must be gone. A results array, a list of captured requests or a closure holding the
// outcomes (the shapes of the 2 GB dry run) keeps them and fails this. The figure that matters
// (peak RSS at 50,000 domains against 1,000) is the benchmark's, section 7.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedValues } from '../../src/cli/args.js';
import { createRecorder } from '../../src/cli/dry-run.js';
import type { DomainOutcome } from '../../src/cli/fleet.js';
import type { PrintedJson } from '../../src/cli/output.js';
import { runOverDomains } from '../../src/cli/run-domains.js';
import type { OutgoingRequest } from '../../src/transport/outgoing.js';

// A full, synchronous collection on demand (this file runs in its own process: pool 'forks').
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));

const dir = mkdtempSync(join(tmpdir(), 'fleet-retention-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DOMAINS = 300;
const CONCURRENCY = 8;

/** How many of the outcomes finished and written before the last domain started are still reachable. */
async function retainedDuringRun(
  values: ParsedValues,
  stderrIsTTY: boolean,
): Promise<{ retained: number; written: number; code: number }> {
  const domains = Array.from({ length: DOMAINS }, (_, i) => `d${i}.example.com`);
  const refs: WeakRef<object>[][] = [];
  let retained = -1;
  let written = 0;
  const task = async (domain: string): Promise<DomainOutcome<PrintedJson>> => {
    const index = domains.indexOf(domain);
    if (index === DOMAINS - 1) {
      // Domains are taken in order and a worker writes its result before taking the next: all
      // but the last CONCURRENCY are written. WeakRefs hold their targets until the current job
      // ends, so collect in a job of its own.
      await nextTask();
      collect();
      retained = refs
        .slice(0, DOMAINS - 2 * CONCURRENCY)
        .flat()
        .filter((ref) => ref.deref() !== undefined).length;
    }
    await nextTask();
    const outcome: DomainOutcome<PrintedJson> = {
      domain,
      status: index % 7 === 0 ? 'failed' : 'ok',
      exitCode: index % 7 === 0 ? 1 : 0,
      detail: `detail of ${domain}`,
      warnings: [`a warning for ${domain}`],
      json: {
        domain,
        status: 'ok',
        request: {
          method: 'PUT',
          url: `https://live.example.com/?domain=${domain}`,
          headers: {},
          body: { bulk: 'x'.repeat(2048) },
        },
      },
    };
    refs[index] = [new WeakRef(outcome), new WeakRef(outcome.json), new WeakRef(outcome.warnings!)];
    return outcome;
  };
  const code = await runOverDomains({
    domains,
    values: { concurrency: String(CONCURRENCY), ...values },
    io: {
      env: {},
      stdout: (text) => (written += text.length),
      stderr: () => undefined,
      progress: () => undefined,
      stderrIsTTY,
    },
    secrets: ['fleet-retention-secret'],
    task,
    single: () => '',
  });
  return { retained, written, code };
}

describe('a fleet keeps no outcome once it is written', () => {
  it.each([
    ['--json', { json: true }, false],
    ['the table', {}, false],
    ['the table with the progress line (terminal)', {}, true],
    ['--json with --report', { json: true, report: join(dir, 'report.jsonl') }, false],
  ] as const)('%s', async (_name, values, tty) => {
    const r = await retainedDuringRun(values as ParsedValues, tty);
    // The run really happened and wrote every domain.
    expect(r.code).toBe(1);
    expect(r.written).toBeGreaterThan(DOMAINS * 20);
    expect(r.retained).toBe(0);
    if ('report' in values) expect(readFileSync(values.report, 'utf8').trim().split('\n')).toHaveLength(DOMAINS);
  });
});

describe('the dry-run recorder keeps no request once its domain has it', () => {
  it('each redacted request is collectable after record() returned it; the recorder itself lives on', async () => {
    const recorder = createRecorder(['recorder-secret']);
    // One domain's record in a function of its own: the test's frame holds no request either.
    const recordOne = async (i: number): Promise<{ url: string; ref: WeakRef<object> }> => {
      const request: OutgoingRequest = {
        method: 'PUT',
        url: new URL(`https://live.example.com/v1/p/guard/https-cert?domain=d${i}.example.com`),
        headers: { 'content-type': 'application/json' },
        body: new TextEncoder().encode(JSON.stringify({ certificate: 'C', certificate_key: `KEY-${i}` })),
        signal: undefined,
      };
      const { request: recorded } = await recorder.record(() =>
        recorder.sender(request, new AbortController().signal, () => ({ limit: 1024, truncate: false })),
      );
      return { url: recorded!.url, ref: new WeakRef(recorded!) };
    };
    const refs: WeakRef<object>[] = [];
    const urls: string[] = [];
    for (let i = 0; i < 50; i++) {
      const { url, ref } = await recordOne(i);
      urls.push(url);
      refs.push(ref);
    }
    // Each domain got its own request.
    expect(urls[7]).toContain('domain=d7.example.com');
    await nextTask();
    collect();
    expect(refs.flatMap((ref, i) => (ref.deref() === undefined ? [] : [i]))).toEqual([]);
    // Still in use after the collection: what it kept would have been reachable.
    expect(typeof recorder.record).toBe('function');
  });
});
