import { SignJWT } from 'jose';
import type { Environment } from '../config/environment.js';
import type { Role } from './role.js';

export interface DevelopmentTokenClaims {
  sub: string;
  roles: Role[];
  actingFor?: string;
  expiresIn?: string;
}

/** Signs an HS256 token with the development secret; refused in production and wherever tokens come from a JWKS. */
export async function signDevelopmentToken(environment: Environment, claims: DevelopmentTokenClaims): Promise<string> {
  if (environment.NODE_ENV === 'production' || !environment.AUTH_HS256_SECRET) {
    throw new Error('Development tokens are refused in production and when AUTH_JWKS_URL is set (they need the HS256 development secret)');
  }
  return new SignJWT({ roles: claims.roles, ...(claims.actingFor ? { act: { sub: claims.actingFor } } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(environment.AUTH_ISSUER as string)
    .setAudience(environment.AUTH_AUDIENCE as string)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(environment.AUTH_HS256_SECRET));
}
