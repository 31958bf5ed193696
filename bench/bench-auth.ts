import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { JWK } from 'jose';

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

/** The Dockerfile's heap budget (test/docker-compose.spec.ts checks they agree): the service as it runs in production. */
export const PRODUCTION_NODE_OPTIONS = '--max-old-space-size=512';
