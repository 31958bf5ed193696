// ESLint flat config: @eslint/js recommended + typescript-eslint recommendedTypeChecked (type-aware,
// through the TypeScript project service and tsconfig.json), then eslint-config-prettier last so that
// formatting is Prettier's job alone. See test/lint-config.spec.ts for what the purity rule forbids.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** .tsx: the web pages (src/web/app, type-checked through their own tsconfig.json). */
const TYPESCRIPT_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JAVASCRIPT_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs'];
const TEST_FILES = ['src/**/*.spec.ts', 'test/**/*.ts'];
/** The benchmarks are HTTP clients that parse JSON responses, like the end-to-end tests. */
const BENCH_FILES = ['bench/**/*.ts'];

/** The pure clinical core: every `domain/` folder under src, and the contract's vocabulary. */
export const PURE_CORE_FILES = ['src/**/domain/**/*.ts', 'src/contract/**/*.ts'];

export const PURE_CORE_MESSAGE = 'The pure clinical core (domain/) must not import framework, database or GraphQL code.';

/** npm scopes of framework, GraphQL and database code: nothing from them in the pure core. */
const FORBIDDEN_SCOPES = ['@nestjs', '@prisma', '@apollo', '@as-integrations', '@escape.tech', '@electric-sql'];

/** Packages (and their subpaths) the pure core must not import. */
const FORBIDDEN_PACKAGES = [
  // GraphQL, and the validation/transformation decorators of the DTO layer.
  'graphql',
  'class-validator',
  'class-transformer',
  // Framework plumbing.
  'fastify',
  'reflect-metadata',
  'rxjs',
  'dataloader',
  // Database.
  'prisma',
  'pg',
  'pglite-prisma-adapter',
];

/** Package name prefixes: graphql-scalars, nestjs-pino and the like. */
const FORBIDDEN_PREFIXES = ['graphql-', 'nestjs-'];

/**
 * The project's own framework layer, reached by a relative path: the src/common/graphql and
 * src/database folders, and Nest-layer files by their suffix (x.service.js, x.input.js, ...). They
 * import Nest, GraphQL or Prisma themselves, so importing them would smuggle those into the core.
 */
const FRAMEWORK_LAYER_FOLDERS = ['graphql', 'database'];
const FRAMEWORK_LAYER_SUFFIXES = [
  'module',
  'service',
  'resolver',
  'controller',
  'guard',
  'filter',
  'pipe',
  'plugin',
  'interceptor',
  'decorator',
  'decorators',
  'input',
  'inputs',
  'args',
  'model',
  'payload',
  'exception',
  'enums',
];

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const oneOf = (names) => names.map(escapeRegex).join('|');

/**
 * Options of `no-restricted-imports` for the pure core (it also checks `import type` and
 * `export ... from`). Anchored regular expressions rather than gitignore-style groups: a group such
 * as `graphql/*` would also match a relative path like `../../common/graphql/x.js`, and two groups
 * matching one import report it twice.
 */
export const PURE_CORE_IMPORT_RESTRICTIONS = {
  patterns: [
    { regex: `^(${oneOf(FORBIDDEN_SCOPES)})/`, message: PURE_CORE_MESSAGE },
    { regex: `^(${oneOf(FORBIDDEN_PACKAGES)})(/|$)`, message: PURE_CORE_MESSAGE },
    { regex: `^(${oneOf(FORBIDDEN_PREFIXES)})`, message: PURE_CORE_MESSAGE },
    // The generated Prisma client (src/generated/**), whatever the relative path to it.
    { regex: '(^|/)generated(/|$)', message: PURE_CORE_MESSAGE },
    {
      regex: `^\\.\\.?/(.*/)?(${oneOf(FRAMEWORK_LAYER_FOLDERS)})/|\\.(${oneOf(FRAMEWORK_LAYER_SUFFIXES)})(\\.[cm]?[jt]s)?$`,
      message: `${PURE_CORE_MESSAGE} Nest-layer modules (*.service, *.resolver, *.input, *.model, src/database, src/common/graphql, ...) count as such code.`,
    },
  ],
};

/** Type-aware rules that are real bugs: kept on in every TypeScript file, tests included. */
const BUG_RULES = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/await-thenable': 'error',
};

/** Minimal Node.js globals for the plain JavaScript files (config files, scripts/*.mjs). */
const NODE_GLOBALS = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'structuredClone',
    'fetch',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  globalIgnores(['dist/', 'dist-bench/', 'src/generated/', 'src/web/app/gql/', 'node_modules/', 'coverage/', 'data/'], 'project/ignores'),

  js.configs.recommended,

  {
    name: 'project/typescript',
    files: TYPESCRIPT_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      ...BUG_RULES,
      // `_` marks a parameter or binding that is there on purpose (Nest signatures, it.each rows, rest omission).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Nest modules are classes with only decorators (`@Module({...}) export class XModule {}`).
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },

  {
    name: 'project/javascript',
    files: JAVASCRIPT_FILES,
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: NODE_GLOBALS,
    },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },

  {
    // Tests and benchmarks parse JSON responses (`any` by nature) and tests pass methods to
    // `expect(...)`: the no-unsafe-* family and unbound-method are noise there. The promise rules
    // stay on (BUG_RULES).
    name: 'project/tests-and-benchmarks',
    files: [...TEST_FILES, ...BENCH_FILES],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      ...BUG_RULES,
    },
  },

  {
    name: 'project/pure-core',
    files: PURE_CORE_FILES,
    rules: {
      'no-restricted-imports': ['error', PURE_CORE_IMPORT_RESTRICTIONS],
    },
  },

  // Last: turns off every rule that would fight Prettier.
  prettier,
);
