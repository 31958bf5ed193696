import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Environment } from '../config/environment.js';

/** The API's answers (JSON, CSV) may load nothing and be framed by no page. */
export const API_CONTENT_SECURITY_POLICY = { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } };

/**
 * The security headers of every response, for an API (@fastify/helmet): the policy above, no
 * MIME sniffing, no referrer, no framing, resources for this origin only, HSTS in production
 * (served over TLS). A web page sets its own policy on its route, e.g.
 * `@RouteConfig({ helmet: { contentSecurityPolicy: PAGE_POLICY } })` on its controller method.
 */
export function securityHeaderOptions(environment: Environment): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: API_CONTENT_SECURITY_POLICY,
    strictTransportSecurity: environment.NODE_ENV === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  };
}

/**
 * The headers of every answer, registered before any other hook so that refusals have them too:
 * the security headers; `Cache-Control: no-store` (answers hold patient data), unless a route
 * says otherwise; and `X-Request-Id`, the request's id in the logs and the `correlationId` of its
 * errors, also on errors answered before a GraphQL request runs.
 */
export async function useResponseHeaders(app: NestFastifyApplication, environment: Environment): Promise<void> {
  await app.register(helmet, securityHeaderOptions(environment));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('cache-control', 'no-store').header('x-request-id', request.id);
    done();
  });
  if (environment.NODE_ENV === 'development') {
    // The Apollo Sandbox page (development only) brings its own policy, a meta tag with a nonce per page, which the API's would block.
    fastify.addHook('onSend', (request, reply, payload, done) => {
      if (request.method === 'GET' && request.url.startsWith('/graphql') && String(reply.getHeader('content-type')).startsWith('text/html')) {
        reply.header('content-security-policy', "frame-ancestors 'none'");
      }
      done(null, payload);
    });
  }
}
