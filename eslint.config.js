// ESLint (flat config): typescript-eslint's recommended rules plus the project's import boundaries.
import { readdirSync, statSync } from 'node:fs';
import tseslint from 'typescript-eslint';

const venues = readdirSync('core/venues').filter((name) => statSync(`core/venues/${name}`).isDirectory());

/** core/ is pure TypeScript: no extension framework, no UI, no entry points. */
const coreBoundaries = {
  files: ['core/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['wxt', 'wxt/*', '#imports', 'webextension-polyfill'], message: 'core/ has no extension globals: pass what it needs in.' },
          { group: ['@/components/*', '@/entrypoints/*', '**/components/*', '**/entrypoints/*'], message: 'core/ never imports the UI or the entry points.' },
          { group: ['preact', 'preact/*'], message: 'core/ renders nothing.' },
        ],
      },
    ],
  },
};

/** One venue never imports another: each venue folder may reach shared code, not a sibling. */
const venueBoundaries = venues.map((venue) => ({
  files: [`core/venues/${venue}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['wxt', 'wxt/*', '#imports', 'preact', 'preact/*', '@/components/*', '@/entrypoints/*'], message: 'core/ stays pure.' },
          { group: venues.filter((v) => v !== venue).map((v) => `../${v}/*`), message: 'One venue never imports another.' },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-output/**', 'demo-output/**', '**/*.d.ts', 'test/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused names are errors, except the deliberately ignored ones.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The codebase uses `!` only where an index was just checked; the compiler's strict flags stay on.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Product code: what ships never parses markup or code from a string (tests may load fixtures).
    files: ['core/**/*.ts', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]', message: 'No innerHTML: build DOM nodes.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML: build DOM nodes.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
      ],
    },
  },
  coreBoundaries,
  ...venueBoundaries,
  {
    files: ['**/*.mjs', 'scripts/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
