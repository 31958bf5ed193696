import { Module, type DynamicModule, type InjectionToken, type ValueProvider } from '@nestjs/common';
import { Clock } from './clock.js';

/** Providers every module shares: the one Clock. */
const SHARED_PROVIDERS = [Clock];

@Module({})
export class CommonModule {
  /**
   * Provides the shared providers to every module. `overrides` replace some of them (tests pass a
   * fixed Clock); a token that is not shared is refused rather than silently ignored.
   */
  static register(overrides: ValueProvider[] = []): DynamicModule {
    const unknown = overrides.find((override) => !SHARED_PROVIDERS.some((provider) => provider === override.provide));
    if (unknown) throw new Error(`Only shared providers can be overridden, not ${tokenName(unknown.provide)}`);
    const providers = SHARED_PROVIDERS.map((provider) => overrides.find((override) => override.provide === provider) ?? provider);
    return { module: CommonModule, global: true, providers, exports: SHARED_PROVIDERS };
  }
}

function tokenName(token: InjectionToken): string {
  return typeof token === 'function' ? token.name : String(token);
}
