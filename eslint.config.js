import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
})

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'public/build/', 'e2e/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: 'error',
      'no-console': 'error',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict(
      [
        'node:*',
        'fs',
        'path',
        'express',
        'kysely',
        'pino',
        '**/services/**',
        '**/storage/**',
        '**/web/**',
        '**/jobs/**',
        '**/config.ts',
      ],
      'The domain is pure: no I/O, no framework, no services, storage or web.',
    ),
  },
  {
    files: ['src/services/**/*.ts'],
    rules: restrict(['express', '**/web/**'], 'Services must not depend on the web layer.'),
  },
  {
    files: ['src/storage/**/*.ts'],
    rules: restrict(['**/services/**', '**/web/**'], 'Storage must not depend on services or the web layer.'),
  },
  {
    files: ['src/letters/**/*.ts'],
    rules: restrict(
      ['**/storage/**', '**/services/**', '**/web/**', '**/jobs/**', 'kysely', 'express'],
      'Letter renderers turn the domain’s letter into files: they import the domain and PDF/DOCX libraries only.',
    ),
  },
  {
    files: ['src/web/**/*.ts'],
    rules: restrict(['**/storage/**', 'kysely'], 'The web layer reaches storage through services only.'),
  },
  {
    files: ['src/cli/**/*.ts', 'src/cli.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
)
