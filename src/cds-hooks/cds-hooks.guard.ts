import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { bearerTokenOf } from '../auth/auth.guard.js';
import { Environment } from '../config/environment.js';
import { CdsTokenVerifier, type CdsCaller } from './cds-token-verifier.js';

type CdsRequest = FastifyRequest & { cdsCaller?: CdsCaller; cdsCallerVerified?: Promise<CdsCaller> };

/**
 * The CDS Hooks routes are authorised by the EHR's own JWT, not by the service's bearer tokens:
 * its `aud` must be the absolute URL of the endpoint called, under CDS_PUBLIC_BASE_URL.
 */
@Injectable()
export class CdsHooksGuard implements CanActivate {
  constructor(
    private readonly verifier: CdsTokenVerifier,
    private readonly environment: Environment,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CdsRequest>();
    request.cdsCaller = await cdsCallerOf(request, this.verifier, this.environment);
    return true;
  }
}

/**
 * The EHR a CDS Hooks request comes from, its JWT verified once per request (its `jti` can be
 * claimed only once): the rate limit keys on the EHR before the guard runs.
 */
export function cdsCallerOf(request: CdsRequest, verifier: CdsTokenVerifier, environment: Environment): Promise<CdsCaller> {
  request.cdsCallerVerified ??= verifier.verify(bearerTokenOf(request), audienceOf(request, environment));
  return request.cdsCallerVerified;
}

/** The absolute URL of the endpoint called, which the JWT's `aud` must name. */
function audienceOf(request: FastifyRequest, environment: Environment): string {
  // Unset only in production without CDS_TRUSTED_EHRS, where every token is refused as untrusted.
  return `${environment.CDS_PUBLIC_BASE_URL ?? ''}${request.url.split('?')[0]}`;
}

/** The EHR the guard verified the call came from. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): CdsCaller => {
  const caller = context.switchToHttp().getRequest<CdsRequest>().cdsCaller;
  if (!caller) throw new Error('Caller used on a route without CdsHooksGuard');
  return caller;
});
