// THE ARROWS (docs/ARCHITECTURE.md refers here). "A -> B" means A may import B; every arrow not listed
// is forbidden, and lint fails on it.
//
//   Processes
//     renderer -> shared                    never main, sandbox, preload, electron, Node built-ins, keyring
//     preload  -> shared/ipc/transport      only that file (one generic `invoke`); no zod, contract, main, renderer
//     main     -> shared                    never renderer or preload
//     sandbox  -> shared                    never main, renderer, electron (a separate plain-Node server)
//     shared   -> shared                    nothing of ours outside src/shared; no Node, electron, react, ol
//
//   Inside main (top to bottom; each layer may import the ones below it, never above)
//     hosts -> ipc -> services -> providers -> http
//                     services -> store, vault
//     http       never providers, services, ipc, hosts           (http sits below providers)
//     providers  never store, services, ipc, hosts
//     store      never services, ipc, providers, hosts, shared/ipc (domain types, not the IPC contract)
//     services   never ipc, hosts                                (handler types come from shared/ipc/contract)
//     vault      never services, providers, store, ipc, hosts
//
//   Inside the renderer
//     features/X -> features/X, api, ui, map, shared             never a sibling features/Y (any Y != X)
//     ui, api    never features
//
//   Files
//     no two files in one folder whose base names differ only by letter case (Basket.tsx beside basket.ts):
//     src/, e2e/, bench/, scripts/, lint/
//
// Package and built-in bans use `no-restricted-imports`. Arrows between our own folders use the local
// plugin in lint/plugin.mjs, which resolves each relative import against the importing file: an import
// string alone cannot tell src/main/ipc from src/shared/ipc ('**/ipc/**' matches both), and a glob per
// depth is easy to get wrong. Its tests (lint/rules.test.ts) lint one allowed and one forbidden import
// per arrow through this very file.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import desk from './lint/plugin.mjs';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream'];

const MAIN_ABOVE_HTTP = ['src/main/providers', 'src/main/services', 'src/main/ipc', 'src/main/hosts'];
/** The table behind desk/layers: each entry is one row of THE ARROWS above. Folders are repo-relative. */
const LAYERS = [
  { from: ['src/main/http'], deny: MAIN_ABOVE_HTTP, because: 'http sits below providers; it knows requests, not providers or the app.' },
  {
    from: ['src/main/providers'],
    deny: ['src/main/store', 'src/main/services', 'src/main/ipc', 'src/main/hosts'],
    because: 'providers talk to a remote API and return domain values; services decide what is stored and exposed.',
  },
  {
    from: ['src/main/store'],
    deny: ['src/main/services', 'src/main/ipc', 'src/main/providers', 'src/main/hosts', 'src/shared/ipc'],
    because: 'the store knows domain types (src/shared/domain), not services, providers or the IPC contract.',
  },
  {
    from: ['src/main/services'],
    deny: ['src/main/ipc', 'src/main/hosts'],
    because: 'services take their handler types from src/shared/ipc/contract; ipc and hosts sit above them.',
  },
  {
    from: ['src/main/vault'],
    deny: ['src/main/services', 'src/main/providers', 'src/main/store', 'src/main/ipc', 'src/main/hosts'],
    because: 'the vault keeps secrets and knows nothing of the layers that use it.',
  },
  { from: ['src/shared'], allowOnly: ['src/shared'], because: 'shared/ runs in every process and imports nothing of ours outside shared/.' },
  {
    from: ['src/preload'],
    allowOnly: ['src/preload', 'src/shared/ipc/transport'],
    because: 'the preload exposes one generic invoke and imports only the channel name.',
  },
  {
    from: ['src/renderer/ui', 'src/renderer/api'],
    deny: ['src/renderer/features'],
    because: 'the toolkit serves features and never reaches into one.',
  },
];

export default tseslint.config(
  {
    // lint/fixtures/ holds files the rule tests write on purpose to break rules (case twins); they are
    // linted only by lint/rules.test.ts, with ignores switched off.
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', 'lint/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches main only through the IPC contract (api/client).' },
            { name: 'better-sqlite3', message: 'The renderer never touches the database.' },
            ...NODE_BUILTINS.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'No Node built-ins in the renderer.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'No Node built-ins in the renderer.' },
            { group: ['**/main/**', '**/main', '**/sandbox/**'], message: 'The renderer never imports main-process code.' },
            { group: ['@napi-rs/keyring', '@napi-rs/keyring/*'], message: 'Secrets stay in main.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is pure TypeScript.' },
            { name: 'better-sqlite3', message: 'shared/ is pure TypeScript.' },
            { name: 'react', message: 'shared/ is pure TypeScript.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'shared/ runs in every process: no Node built-ins.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/sandbox/**', 'ol', 'ol/*'], message: 'shared/ imports nothing of ours outside shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The sandboxed preload has no Node built-ins.' },
            { group: ['**/main/**', '**/renderer/**', 'zod', '**/shared/ipc/contract'], message: 'The preload imports only src/shared/ipc/transport.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**', '**/preload/**'], message: 'Main never imports UI code.' }] },
      ],
    },
  },
  {
    files: ['src/sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/main/**', '**/renderer/**', 'electron'], message: 'The sandbox is a separate plain-Node server.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    plugins: { desk },
    rules: { 'desk/layers': ['error', { layers: LAYERS }] },
  },
  {
    files: ['src/renderer/features/**/*.{ts,tsx}'],
    plugins: { desk },
    rules: { 'desk/no-sibling-feature': ['error', { featuresDir: 'src/renderer/features' }] },
  },
  {
    // `/**` globs select config for files ESLint already lints; they do not add CSS or HTML to the run.
    files: ['src/**', 'e2e/**', 'bench/**', 'scripts/**', 'lint/**'],
    plugins: { desk },
    rules: { 'desk/no-case-twins': 'error' },
  },
);
