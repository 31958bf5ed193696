import { loadEnvironment } from '../../config/environment.js';
import { openDatabase } from '../database-connection.js';
import { migrateDatabase } from '../migrations.js';

/** `npm run db:migrate`: applies pending migrations to the configured database. */
async function main(): Promise<void> {
  const connection = await openDatabase(loadEnvironment());
  try {
    const applied = await migrateDatabase(connection);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
  } finally {
    await connection.close();
  }
}

// The schema engine leaves a timer running: exit explicitly.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
