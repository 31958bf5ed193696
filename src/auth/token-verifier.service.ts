import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { Environment } from '../config/environment.js';
import { AuthException, AuthExceptionCode } from './auth.exception.js';
import { isRole, type Role, type VerifiedToken } from './role.js';

/**
 * Verifies bearer JWTs: signature (RS256/ES256 from AUTH_JWKS_URL, or HS256 with the
 * development secret outside production), issuer, audience and expiry.
 */
@Injectable()
export class TokenVerifier {
  private readonly key: JWTVerifyGetKey | Uint8Array;
  private readonly algorithms: string[];

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
    if (roles.includes('INTEGRATION') && !actingFor) {
      throw new AuthException(AuthExceptionCode.ACTING_FOR_MISSING, 'An INTEGRATION token must name the clinician it acts for (act.sub)');
    }
    return { userId: payload.sub as string, actingFor, roles };
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
