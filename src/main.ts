import { createApp } from './app.factory.js';
import { loadEnvironment } from './config/environment.js';

async function bootstrap(): Promise<void> {
  const environment = loadEnvironment();
  const app = await createApp(environment);
  // Loopback outside production unless HOST says otherwise (see DEFAULT_HOSTS).
  await app.listen({ port: environment.PORT, host: environment.HOST });
}

bootstrap().catch((error: unknown) => {
  // Configuration and database errors name the variable or the problem, never patient data.
  console.error(`Startup failed: ${error instanceof Error ? error.message : 'unknown error'}`);
  process.exit(1);
});
