import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// An import that climbs two folders or more names the top folder instead (package.json "imports"), so a module
// says where what it uses lives, and moving a file does not break its imports. Patterns are gitignore-style, where
// a leading # starts a comment: the aliases are written \\#.
const climbing = { group: ['../../*'], message: 'Use an alias (#app/, #forms/, #services/, #server/, #tests/, #bench/, #config/) instead of climbing folders.' }

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
      'no-restricted-imports': ['error', { patterns: [climbing] }],
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
      'no-restricted-imports': ['error', { patterns: [climbing, { group: ['\\#services/*', '\\#app/*', '\\#server/*', '../services/*', 'node:*', 'postgres'], message: 'forms/ runs in the browser too: no server code.' }] }],
    },
  },
  {
    files: ['services/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [climbing, { group: ['\\#app/*', '../app/*'], message: 'services/ must not depend on the UI.' }] }] },
  },
  {
    // server/ is HTTP and start-up: it serves the built app and calls services/, never the UI's modules.
    files: ['server/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [climbing, { group: ['\\#app/*', '../app/*'], message: 'server/ must not depend on the UI: put shared code in services/.' }] }] },
  },
)
