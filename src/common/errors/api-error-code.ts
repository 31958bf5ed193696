/** The machine-readable codes every client sees in `extensions.code` (and in REST error bodies). */
export enum ApiErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  DEVIATION_REASON_REQUIRED = 'DEVIATION_REASON_REQUIRED',
  /** The data the request needs could not be obtained (CDS Hooks: no FHIR Patient from prefetch or the FHIR server). */
  PRECONDITION_FAILED = 'PRECONDITION_FAILED',
  /** The database is down, unreachable or too slow: nothing was done, and the same request may succeed when retried. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** Too many requests from this caller in the last minute: nothing was done; retry after the seconds in `Retry-After`. */
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
