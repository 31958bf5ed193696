import { createApp } from './app.factory.js';
import { Environment, InvalidEnvironmentError, loadEnvironment } from './config/environment.js';

async function bootstrap(): Promise<void> {
  const { PORT } = loadEnvironment();
  const app = await createApp();
  await app.listen({ port: app.get(Environment).PORT ?? PORT, host: '0.0.0.0' });
}

bootstrap().catch((error: unknown) => {
  // Configuration errors name the variable; anything else is reported by type only (no data).
  const message = error instanceof InvalidEnvironmentError || error instanceof Error ? error.message : 'unknown error';
  console.error(`Startup failed: ${message}`);
  process.exit(1);
});
