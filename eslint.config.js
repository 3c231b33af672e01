import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Node modules and globals the pure core must not touch: I/O, clocks and randomness are passed in. */
const impureModules = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path', 'child_process', 'node:child_process', 'http', 'https', 'net', 'os', 'node:os', 'worker_threads', 'node:worker_threads'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'web/dist/', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: impureModules.map((name) => ({ name, message: 'src/core is pure: pass I/O in from the CLI or web layer.' })),
        patterns: [{ group: ['**/cli/**', '**/web/**'], message: 'The core never depends on the CLI or the web app.' }],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/core is pure: no process.' },
        { name: 'console', message: 'src/core returns warnings as data; it never prints.' },
        { name: 'fetch', message: 'src/core is pure: no network.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Pass a clock in.' },
        { object: 'Math', property: 'random', message: 'Pass a seeded generator in.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'Pass dates in; the core has no clock.' }],
    },
  },
  {
    files: ['bin/**/*.js', 'bench/**/*.js', '*.config.js', '.ci/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly' } },
  },
);
