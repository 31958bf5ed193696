import { loadEnvironment } from '../../config/environment.js';
import { openDatabase } from '../../database/database-connection.js';
import { PrismaService } from '../../database/prisma.service.js';
import { rebuildPathwayReports } from '../rebuild-pathway-reports.js';

/**
 * `npm run reports:rebuild`: recomputes the reporting projection (pathway_report, stage_move,
 * suggestion_feedback) of every pathway from its audit events; for pathways written before the
 * projection existed, and safe to run again at any time.
 */
async function main(): Promise<void> {
  const prisma = new PrismaService(await openDatabase(loadEnvironment()));
  try {
    const showProgress = process.stderr.isTTY;
    const onBatch = (soFar: number) => showProgress && process.stderr.write(`\r${soFar} pathways projected`);
    const pathways = await rebuildPathwayReports(prisma, { onBatch });
    if (showProgress) process.stderr.write('\n');
    console.log(`Reporting projection rebuilt: ${pathways} pathways.`);
  } finally {
    await prisma.onModuleDestroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
