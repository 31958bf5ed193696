import { openDatabase, type DatabaseSettings } from '../../src/database/database-connection.js';
import { PrismaService } from '../../src/database/prisma.service.js';

/**
 * Opens the database a spawned service used (a PostgreSQL database, or a PGlite folder, which the
 * service must have released by stopping), runs `work` on it and closes it again.
 */
export async function withDatabase<Result>(settings: DatabaseSettings, work: (prisma: PrismaService) => Promise<Result>): Promise<Result> {
  const prisma = new PrismaService(await openDatabase(settings));
  try {
    return await work(prisma);
  } finally {
    await prisma.onModuleDestroy();
  }
}

/** The number of rows of every table of the schema (Prisma's record of migrations left out), by table name. */
export async function countRows(prisma: PrismaService): Promise<Record<string, number>> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [{ count }] = await prisma.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM "${name}"`);
    counts[name] = count;
  }
  return counts;
}
