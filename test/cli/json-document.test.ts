// Every command's --json, in process against the verifying server: one JSON document of the same
// shape, for one domain and for many.
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/run-cli.js';
import { deployablePkiForBlock, deployedConfig, ENV, verifyingServerPerTest } from './commands/verifying-fixture.js';

const pki = deployablePkiForBlock();
const live = verifyingServerPerTest();

describe('one JSON document', () => {
  it('every command prints one JSON document of the same shape, for one domain and for many', async () => {
    const endpoint = await live.store({ 'a.example.com': deployedConfig(pki, 'wild-chain.crt', false) });
    const shapes = [
      ['show', '--domain', 'a.example.com'],
      ['status', '--domain', 'a.example.com', '--domain', 'b.example.com'],
      ['update', '--domain', 'a.example.com', '--cert', pki.path('wild-chain.crt'), '--key', pki.path('wild.key')],
      [
        'check',
        '--domain',
        'a.example.com',
        '--domain',
        'b.example.com',
        '--cert',
        pki.path('wild-chain.crt'),
        '--key',
        pki.path('wild.key'),
      ],
      ['delete', '--domain', 'a.example.com', '--dry-run'],
    ];
    for (const args of shapes) {
      const doc = JSON.parse(
        (await runInProcess([...args, '--json', ...(args[0] === 'check' ? [] : endpoint)], ENV)).stdout,
      );
      // The results come first: they are written as each domain finishes, the counts at the end.
      expect(Object.keys(doc), args.join(' ')).toEqual(['results', 'ok', 'summary']);
      expect(Object.keys(doc.summary)).toEqual(['total', 'ok', 'unchanged', 'failed', 'skipped']);
      expect(doc.results).toHaveLength(doc.summary.total);
    }
  });
});
