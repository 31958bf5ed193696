import { Injectable } from '@nestjs/common';
import { AuditLogService, type RecordedAuditEvent } from '../audit/audit-log.service.js';
import type { PrismaTransaction } from '../database/prisma.service.js';
import { WriteBatch } from '../database/write-batch.js';
import type { PathwayOfPatient } from '../pathways/pathway.repository.js';
import { reportPathway } from './domain/pathway-report.js';
import { PathwayReportRepository, type PathwayReportRows } from './pathway-report.repository.js';

/**
 * Keeps the reporting projection in step with the audit log: computed by the pure core from a
 * pathway's events and written in the transaction that appended them (or by a rebuild).
 */
@Injectable()
export class PathwayReportProjection {
  constructor(
    private readonly auditLog: AuditLogService,
    private readonly reports: PathwayReportRepository,
  ) {}

  /**
   * Inside a pathway write, given all its events (`earlier` ones and those just `appended`):
   * recomputes the pathway's report row, and inserts the stage moves and feedback of the appended
   * events, added to the write's batch.
   */
  afterWrite(batch: WriteBatch, pathway: PathwayOfPatient, earlier: readonly RecordedAuditEvent[], appended: readonly RecordedAuditEvent[]): void {
    const rows = projectionRows(pathway, [...earlier, ...appended]);
    const appendedSequences = new Set(appended.map((event) => event.sequence));
    const isAppended = (row: { sequence: number }) => appendedSequences.has(row.sequence);
    this.reports.save(batch, [
      { ...rows, stageMoves: rows.stageMoves.filter(isAppended), suggestionFeedback: rows.suggestionFeedback.filter(isAppended) },
    ]);
  }

  /** Recomputes these pathways' projection rows from all their events: one read of the log, one write per table. */
  async rebuild(tx: PrismaTransaction, pathways: readonly PathwayOfPatient[]): Promise<void> {
    const events = await this.auditLog.readStreamsWithMeta(
      tx,
      pathways.map((pathway) => pathway.id),
    );
    const batch = new WriteBatch();
    this.reports.save(
      batch,
      pathways.map((pathway) => projectionRows(pathway, events.get(pathway.id)!)),
    );
    await batch.send(tx);
  }
}

function projectionRows(pathway: PathwayOfPatient, events: readonly RecordedAuditEvent[]): PathwayReportRows {
  return {
    pathwayId: pathway.id,
    patientId: pathway.patientId,
    updatedAt: events.at(-1)!.recordedAt,
    ...reportPathway(events, pathway.patientBirthDate),
  };
}
