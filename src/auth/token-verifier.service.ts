import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { isPlainText } from '../common/validation-rules.js';
import { Environment } from '../config/environment.js';
import { AuthException, AuthExceptionCode } from './auth.exception.js';
import { isRole, type Role, type VerifiedToken } from './role.js';

/** How long a verified token is remembered at most, and how many are. */
const REMEMBER_MS = 60_000;
const REMEMBERED_TOKENS = 10_000;

/**
 * Verifies bearer JWTs: signature (RS256/ES256 from AUTH_JWKS_URL, or HS256 with the
 * development secret outside production), issuer, audience and expiry. A client sends the same
 * token with every request, so a verified token is remembered, by its whole text (signature
 * included), until the earlier of its expiry and a minute: nothing a token could not do anyway
 * is allowed, and a key withdrawn from the JWKS stops working within a minute.
 */
@Injectable()
export class TokenVerifier {
  private readonly key: JWTVerifyGetKey | Uint8Array;
  private readonly algorithms: string[];
  /** Verified tokens, oldest first, with the time (ms) until which they are taken as verified. */
  private readonly remembered = new Map<string, { verified: VerifiedToken; until: number }>();

  constructor(private readonly environment: Environment) {
    if (environment.AUTH_JWKS_URL) {
      this.key = createRemoteJWKSet(new URL(environment.AUTH_JWKS_URL));
      this.algorithms = ['RS256', 'ES256'];
    } else {
      this.key = new TextEncoder().encode(environment.AUTH_HS256_SECRET);
      this.algorithms = ['HS256'];
    }
  }

  async verify(token: string): Promise<VerifiedToken> {
    const now = Date.now();
    const known = this.remembered.get(token);
    if (known && known.until > now) return known.verified;
    this.remembered.delete(token);
    const { verified, expiresAt } = await this.verifyNow(token);
    if (this.remembered.size >= REMEMBERED_TOKENS) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(token, { verified, until: Math.min(expiresAt, now + REMEMBER_MS) });
    return verified;
  }

  /** jose's checks (its clock is the system's, as the tokens' issuers' is), and when the token expires (ms). */
  private async verifyNow(token: string): Promise<{ verified: VerifiedToken; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key as Uint8Array, {
        issuer: this.environment.AUTH_ISSUER,
        audience: this.environment.AUTH_AUDIENCE,
        algorithms: this.algorithms,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch {
      throw new AuthException(AuthExceptionCode.INVALID_TOKEN, 'The bearer token is invalid or expired');
    }
    const roles = rolesOf(payload);
    const actingFor = actingForOf(payload);
    // The user ids land in the audit log as who acted.
    if (![payload.sub!, actingFor ?? ''].every(isPlainText)) {
      throw new AuthException(AuthExceptionCode.INVALID_TOKEN, 'The bearer token is invalid or expired');
    }
    if (roles.includes('INTEGRATION') && !actingFor) {
      throw new AuthException(AuthExceptionCode.ACTING_FOR_MISSING, 'An INTEGRATION token must name the clinician it acts for (act.sub)');
    }
    return { verified: { userId: payload.sub as string, actingFor, roles }, expiresAt: (payload.exp as number) * 1000 };
  }
}

/** The `roles` claim: the known roles it lists; anything else in it grants nothing. */
function rolesOf(payload: JWTPayload): Role[] {
  return Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
}

/** RFC 8693 `act` claim: the party the token's subject acts on behalf of. */
function actingForOf(payload: JWTPayload): string | undefined {
  const act = payload.act as { sub?: unknown } | undefined;
  return typeof act?.sub === 'string' && act.sub.length > 0 ? act.sub : undefined;
}
