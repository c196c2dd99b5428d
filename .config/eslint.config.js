// Lint rules: typescript-eslint's recommended set, and a fence that keeps the engine pure.
import js from '@eslint/js';
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
