/** Why the pathway refuses a command: one reason per rule, named for what happened. */
export type PathwayRefusalReason =
  /** A field is missing, blank, out of its range or not in its vocabulary. */
  | 'INVALID_INPUT'
  | 'CLINICAL_DATE_IN_FUTURE'
  | 'CLINICAL_DATE_BEFORE_BIRTH'
  | 'FOLLOW_UP_BEFORE_CLINICAL_DATE'
  | 'PATHWAY_NOT_FOUND'
  | 'PATHWAY_ALREADY_OPEN'
  /** Recording or marking not applicable on a closed pathway. */
  | 'PATHWAY_CLOSED'
  | 'INVALID_TRANSITION'
  | 'DEVIATION_REASON_REQUIRED'
  | 'CHECKLIST_ITEM_NOT_IN_STAGE'
  /** Stopping a treatment that is not being given on that date. */
  | 'TREATMENT_NOT_GIVEN'
  /** A postoperative outcome with no surgery recorded before its date. */
  | 'SURGERY_NOT_RECORDED'
  /** targetSequence names no event of the pathway. */
  | 'RECORDING_NOT_FOUND'
  /** targetSequence names an event that is not a recording (opening, stage move, correction, feedback). */
  | 'NOT_A_RECORDING'
  | 'ALREADY_ENTERED_IN_ERROR'
  | 'SUGGESTION_NOT_SHOWN'
  /** CDS Hooks feedback on a card not issued for this pathway. */
  | 'CARD_NOT_ISSUED';

/**
 * A command the pathway refuses, with the reason. The message is for a clinician: it names the
 * field and the rule, never the value.
 */
export class PathwayError extends Error {
  constructor(
    readonly reason: PathwayRefusalReason,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'PathwayError';
  }
}
