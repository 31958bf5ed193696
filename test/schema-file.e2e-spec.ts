import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AppModule } from '../src/app.module.js';
import { SCHEMA_FILE_PATH, buildSchema, schemaFileText } from '../src/common/graphql/schema-file.js';
import { useTestApp } from './support/use-test-app.js';

describe(`the checked-in GraphQL schema (${SCHEMA_FILE_PATH})`, () => {
  const app = useTestApp();

  it('is the schema the running service serves', () => {
    const served = schemaFileText(app.app.get(GraphQLSchemaHost).schema);
    const checkedIn = readFileSync(resolve(process.cwd(), SCHEMA_FILE_PATH), 'utf8');
    if (checkedIn !== served) {
      throw new Error(
        `${SCHEMA_FILE_PATH} differs from the schema the service serves: run \`npm run build && npm run schema:write\` and check it in.`,
      );
    }
    expect(served).toContain('type Query {');
  });

  it('is what `npm run schema:write` builds from the resolvers, without a database', async () => {
    const served = schemaFileText(app.app.get(GraphQLSchemaHost).schema);
    expect(schemaFileText(await buildSchema(AppModule))).toBe(served);
  });
});
