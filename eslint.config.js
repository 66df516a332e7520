import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['build/**', 'build-*/**', '.react-router/**', 'node_modules/**', '.data/**', 'test-results*/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // forms/ is shared by browser and server: it must never reach server-only code.
    files: ['forms/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['#services/*', '#app/*', '../services/*', '../../services/*', 'node:*', 'postgres'] }],
    },
  },
  {
    files: ['services/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['#app/*', '../app/*', '../../app/*'] }] },
  },
)
