// Lint rules: typescript-eslint's recommended set, hooks and promises, and the fences between subsystems.
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

// No DOM, UI, storage or i18n: what keeps a layer a pure function of its inputs.
const UI_AND_STORAGE = {
  group: ENGINE_FORBIDDEN,
  message: 'no DOM, Preact, idb or i18next here.',
};
const PURE = { ...UI_AND_STORAGE, group: [...ENGINE_FORBIDDEN, 'node:*'] };
// The flow format and its checker run at build time and in the CLI; the app uses the format's types only.
const BUILD_TIME = {
  group: ['**/flow-format/*', '**/flow-format/**'],
  allowTypeImports: true,
  message: 'the flow format and its checker are build time only: import their types with `import type`.',
};
/** Imports from src/ that a folder may use: its own files and the named folders, nothing else of the app. */
const onlyFrom = (self, allowed) => ({
  regex: allowed.length ? `^\\.\\./(?!(?:${allowed.join('|')})/)` : '^\\.\\./',
  ...(allowed.includes('flow-format') ? { allowTypeImports: true } : {}),
  message: `${self} may import only ${allowed.length ? allowed.join(' and ') : 'its own files'} from src/.`,
});
/** One fence: the imports the files may not make, and why. */
const fence = (files, patterns, what, ignores = []) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: patterns.map((p) => ({ ...p, message: `${what}: ${p.message}` })) },
    ],
  },
});

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
    // The service worker has a program of its own (the WebWorker library, not the DOM's), which the project
    // service, looking for tsconfig.json files only, would not find.
    files: ['src/pwa/sw.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: ['src/pwa/tsconfig.sw.json'],
        tsconfigRootDir: `${import.meta.dirname}/..`,
      },
      globals: { ...globals.serviceworker },
    },
  },
  // Fences between subsystems: each folder of src/ imports only what its layer may. One rule entry per file
  // (a later entry for the same rule would replace an earlier one), so every fence lists all it forbids.
  fence(['src/flow/**/*.ts'], [PURE, BUILD_TIME], 'the flow engine is pure: (flow, state, answer) → state'),
  fence(
    ['src/console/**/*.ts'],
    [PURE, BUILD_TIME, onlyFrom('console', ['redact', 'codes'])],
    'the console reader',
    ['src/console/kinds/**'],
  ),
  // One folder deeper, so `../` is the reader's own: a kind reads lines with the reader's helpers only.
  fence(
    ['src/console/kinds/**/*.ts'],
    [PURE, BUILD_TIME, { regex: '^\\.\\./\\.\\./', message: 'a kind may import only src/console/ files.' }],
    'an output kind',
  ),
  fence(['src/codes/**/*.ts'], [PURE, BUILD_TIME, onlyFrom('codes', ['flow-format'])], 'code lookup'),
  fence(['src/redact/**/*.ts'], [PURE, onlyFrom('redact', [])], 'key masking'),
  fence(['src/tools/**/*.ts'], [PURE, BUILD_TIME], 'the checkers'),
  fence(
    ['src/ocr/**/*.ts'],
    [PURE, BUILD_TIME, onlyFrom('ocr', ['codes'])],
    'photo reading (pixels and lines in, pixels and lines out)',
  ),
  fence(['src/flow-format/**/*.ts'], [UI_AND_STORAGE], 'the flow format (build time and CLI)'),
  fence(
    ['src/components/**/*.tsx'],
    [
      BUILD_TIME,
      {
        group: ['**/storage/*', '!**/storage/index.ts', 'idb', 'idb/*'],
        message: 'components use hooks/ or storage/index.ts, not storage internals.',
      },
    ],
    'screens',
  ),
  fence(['src/**/*.ts', 'src/**/*.tsx'], [BUILD_TIME], 'the app', [
    'src/flow/**',
    'src/console/**',
    'src/codes/**',
    'src/redact/**',
    'src/tools/**',
    'src/ocr/**',
    'src/flow-format/**',
    'src/components/**',
    'src/cli/**',
  ]),
  {
    // The pure layers run anywhere: no browser globals.
    files: [
      'src/flow/**/*.ts',
      'src/console/**/*.ts',
      'src/codes/**/*.ts',
      'src/redact/**/*.ts',
      'src/tools/**/*.ts',
      'src/ocr/**/*.ts',
      'src/flow-format/**/*.ts',
    ],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
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
);
