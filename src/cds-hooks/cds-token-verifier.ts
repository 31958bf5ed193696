import { Injectable, Logger } from '@nestjs/common';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { Clock } from '../common/clock.js';
import { isPlainText } from '../common/validation-rules.js';
import { DEVELOPMENT_EHR_ISSUER, Environment, trustedEhrsOf } from '../config/environment.js';
import { CdsHooksException, CdsHooksExceptionCode } from './cds-hooks.exception.js';
import { CdsHooksRepository } from './cds-hooks.repository.js';
import { CDS_TOKEN_MAX_LIFETIME_SECONDS, DevelopmentEhr } from './development-ehr-key.js';
import { FHIR_USER_REFERENCE } from './domain/fhir-resources.js';

/** CDS Hooks 2.0 recommends these; symmetric algorithms and `none` are never accepted. */
const ALGORITHMS = ['RS384', 'ES384'];
/** Tolerated clock difference with the EHR. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** How often the ids of expired tokens are deleted. */
const PURGE_INTERVAL_MS = 60_000;
const JWKS_TIMEOUT_MS = 2000;

/** The EHR a verified CDS Hooks JWT comes from. */
export interface CdsCaller {
  /** The EHR as audit records name it: its issuer, and its client id (`sub`) when it sends one. */
  readonly identity: string;
  /** The user the EHR says it acts for (`act.sub`, a FHIR user reference), when it says so. */
  readonly actingFor?: string;
}

/**
 * Verifies the JWT an EHR signs for each CDS Hooks call (CDS Hooks 2.0, "Trusting CDS Clients"):
 * RS384 or ES384 against the JWKS of a trusted issuer (CDS_TRUSTED_EHRS; outside production also the
 * development EHR), header kid and typ JWT, `aud` the endpoint called, `exp` at most 5 minutes
 * after `iat`, and a `jti` never accepted before, by any instance.
 */
@Injectable()
export class CdsTokenVerifier {
  private readonly logger = new Logger(CdsTokenVerifier.name);
  /** Each trusted issuer's keys, fetched and cached by jose (created once, not per request). */
  private readonly keysByIssuer = new Map<string, JWTVerifyGetKey>();
  private lastPurge = 0;

  constructor(
    environment: Environment,
    developmentEhr: DevelopmentEhr,
    private readonly repository: CdsHooksRepository,
    private readonly clock: Clock,
  ) {
    for (const [issuer, jwksUrl] of trustedEhrsOf(environment)) {
      this.keysByIssuer.set(issuer, createRemoteJWKSet(jwksUrl, { timeoutDuration: JWKS_TIMEOUT_MS }));
    }
    if (developmentEhr.key) this.keysByIssuer.set(DEVELOPMENT_EHR_ISSUER, createLocalJWKSet({ keys: [developmentEhr.key.publicJwk] }));
  }

  /** The caller of `audience` (the absolute URL of the endpoint called), or a 401 saying what is wrong with its token. */
  async verify(token: string | undefined, audience: string): Promise<CdsCaller> {
    if (token === undefined) throw refused(CdsHooksExceptionCode.CDS_TOKEN_MISSING, 'A CDS Hooks JWT is required (Authorization: Bearer)');
    const keys = this.keysByIssuer.get(unverifiedIssuer(token));
    if (!keys) throw refused(CdsHooksExceptionCode.CDS_TOKEN_UNTRUSTED_ISSUER, 'The JWT issuer is not a trusted EHR');
    const payload = await this.verifySignatureAndClaims(token, keys, audience);
    // The EHR's client id lands in the audit log as who acted (its issuer is a configured one, and act.sub a FHIR reference).
    if (payload.sub !== undefined && !isPlainText(payload.sub)) throw invalid();
    const actingFor = actingForOf(payload);
    const now = this.clock.now().getTime();
    if (payload.exp! - payload.iat! > CDS_TOKEN_MAX_LIFETIME_SECONDS) {
      throw refused(CdsHooksExceptionCode.CDS_TOKEN_LIFETIME_TOO_LONG, 'The JWT must expire at most 5 minutes after it was issued');
    }
    if (payload.iat! * 1000 > now + CLOCK_TOLERANCE_SECONDS * 1000) throw invalid();
    const expiresAt = new Date((payload.exp! + CLOCK_TOLERANCE_SECONDS) * 1000);
    if (!(await this.repository.claimTokenId({ issuer: payload.iss!, jti: payload.jti!, expiresAt }))) {
      throw refused(CdsHooksExceptionCode.CDS_TOKEN_REPLAYED, 'This JWT was used before: send a new one (a fresh jti) with every call');
    }
    this.purgeExpiredTokenIds(now);
    return { identity: payload.sub ? `${payload.iss}#${payload.sub}` : payload.iss!, ...(actingFor && { actingFor }) };
  }

  private async verifySignatureAndClaims(token: string, keys: JWTVerifyGetKey, audience: string): Promise<JWTPayload> {
    try {
      const { kid } = decodeProtectedHeader(token);
      if (typeof kid !== 'string' || kid === '') throw invalid();
      const { payload } = await jwtVerify(token, keys, {
        algorithms: ALGORITHMS,
        typ: 'JWT',
        audience,
        requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: this.clock.now(),
      });
      if (typeof payload.jti !== 'string' || payload.jti === '' || payload.jti.length > 200) throw invalid();
      return payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw refused(CdsHooksExceptionCode.CDS_TOKEN_EXPIRED, 'The JWT has expired');
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') {
        throw refused(CdsHooksExceptionCode.CDS_TOKEN_WRONG_AUDIENCE, 'The JWT aud must be the URL of the endpoint called');
      }
      if (error instanceof CdsHooksException) throw error;
      throw invalid();
    }
  }

  /** At most once a minute, off the request: the ids of tokens that can no longer be replayed. */
  private purgeExpiredTokenIds(now: number): void {
    if (now - this.lastPurge < PURGE_INTERVAL_MS) return;
    this.lastPurge = now;
    this.repository.deleteExpiredTokenIds(new Date(now)).catch((error: unknown) => {
      this.logger.warn(`Deleting the ids of expired CDS Hooks tokens failed (${error instanceof Error ? error.name : typeof error})`);
    });
  }
}

/** The issuer a token claims, read before its signature is checked, to pick the keys to check it with. */
function unverifiedIssuer(token: string): string {
  try {
    const { iss } = decodeJwt(token);
    if (typeof iss === 'string') return iss;
  } catch {
    // Not a JWT.
  }
  throw invalid();
}

/** RFC 8693 `act`: the user the EHR acts for; it must be a FHIR user reference when given. */
function actingForOf(payload: JWTPayload): string | undefined {
  const act = payload.act as { sub?: unknown } | undefined;
  if (act?.sub === undefined) return undefined;
  if (typeof act.sub !== 'string' || !FHIR_USER_REFERENCE.test(act.sub)) throw invalid();
  return act.sub;
}

function refused(reason: CdsHooksExceptionCode, message: string): CdsHooksException {
  return new CdsHooksException(reason, message);
}

function invalid(): CdsHooksException {
  return refused(
    CdsHooksExceptionCode.CDS_TOKEN_INVALID,
    'The JWT is invalid: it must be signed with RS384 or ES384 by a key of its issuer, with kid and typ JWT in its header and iss, aud, exp, iat and jti',
  );
}
