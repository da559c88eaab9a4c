import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import nextPlugin from '@next/eslint-plugin-next';
import prettierConfig from 'eslint-config-prettier';

// Layer rules (ARCHITECTURE.md): a back-edge fails `npm run lint`. In a flat config the last
// block that matches a file decides a rule, so narrower folders repeat the wider folder's bans.
const DB = [
  {
    group: ['@/lib/db', '**/lib/db', '@/generated/**', '**/generated/**', '@prisma/*'],
    message: 'Only lib/server and scripts talk to the database.',
  },
];
const SERVER = [
  {
    group: ['@/lib/server/**', '**/lib/server/**'],
    message: 'Server-only domain code: call it from a route or page shell.',
  },
];
const UI = [
  {
    group: ['@/app/**', '**/app/**', '@/components/**', '**/components/**'],
    message: 'lib/ never imports the UI or the router.',
  },
];
const banImports = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      '.next-*/',
      'generated/',
      '.data/',
      'test-results*/',
      'playwright-report/',
      'reports/',
      'next-env.d.ts',
      'e2e/.auth*/',
    ],
  },
  ...tseslint.configs.recommended,
  prettierConfig,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through lib/env.ts.',
        },
      ],
    },
  },
  {
    // Entitlements and ingest share usage storage through lib/server/usage-store; entitlements
    // never import ingest (that was an import cycle).
    files: ['lib/server/entitlements/**', 'lib/server/usage-store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/server/ingest/*'],
              message: 'Use lib/server/usage-store; ingest depends on this module, not the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    // Operational scripts, tests and tool configs run outside the app and read their own environment.
    files: [
      'lib/env.ts',
      'scripts/**',
      'e2e/**',
      'tests/**',
      '**/*.test.ts',
      '*.config.{ts,mjs,js}',
      'instrumentation.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Tests read third-party JSON fixtures whose shapes vary by API version.
    files: ['**/*.test.ts', 'tests/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  banImports(['app/**/*.{ts,tsx}'], DB),
  banImports(
    ['components/**/*.{ts,tsx}'],
    [...DB, ...SERVER, { group: ['@/app/**'], message: 'Components never import routes.' }],
  ),
  banImports(['lib/**/*.{ts,tsx}'], UI),
  banImports(
    ['lib/analytics/**', 'lib/schemas/**', 'lib/queries/**', 'lib/money.ts', 'lib/format.ts', 'lib/invoices/**'],
    [...UI, ...DB, ...SERVER],
  ),
);
