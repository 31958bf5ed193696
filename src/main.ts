import { createApp } from './app.factory.js';
import { loadEnvironment } from './config/environment.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function bootstrap(): Promise<void> {
  const environment = loadEnvironment();
  const app = await createApp(environment);
  // Loopback outside production unless HOST says otherwise (see DEFAULT_HOSTS).
  await app.listen({ port: environment.PORT, host: environment.HOST });
  // A stop closes the app (buffered reads written, database closed, PGlite lock released), then exits 0;
  // a close that hangs (a frozen database) is cut short.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
      void app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

bootstrap().catch((error: unknown) => {
  // Configuration and database errors name the variable or the problem, never patient data.
  console.error(`Startup failed: ${error instanceof Error ? error.message : 'unknown error'}`);
  process.exit(1);
});
