import { loadEnvironment } from '../../config/environment.js';
import { openDatabase } from '../../database/database-connection.js';
import { PrismaService } from '../../database/prisma.service.js';
import { verifyPathwayStates } from '../../pathways/pathway-state-verifier.js';
import { verifyAuditLog } from '../audit-verifier.js';

/**
 * `npm run audit:verify`: recomputes every hash chain, then replays every pathway's events and
 * compares the result with its stored row; exits 1 and names the first broken event or differing
 * pathway. (The CLI composes the two: the audit module itself knows nothing of pathways.)
 */
async function main(): Promise<number> {
  const prisma = new PrismaService(await openDatabase(loadEnvironment()));
  try {
    const chains = await verifyAuditLog(prisma);
    if (chains.firstBrokenLink) {
      const { streamId, sequence, problem } = chains.firstBrokenLink;
      console.error(
        `Audit log BROKEN: stream ${streamId}, event ${sequence}: ${problem} (checked ${chains.events} events in ${chains.streams} streams)`,
      );
    } else {
      console.log(`Audit log intact: ${chains.events} events in ${chains.streams} streams verified.`);
    }
    const states = await verifyPathwayStates(prisma);
    if (states.firstMismatch) {
      const { pathwayId, problem } = states.firstMismatch;
      console.error(`Pathway state DIFFERS from its events: pathway ${pathwayId}: ${problem} (checked ${states.pathways} pathways)`);
    } else {
      const rebuildPending =
        states.inOtherSchemaVersion > 0 ? `; ${states.inOtherSchemaVersion} in another state schema, to be rebuilt when next used` : '';
      console.log(`Pathway states match their events: ${states.pathways} pathways replayed${rebuildPending}.`);
    }
    return chains.firstBrokenLink || states.firstMismatch ? 1 : 0;
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
