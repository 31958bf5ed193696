import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadEnvironment } from '../../config/environment.js';
import { brusselsDate, isCalendarDate } from '../../contract/calendar-date.js';
import { openDatabase } from '../../database/database-connection.js';
import { migrateDatabase } from '../../database/migrations.js';
import { PrismaService } from '../../database/prisma.service.js';
import { generateCohort } from '../generator/generate-cohort.js';

const USAGE = 'Usage: npm run seed -- --patients <count> [--seed <integer>] [--until YYYY-MM-DD] [--workers <count>]';

/**
 * `npm run seed`: writes a synthetic cohort into the configured database (development and test
 * only; it must hold no patients yet), showing a progress bar.
 */
async function main(): Promise<number> {
  // As for the service, an unset NODE_ENV means production.
  if ((process.env.NODE_ENV ?? 'production') === 'production') {
    console.error('npm run seed writes synthetic patients: it does not run in production (NODE_ENV unset or production).');
    return 1;
  }
  const { values } = parseArgs({
    options: {
      patients: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      until: { type: 'string' },
      workers: { type: 'string', default: String(Math.max(1, availableParallelism())) },
    },
  });
  const patients = Number(values.patients);
  const seed = Number(values.seed);
  const workers = Number(values.workers);
  const lastDay = values.until ?? brusselsDate(new Date());
  if (
    !Number.isInteger(patients) ||
    patients < 1 ||
    !Number.isInteger(seed) ||
    !Number.isInteger(workers) ||
    workers < 0 ||
    !isCalendarDate(lastDay)
  ) {
    console.error(USAGE);
    return 1;
  }

  const connection = await openDatabase(loadEnvironment());
  await migrateDatabase(connection);
  const prisma = new PrismaService(connection);
  try {
    if ((await prisma.patient.count()) > 0) {
      console.error('The database already holds patients: seed an empty database (the synthetic identifiers derive from the seed).');
      return 1;
    }
    const bar = new cliProgress.SingleBar(
      { format: 'patients {bar} {value}/{total} | {pathways} pathways | {events} events | {duration_formatted} (ETA {eta_formatted})' },
      cliProgress.Presets.shades_classic,
    );
    const started = performance.now();
    bar.start(patients, 0, { pathways: 0, events: 0 });
    const written = await generateCohort(prisma, {
      patients,
      seed,
      lastDay,
      workers,
      onProgress: (progress) => bar.update(progress.patients, progress),
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Seeded ${written.patients} patients, ${written.pathways} pathways and ${written.events} audit events (seed ${seed}, up to ${lastDay}) on ${connection.kind} in ${seconds.toFixed(1)} s.`,
    );
    return 0;
  } finally {
    await prisma.onModuleDestroy();
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
