// ESLint (typescript-eslint) for the whole repository. The walls between folders are lint rules
// whose messages say why; the type-level wall (core has no Node, DOM or Office types) is
// core/tsconfig.json.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const CORE_WALL =
  'core/ runs unchanged in Excel, in a browser and in Node: no Node modules, no DOM, no Office, nothing of ours outside core/ (STYLE: pure core, effects at the edges).';
const UI_WALL = 'addin/ui gets data and callbacks; only addin/excel touches Excel, through hooks in addin/app.';
const ADDIN_WALL = 'The add-in never imports the generator or Node modules: what both doors need lives in core/.';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'build/**',
      'dist/**',
      'out/**',
      'artifacts/**',
      'test-artifacts/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'error',
      // Sanitisers for XML, file names and terminals match control characters on purpose.
      'no-control-regex': 'off',
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'zlib', 'worker_threads'], message: CORE_WALL },
            { group: ['**/addin/**', '**/generator/**', '**/scripts/**', '**/bench/**', '**/test/**'], message: CORE_WALL },
            { group: ['react', 'react-dom', '@fluentui/*', '@microsoft/office-js'], message: CORE_WALL },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: CORE_WALL },
        { name: 'window', message: CORE_WALL },
        { name: 'document', message: CORE_WALL },
        { name: 'Office', message: CORE_WALL },
        { name: 'Excel', message: CORE_WALL },
      ],
    },
  },
  {
    files: ['addin/**/*.ts', 'addin/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', '**/generator/**'], message: ADDIN_WALL }] }],
    },
  },
  {
    files: ['addin/ui/**/*.ts', 'addin/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', '**/generator/**'], message: ADDIN_WALL },
            { group: ['**/excel/**', '../excel', '../excel/*'], message: UI_WALL },
          ],
        },
      ],
    },
  },
  {
    // Only the CLI shell prints; bench, scripts and tests report to the console by design.
    files: ['generator/cli.ts', 'generator/cli/**', 'bench/**', 'scripts/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
