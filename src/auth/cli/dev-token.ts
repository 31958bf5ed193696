import { parseArgs } from 'node:util';
import { loadEnvironment } from '../../config/environment.js';
import { developmentSecretFile, resolveDevelopmentSecret, usesGeneratedSecret } from '../development-secret.js';
import { signDevelopmentToken } from '../dev-token.js';
import { ROLES, type Role } from '../role.js';

/**
 * `npm run token -- --role CLINICIAN --sub dr.peeters [--act dr.x] [--expires 8h]` prints a development
 * token, signed with AUTH_HS256_SECRET or else with the secret `npm start` generated beside
 * PGLITE_DATA_DIR (created here first if the service has not started yet).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true, default: ['CLINICIAN'] },
      sub: { type: 'string', default: 'dr.peeters' },
      act: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  const roles = values.role.flatMap((value) => value.split(','));
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length > 0) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const environment = loadEnvironment();
  if (usesGeneratedSecret(environment) && !developmentSecretFile(environment)) {
    throw new Error('An in-memory PGLITE_DATA_DIR keeps no development secret: set AUTH_HS256_SECRET for both the service and npm run token');
  }
  await resolveDevelopmentSecret(environment);
  const token = await signDevelopmentToken(environment, {
    sub: values.sub,
    roles: roles as Role[],
    actingFor: values.act,
    expiresIn: values.expires,
  });
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
