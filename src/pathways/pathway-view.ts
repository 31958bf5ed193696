import type { ChecklistRecord } from '../checklist/domain/checklist.js';
import type { HipFacts } from '../contract/vocabulary.js';
import { derivePathwayRecord } from './domain/fact-derivation.js';
import { allowedMoves } from './domain/pathway-state-machine.js';
import type { Pathway } from './models/pathway.model.js';
import type { StoredPathway } from './pathway.repository.js';

/**
 * A pathway as the service hands it out: every field the API's `Pathway` shows, plus what its
 * field resolvers compute from and the API does not show. Resolvers return it where the schema
 * says `Pathway`; GraphQL sends the model's fields only.
 */
export interface PathwayView extends Omit<Pathway, 'facts'> {
  facts: HipFacts;
  /** What the checklist reads beyond the facts (follow-up and surgery dates, N/A marks). */
  checklistRecord: ChecklistRecord;
  /** The events a later correction marked entered-in-error, which the timeline flags. */
  enteredInErrorSequences: readonly number[];
}

/** The pathway with the facts derived from its recordings at `now`. */
export function toPathwayView(pathway: StoredPathway, now: Date): PathwayView {
  const { state } = pathway;
  const { facts, checklistRecord } = derivePathwayRecord(state, { birthDate: pathway.patientBirthDate, now });
  return {
    id: pathway.id,
    patientId: pathway.patientId,
    side: state.side,
    stage: state.stage,
    allowedMoves: allowedMoves(state.stage),
    version: pathway.version,
    openedAt: pathway.openedAt,
    updatedAt: pathway.updatedAt,
    closedAt: pathway.closedAt,
    closeReason: state.closeReason ?? null,
    deviationCount: pathway.deviationCount,
    site: pathway.site,
    evaluatedAt: now,
    facts,
    checklistRecord,
    enteredInErrorSequences: state.enteredInErrorSequences,
  };
}
