import type { Prisma } from '../generated/prisma/client.js';
import type { NewAuditEvent } from '../audit/audit-log.service.js';
import { RULE_SET_VERSION } from '../guideline/domain/rules/rule-set.js';
import type { PathwayEvent } from './domain/pathway-events.js';

/**
 * The audit event a pathway event is stored as: the command's free-text note rides in its payload
 * (replay drops it), and the reason column holds the "why" the event carries, else the note. The
 * service and the data generator both store pathway events through it.
 */
export function toAuditEvent(event: PathwayEvent, note?: string): NewAuditEvent {
  return {
    type: event.type,
    payload: toJson(note ? { ...event.payload, note } : event.payload),
    clinicalDate: event.clinicalDate,
    reason: reasonOf(event) ?? note,
    ruleSetVersion: RULE_SET_VERSION,
  };
}

/** Event payloads are plain JSON objects; their interfaces just lack Prisma's index signature. */
function toJson(value: object): Prisma.InputJsonObject {
  return value;
}

/** The "why" the event itself carries, for the audit log's reason column. */
function reasonOf(event: PathwayEvent): string | undefined {
  const payload = event.payload as { reason?: string; deviationReason?: string; closeReason?: string; comment?: string };
  return payload.reason ?? payload.deviationReason ?? payload.comment ?? payload.closeReason;
}
