import { createHash } from 'node:crypto';
import path from 'node:path';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { DatabaseConnection } from './database-connection.js';
import { applyMigrations, openSchemaEngine, readMigrations } from './schema-engine.js';

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

/**
 * True unless every migration folder is recorded in `_prisma_migrations` as finished with the same
 * checksum (SHA-256 of its SQL, as Prisma records it). Lets an up-to-date database boot without
 * loading the schema engine; anything else goes through the engine, which decides.
 */
export async function hasPendingMigrations(prisma: PrismaClient, migrationsDir = MIGRATIONS_DIR): Promise<boolean> {
  const { migrationDirectories } = await readMigrations(migrationsDir);
  let applied: { migration_name: string; checksum: string }[];
  try {
    applied = await prisma.$queryRaw`
      SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch {
    return true;
  }
  const appliedChecksums = new Map(applied.map((row) => [row.migration_name, row.checksum]));
  return migrationDirectories.some(({ path: name, migrationFile }) => {
    const sql = migrationFile.content.tag === 'ok' ? migrationFile.content.value : '';
    return appliedChecksums.get(name) !== createHash('sha256').update(sql).digest('hex');
  });
}
