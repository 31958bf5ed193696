import { loadEnvironment } from '../../config/environment.js';
import { openDatabase } from '../../database/database-connection.js';
import { PrismaService } from '../../database/prisma.service.js';
import { verifyAuditLog } from '../audit-verifier.js';

/** `npm run audit:verify`: recomputes every hash chain; exits 1 and names the first broken event. */
async function main(): Promise<number> {
  const prisma = new PrismaService(await openDatabase(loadEnvironment()));
  try {
    const result = await verifyAuditLog(prisma);
    if (result.firstBrokenLink) {
      const { streamId, sequence, problem } = result.firstBrokenLink;
      console.error(`Audit log BROKEN: stream ${streamId}, event ${sequence}: ${problem} (checked ${result.events} events in ${result.streams} streams)`);
      return 1;
    }
    console.log(`Audit log intact: ${result.events} events in ${result.streams} streams verified.`);
    return 0;
  } finally {
    await prisma.onModuleDestroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
