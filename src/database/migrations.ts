import path from 'node:path';
import type { DatabaseConnection } from './database-connection.js';
import { applyMigrations, openSchemaEngine } from './schema-engine.js';

export const MIGRATIONS_DIR = path.resolve(process.cwd(), 'prisma/migrations');
export const SCHEMA_PATH = path.resolve(process.cwd(), 'prisma/schema.prisma');

/** Applies pending migrations; a broken migration throws and stops boot. */
export async function migrateDatabase(connection: DatabaseConnection, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const adapterFactory = connection.migrationAdapterFactory();
  const engine = await openSchemaEngine(adapterFactory);
  try {
    return await applyMigrations(engine, migrationsDir);
  } finally {
    engine.free();
    await adapterFactory.dispose();
  }
}
