import { builtinModules } from 'node:module'

import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const IMPURE_IN_CORE = {
  group: [
    'node:*',
    ...builtinModules.flatMap((name) => [name, `${name}/*`]),
    'hono',
    'hono/*',
    'drizzle-orm',
    'drizzle-orm/*',
    'mysql2',
    'mysql2/*',
  ],
  message: 'packages/core is the pure domain: no Node built-ins, framework or driver.',
}

// What the domain may use of its host: the language and Web APIs (crypto, TextEncoder, URL).
const CORE_GLOBALS = { ...globals.es2023, ...globals.browser }

const ENV_MODULES = [
  'apps/keep/src/env.ts',
  'packages/api/src/testing/test-database.ts',
  'apps/keep/src/testing/**',
  'bench/src/settings.ts',
  '**/vitest.config.ts',
  '**/vite.config.ts',
]

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/.turbo/**',
      'bench/reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'max-params': ['error', 3],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      '@typescript-eslint/prefer-nullish-coalescing': [
        'error',
        { ignorePrimitives: { string: true } },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through the validated env module instead.',
        },
      ],
    },
  },
  {
    files: ENV_MODULES,
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    languageOptions: { globals: CORE_GLOBALS },
    rules: {
      'no-restricted-imports': ['error', { patterns: [IMPURE_IN_CORE] }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'packages/core loads no modules at run time.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'packages/core is the pure domain: no Node globals.' },
        { name: 'Buffer', message: 'packages/core is the pure domain: use Uint8Array.' },
        { name: 'require', message: 'packages/core is the pure domain: no CommonJS loading.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier
)
