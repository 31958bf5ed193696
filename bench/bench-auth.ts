import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

export interface HttpsJwks {
  server: Server;
  /** The JWKS's URL, https on 127.0.0.1. */
  url: string;
  /** The self-signed certificate, for the service's NODE_EXTRA_CA_CERTS. */
  caFile: string;
}

/**
 * An https server of the bench's own serving `keys` as a JWKS, as production requires (https only),
 * with a throwaway self-signed certificate written to `folder`. Needs `openssl`.
 */
export async function startHttpsJwks(folder: string, keys: JWK[]): Promise<HttpsJwks> {
  const keyFile = path.join(folder, 'key.pem');
  const caFile = path.join(folder, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-keyout', keyFile, '-out', caFile, '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' }); // prettier-ignore
  const body = JSON.stringify({ keys });
  const server = createServer({ key: readFileSync(keyFile), cert: readFileSync(caFile) }, (_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`, caFile };
}

/** The service's node options in the Dockerfile's command, its heap budget (test/docker-compose.spec.ts checks they agree): pass them as NODE_OPTIONS to run the service as in production. */
export const PRODUCTION_NODE_OPTIONS = '--max-old-space-size=512';

/** The users' identity provider the benchmarks' service trusts in production (AUTH_ISSUER, AUTH_AUDIENCE). */
const ISSUER = 'https://bench.heupartrose.local/issuer';
const AUDIENCE = 'heupartrose-pathway-service';
const USER_KEY_ID = 'bench';

export interface UserJwks extends HttpsJwks {
  /** A user's access token for 2 hours, signed with the JWKS's ES256 key. */
  sign(sub: string, roles: string[]): Promise<string>;
}

/** The JWKS production requires, over https, with one ES256 key, and tokens signed by that key; `extraKeys` are served beside it. */
export async function startUserJwks(folder: string, extraKeys: JWK[] = []): Promise<UserJwks> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwks = await startHttpsJwks(folder, [{ ...(await exportJWK(publicKey)), kid: USER_KEY_ID, alg: 'ES256', use: 'sig' }, ...extraKeys]);
  const sign = (sub: string, roles: string[]) =>
    new SignJWT({ roles })
      .setProtectedHeader({ alg: 'ES256', kid: USER_KEY_ID })
      .setSubject(sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('2h')
      .sign(privateKey);
  return { ...jwks, sign };
}

/** The service's environment in production on `databaseUrl`, its users' tokens verified with `jwks`. */
export function productionEnvironment(databaseUrl: string, jwks: HttpsJwks): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    AUTH_JWKS_URL: jwks.url,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    NODE_EXTRA_CA_CERTS: jwks.caFile,
    NODE_OPTIONS: PRODUCTION_NODE_OPTIONS,
    // One bench caller stands for many users: the limit stays on, its cost measured, but never refuses.
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
}
