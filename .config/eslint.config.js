// Lint rules: typescript-eslint's recommended set, and a fence that keeps the engine pure.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ENGINE_FORBIDDEN = [
  'preact',
  'preact/*',
  'idb',
  'idb/*',
  'i18next',
  'i18next/*',
  'workbox-window',
  '*.tsx',
  '**/components/**',
  '**/storage/**',
  '**/i18n/**',
  '**/pwa/**',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/bench/.work/**',
      'tests/bench/node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Preact's hooks follow React's rules: called in the same order on every render, with every dependency named.
    files: ['src/**/*.tsx', 'src/hooks/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // A promise nobody awaits loses its error; one passed where a function returning nothing is expected (an
    // onClick, a listener) does too. Both need types, so only the app's own code is read with them.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: `${import.meta.dirname}/..` },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The engine is a pure function of (flow, state, answer): no DOM, UI, storage or i18n.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ENGINE_FORBIDDEN,
              message: 'src/engine must stay pure: no DOM, Preact, idb or i18next.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'indexedDB',
        'fetch',
        'location',
        'history',
      ],
    },
  },
  {
    // Screens reach saved sessions through hooks and storage's public functions, never its internals.
    files: ['src/components/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/storage/*', '!**/storage/index.ts', 'idb', 'idb/*'],
              message: 'components use hooks/ or storage/index.ts, not storage internals.',
            },
          ],
        },
      ],
    },
  },
);
