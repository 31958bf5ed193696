import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppModule } from '../../../app.module.js';
import { SCHEMA_FILE_PATH, buildSchema, schemaFileText } from '../schema-file.js';

/**
 * `npm run schema:write` writes the GraphQL schema the service serves to schema.graphql at the project root (`--out
 * <file>` elsewhere), from the compiled resolvers: no database, no server. With `--check` it writes nothing and fails
 * when the file differs (`npm run build` checks, so that the pages' operations are typed from the schema of the code).
 */
const { values } = parseArgs({ options: { out: { type: 'string', default: SCHEMA_FILE_PATH }, check: { type: 'boolean', default: false } } });
const path = resolve(process.cwd(), values.out);
const text = schemaFileText(await buildSchema(AppModule));
if (values.check) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current !== text) {
    console.error(`${values.out} differs from the schema of the code: run \`npm run schema:write\` and check it in.`);
    process.exit(1);
  }
} else {
  writeFileSync(path, text);
  console.log(`Wrote ${values.out}.`);
}
