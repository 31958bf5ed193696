import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { bearerTokenOf } from '../auth/auth.guard.js';
import { Environment, metricsAllowedAddressesOf } from '../config/environment.js';
import { MetricsException, MetricsExceptionCode } from './metrics.exception.js';

/**
 * `/metrics` is for the operators' Prometheus, outside the roles of the API: a request from one of
 * METRICS_ALLOWED_ADDRESSES (the connection's own address; forwarded headers are not trusted), or
 * one with METRICS_TOKEN as its bearer token, compared in constant time.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  private readonly allowedAddresses = new BlockList();
  private readonly tokenDigest: Buffer | undefined;

  constructor(environment: Environment) {
    for (const address of metricsAllowedAddressesOf(environment)) this.allowedAddresses.addAddress(address, familyOf(address));
    this.tokenDigest = environment.METRICS_TOKEN === undefined ? undefined : digest(environment.METRICS_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (isIP(request.ip) !== 0 && this.allowedAddresses.check(request.ip, familyOf(request.ip))) return true;
    if (!this.tokenDigest) throw new MetricsException(MetricsExceptionCode.METRICS_ADDRESS_NOT_ALLOWED, 'Metrics are not served to this address');
    const token = bearerTokenOf(request);
    // Digests of equal length, so that the comparison takes the same time whatever the token's length.
    if (token !== undefined && timingSafeEqual(digest(token), this.tokenDigest)) return true;
    throw new MetricsException(MetricsExceptionCode.METRICS_TOKEN_INVALID, 'The metrics token is required (Authorization: Bearer)');
  }
}

function familyOf(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 4 ? 'ipv4' : 'ipv6';
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
