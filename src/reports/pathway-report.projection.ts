import { Injectable } from '@nestjs/common';
import { AuditLogService, type RecordedAuditEvent } from '../audit/audit-log.service.js';
import type { PrismaTransaction } from '../database/prisma.service.js';
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
   * Inside a pathway write, once its events are appended: recomputes the pathway's report row from
   * all its events, and inserts the stage moves and feedback of the events just appended.
   */
  async afterWrite(tx: PrismaTransaction, pathway: PathwayOfPatient, appendedSequences: readonly number[]): Promise<void> {
    const rows = projectionRows(pathway, await this.auditLog.readStreamWithMeta(tx, pathway.id));
    const appended = (row: { sequence: number }) => appendedSequences.includes(row.sequence);
    await this.reports.save(tx, [
      { ...rows, stageMoves: rows.stageMoves.filter(appended), suggestionFeedback: rows.suggestionFeedback.filter(appended) },
    ]);
  }

  /** Recomputes these pathways' projection rows from all their events: one read of the log, one write per table. */
  async rebuild(tx: PrismaTransaction, pathways: readonly PathwayOfPatient[]): Promise<void> {
    const events = await this.auditLog.readStreamsWithMeta(
      tx,
      pathways.map((pathway) => pathway.id),
    );
    await this.reports.save(
      tx,
      pathways.map((pathway) => projectionRows(pathway, events.get(pathway.id)!)),
    );
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
