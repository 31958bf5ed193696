export type PathwayErrorCode =
  | 'INVALID_TRANSITION'
  | 'DEVIATION_REASON_REQUIRED'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'NOT_FOUND';

/**
 * A command the pathway refuses. The message is for a clinician: it names the field, never its
 * value. BAD_USER_INPUT: the input is wrong whatever the pathway's state. CONFLICT: the input is
 * well formed but the pathway's current state refuses it (closed, already corrected, ...).
 */
export class PathwayError extends Error {
  constructor(
    readonly code: PathwayErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'PathwayError';
  }
}
