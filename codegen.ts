import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator (`npm run codegen`, run by `npm run build` before the pages are type-checked and
 * bundled): types the web pages' operations, written with `graphql(`...`)` from `src/web/app/gql`, against the
 * checked-in schema.graphql. An operation that does not fit the schema (an unknown field, a wrong argument)
 * fails the generation, and so the build. Documents are plain strings carrying their result and variable
 * types (`documentMode: 'string'`), which the pages' `graphql()` client (src/web/app/common/graphql.ts) POSTs.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/web/app/**/*.{ts,tsx}', '!src/web/app/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/web/app/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string', LocalDate: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
