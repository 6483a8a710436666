// Code lint for everything hand-written; generated/ is the generator's and is checked by tsc.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'generated/', 'node_modules/', 'coverage/', '.openapi-generator-jar/', '.python-sdk/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        Request: 'readonly',
        Response: 'readonly',
        Headers: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Results are typed per command (DomainOutcome<J>): a printer reads the fields it prints from
    // the type its command declared. A cast would let the JSON and its text drift apart unseen;
    // the rest of the CLI narrows what it caught (thrown.ts) instead of asserting it is an Error.
    files: ['src/cli/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }] },
  },
  {
    // The client entry must stay browser-safe: Node APIs only through the Node entries.
    files: ['src/**/*.ts'],
    // proxy-agents/proxy-agent.ts is Node-only, loaded by a dynamic import bundlers leave alone.
    ignores: ['src/node/**', 'src/check/**', 'src/cli/**', 'src/ops/**', 'src/proxy-agents/proxy-agent.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'The client entry is browser-safe; put Node code under src/node, src/check, src/ops or src/cli.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
);
