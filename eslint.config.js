// Lint rules: typescript-eslint's recommended set, plus the layering rule of this repository:
// core/ is pure and imports nothing from bot/, db/ or renderers/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'db/migrations/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain Node scripts (the bin shim, configs): Node's globals.
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/bot/**', '**/db/**', '**/renderers/**'],
              message: 'core/ is pure: it imports nothing from bot/, db/ or renderers/.',
            },
            {
              group: [
                'node:fs',
                'node:fs/*',
                'node:net',
                'node:http',
                'node:child_process',
                'fs',
                'http',
                'net',
              ],
              message: 'core/ does no I/O.',
            },
          ],
        },
      ],
    },
  },
);
