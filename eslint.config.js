// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/__generated__/**', 'coverage/**', '.data/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Domains meet through services and loaders only, never another domain's resolvers.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*/*.resolvers.js'], message: 'Import a domain\'s service or loaders, not its resolvers.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*/*.resolvers.js'], message: 'Import a domain\'s service or loaders, not its resolvers.' },
            { group: ['**/test/**', '../../test/*'], message: 'src/ never imports test code.' },
          ],
        },
      ],
    },
  },
);
