import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The one-way arrows of DESIGN §2, enforced: renderer -> contract -> main; shared imports nothing of ours.
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
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
            { group: ['**/main/**', '**/renderer/**', 'zod', '**/shared/ipc/contract'], message: 'The preload imports only the channel list.' },
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
);
