import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { verifiedTokenOf, bearerTokenOf } from '../auth/auth.guard.js';
import { TokenVerifier } from '../auth/token-verifier.service.js';
import { CDS_HOOKS_PATH } from '../cds-hooks/cds-hooks.controller.js';
import { cdsCallerOf } from '../cds-hooks/cds-hooks.guard.js';
import { CdsTokenVerifier } from '../cds-hooks/cds-token-verifier.js';
import type { Environment } from '../config/environment.js';
import { RateLimitException, RateLimitExceptionCode } from './rate-limit.exception.js';

/** `@RouteConfig(NOT_RATE_LIMITED)`: health probes and metrics scrapes, which the platform sends at its own pace. */
export const NOT_RATE_LIMITED = { rateLimit: false } as const;

const WINDOW_MS = 60_000;

/**
 * At most RATE_LIMIT_PER_MINUTE requests a minute per caller, in each instance (@fastify/rate-limit,
 * a fixed window, checked before the body is read). The caller is the verified token's subject, the
 * EHR (issuer and client) on the CDS Hooks routes, and otherwise, a missing or invalid token included,
 * the connection's address. A refusal is the REST error body with `RATE_LIMITED` (HTTP 429, also on
 * /graphql, which it refuses before GraphQL runs) and `Retry-After` in seconds.
 */
export async function useRateLimit(app: NestFastifyApplication, environment: Environment): Promise<void> {
  if (environment.RATE_LIMIT_PER_MINUTE === 0) return;
  const tokenVerifier = app.get(TokenVerifier);
  const cdsTokenVerifier = app.get(CdsTokenVerifier);
  await app.register(rateLimit, {
    max: environment.RATE_LIMIT_PER_MINUTE,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => callerOf(request, tokenVerifier, cdsTokenVerifier, environment),
    errorResponseBuilder: (_request, { max, ttl }) =>
      new RateLimitException(
        RateLimitExceptionCode.TOO_MANY_REQUESTS,
        `Too many requests: at most ${max} a minute; retry in ${Math.ceil(ttl / 1000)} seconds`,
      ),
  });
}

/**
 * Verifies the token here, once for the request (its guard reuses the verification): keyed on the
 * token itself, a client could take a fresh bucket with every token it is issued, and on a subject
 * read without verifying, anyone could spend another user's requests.
 */
async function callerOf(
  request: FastifyRequest,
  tokenVerifier: TokenVerifier,
  cdsTokenVerifier: CdsTokenVerifier,
  environment: Environment,
): Promise<string> {
  try {
    if (request.routeOptions.url?.split('/')[1] === CDS_HOOKS_PATH)
      return `ehr ${(await cdsCallerOf(request, cdsTokenVerifier, environment)).identity}`;
    if (bearerTokenOf(request) !== undefined) return `user ${(await verifiedTokenOf(request, tokenVerifier)).userId}`;
  } catch {
    // A token its guard will refuse, with the same verification's error.
  }
  return `address ${normalizeIP(request.ip)}`;
}
