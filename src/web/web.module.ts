import { Module, type DynamicModule } from '@nestjs/common';
import { CdsHooksModule } from '../cds-hooks/cds-hooks.module.js';
import type { Environment } from '../config/environment.js';
import { PatientsModule } from '../patients/patients.module.js';
import { DevSignInController, devSignInAvailable } from './dev-sign-in.controller.js';
import { LaunchResolver } from './launch.resolver.js';
import { LaunchService } from './launch.service.js';

/**
 * The web pages' server side: the launch query. The pages themselves (built by Vite into dist/web/app) are
 * served by `useWebPages` (web-pages.ts), which createApp registers.
 */
@Module({
  imports: [CdsHooksModule, PatientsModule],
  providers: [LaunchService, LaunchResolver],
})
export class WebModule {}

/** The development sign-in route, registered only where `devSignInAvailable`: in production it does not exist. */
@Module({})
export class DevSignInModule {
  static register(environment: Environment): DynamicModule {
    return { module: DevSignInModule, controllers: devSignInAvailable(environment) ? [DevSignInController] : [] };
  }
}
