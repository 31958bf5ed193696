import { parseArgs } from 'node:util';
import { developmentEhrKeyFile, resolveDevelopmentEhrKey, signDevelopmentEhrToken } from '../../cds-hooks/development-ehr-key.js';
import { loadEnvironment, type Environment } from '../../config/environment.js';
import { developmentSecretFile, resolveDevelopmentSecret, usesGeneratedSecret } from '../development-secret.js';
import { signDevelopmentToken } from '../dev-token.js';
import { ROLES, type Role } from '../role.js';

/**
 * `npm run token -- --role CLINICIAN --sub dr.peeters [--act dr.x] [--expires 8h]` prints a development
 * token, signed with AUTH_HS256_SECRET or else with the secret `npm start` generated beside
 * PGLITE_DATA_DIR (created here first if the service has not started yet).
 *
 * `npm run token -- --cds --aud <endpoint URL> [--sub <client id>] [--act Practitioner/123]` prints a
 * CDS Hooks JWT from the development EHR instead: ES384, valid 5 minutes, a fresh jti, signed with
 * the key `npm start` generated beside PGLITE_DATA_DIR.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true, default: ['CLINICIAN'] },
      sub: { type: 'string' },
      act: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      cds: { type: 'boolean', default: false },
      aud: { type: 'string' },
    },
  });
  const environment = loadEnvironment();
  console.log(values.cds ? await cdsHooksToken(environment, values) : await apiToken(environment, values));
}

async function apiToken(environment: Environment, values: { role: string[]; sub?: string; act?: string; expires: string }): Promise<string> {
  const roles = values.role.flatMap((value) => value.split(','));
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length > 0) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (usesGeneratedSecret(environment) && !developmentSecretFile(environment)) {
    throw new Error('An in-memory PGLITE_DATA_DIR keeps no development secret: set AUTH_HS256_SECRET for both the service and npm run token');
  }
  await resolveDevelopmentSecret(environment);
  return signDevelopmentToken(environment, {
    sub: values.sub ?? 'dr.peeters',
    roles: roles as Role[],
    actingFor: values.act,
    expiresIn: values.expires,
  });
}

async function cdsHooksToken(environment: Environment, values: { aud?: string; sub?: string; act?: string }): Promise<string> {
  if (!values.aud || !URL.canParse(values.aud))
    throw new Error('--aud must be the absolute URL of the CDS Hooks endpoint called, e.g. http://127.0.0.1:3000/cds-services');
  if (!developmentEhrKeyFile(environment)) throw new Error('An in-memory PGLITE_DATA_DIR keeps no development EHR key: use a data folder');
  const key = await resolveDevelopmentEhrKey(environment);
  if (!key) throw new Error('The development EHR is refused in production');
  return signDevelopmentEhrToken(key, { audience: values.aud, subject: values.sub, actingFor: values.act });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
