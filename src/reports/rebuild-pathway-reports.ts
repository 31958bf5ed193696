import { AuditLogService } from '../audit/audit-log.service.js';
import type { PrismaService } from '../database/prisma.service.js';
import { PathwayStateLoader } from '../pathways/pathway-state-loader.js';
import { PathwayRepository } from '../pathways/pathway.repository.js';
import { PathwayReportProjection } from './pathway-report.projection.js';
import { PathwayReportRepository } from './pathway-report.repository.js';

export interface RebuildOptions {
  pathwaysPerBatch?: number;
  /** Called after each batch with the number of pathways projected so far. */
  onBatch?: (pathwaysSoFar: number) => void;
}

/**
 * Recomputes every pathway's reporting projection from its events, a batch of pathways per
 * transaction with their rows locked (a concurrent write waits, and is never overwritten by an
 * older reading). Idempotent: report rows are replaced, moves and feedback already there are kept.
 * Returns the number of pathways projected.
 */
export async function rebuildPathwayReports(prisma: PrismaService, { pathwaysPerBatch = 100, onBatch }: RebuildOptions = {}): Promise<number> {
  const pathways = new PathwayRepository(prisma, new PathwayStateLoader(prisma));
  const projection = new PathwayReportProjection(new AuditLogService(prisma), new PathwayReportRepository());
  let projected = 0;
  let afterId: string | undefined;
  for (;;) {
    const batch = await prisma.$transaction(
      async (tx) => {
        const page = await pathways.lockPage(tx, afterId, pathwaysPerBatch);
        await projection.rebuild(tx, page);
        return page;
      },
      { timeout: 60_000 },
    );
    projected += batch.length;
    onBatch?.(projected);
    if (batch.length < pathwaysPerBatch) return projected;
    afterId = batch.at(-1)!.id;
  }
}
