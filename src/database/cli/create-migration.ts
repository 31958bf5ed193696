import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from '../database-connection.js';
import { MIGRATIONS_DIR, SCHEMA_PATH, migrateDatabase } from '../migrations.js';
import { diffMigrationsToSchema, openSchemaEngine } from '../schema-engine.js';

/**
 * `npm run db:migration -- <name>`: applies the existing migrations to a throwaway in-memory
 * database, diffs it against prisma/schema.prisma and saves the SQL as a new migration folder.
 */
async function main(): Promise<number> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error('Usage: npm run db:migration -- <name>   (lower case letters, digits and underscores)');
    return 1;
  }
  const scratch = await openDatabase({ PGLITE_DATA_DIR: 'memory://' });
  try {
    await migrateDatabase(scratch);
    const adapterFactory = scratch.migrationAdapterFactory();
    const engine = await openSchemaEngine(adapterFactory);
    const sql = await diffMigrationsToSchema(engine, SCHEMA_PATH);
    engine.free();
    await adapterFactory.dispose();
    if (sql === null) {
      console.log('The schema matches the migrations: nothing to write.');
      return 0;
    }
    const timestamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const folder = path.join(MIGRATIONS_DIR, `${timestamp}_${name}`);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'migration.sql'), sql);
    console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql`);
    return 0;
  } finally {
    await scratch.close();
  }
}

// The schema engine leaves a timer running: exit explicitly.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
