// ESLint (flat config): `npm run lint`. TypeScript files get typescript-eslint's type-aware
// recommended set (it catches floating promises and awaits on non-promises); plain JS in bin/ and
// scripts/ gets the non-type-aware set, since no tsconfig covers it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // as .gitignore, plus data folders
  { ignores: ['dist/**', 'node_modules/**', 'test/.output/**', 'tmp/**', '预审结果/**', 'samples/**', 'bench/**', 'test/**/__snapshots__/**'] },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }] },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        // vitest configs sit outside both tsconfigs
        projectService: { allowDefaultProject: ['*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // `_name` marks a binding kept on purpose (e.g. destructuring a field away)
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // we match control characters on purpose: XML 1.0 forbids them, terminals take ANSI escapes
      'no-control-regex': 'off',
      // Chinese text in templates uses the ideographic space (U+3000) on purpose
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      // async callbacks satisfy Promise-returning interfaces (readRows, writeViaTemp) whether or not they await
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // tests read the CLI's JSON output as untyped data; their assertions check its shape
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // test rows (RowInput) may type a value as a CellValue object, but the rows tests stringify hold text and numbers
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      // ID numbers typed as numbers are test input on purpose: precision loss is what they test
      'no-loss-of-precision': 'off',
    },
  },
);
