import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { GraphQLResolveInfo } from 'graphql';
import { AuthException, AuthExceptionCode } from './auth.exception.js';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';
import { ROLES, type ActingUser, type Role, type VerifiedToken } from './role.js';
import { TokenVerifier } from './token-verifier.service.js';

export type AuthenticatedRequest = FastifyRequest & { actingUser?: ActingUser; verifiedToken?: Promise<VerifiedToken> };

export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  return context.getType<string>() === 'graphql'
    ? GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req
    : context.switchToHttp().getRequest<AuthenticatedRequest>();
}

/** Global guard: authenticates the bearer token and checks the operation's declared roles (fail closed). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokenVerifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];

    const request = requestOf(context);
    const verified = await verifiedTokenOf(request, this.tokenVerifier);

    const role = ROLES.find((candidate) => verified.roles.includes(candidate) && allowed.includes(candidate));
    if (!role) throw new AuthException(AuthExceptionCode.ROLE_NOT_ALLOWED, 'Your role does not allow this operation');
    // Who acts is decided by the operation itself (a root field or a REST route), not by a nested field.
    if (isOperation(context))
      request.actingUser = { userId: verified.userId, actingFor: role === 'INTEGRATION' ? verified.actingFor : undefined, role };
    return true;
  }
}

/**
 * The request's bearer token, verified once per request: field resolvers are guarded too, and the
 * rate limit keys on the token's subject before any guard runs.
 */
export function verifiedTokenOf(request: AuthenticatedRequest, tokenVerifier: TokenVerifier): Promise<VerifiedToken> {
  if (!request.verifiedToken) {
    const token = bearerTokenOf(request);
    request.verifiedToken = token
      ? tokenVerifier.verify(token)
      : Promise.reject(new AuthException(AuthExceptionCode.MISSING_TOKEN, 'A bearer token is required'));
  }
  return request.verifiedToken;
}

function isOperation(context: ExecutionContext): boolean {
  return context.getType<string>() !== 'graphql' || GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>().path.prev === undefined;
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}
