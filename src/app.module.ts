import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type ValueProvider } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CdsHooksModule } from './cds-hooks/cds-hooks.module.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { CommonModule } from './common/common.module.js';
import { errorContextPlugin } from './common/graphql/error-context.plugin.js';
import { formatGraphqlError } from './common/graphql/format-graphql-error.js';
import { KnownOperationTypesRule } from './common/graphql/known-operation-types.rule.js';
import { createGraphqlContext } from './common/graphql/request-loaders.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { ConfigModule } from './config/config.module.js';
import { Environment } from './config/environment.js';
import { DatabaseModule } from './database/database.module.js';
import { GuidelineModule } from './guideline/guideline.module.js';
import { HealthModule } from './health/health.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { ApiMetrics } from './metrics/api-metrics.js';
import { graphqlMetricsPlugin } from './metrics/graphql-metrics.plugin.js';
import { MetricsModule, metricsExposed } from './metrics/metrics.module.js';
import { PathwaysModule } from './pathways/pathways.module.js';
import { PatientsModule } from './patients/patients.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { DevSignInModule, WebModule } from './web/web.module.js';

/**
 * Depth, alias and cost limits, no batching, no field suggestions (graphql-armor); the token limit
 * is graphql-js's own, applied while parsing, so that a query over it is a syntax error (400)
 * rather than a plugin failure (500). No subscriptions, no persisted queries (clients POST the
 * query text; Apollo's cache of queries would be filled by any client).
 */
const armor = new ApolloArmor({
  maxDepth: { n: 8 },
  maxAliases: { n: 20 },
  maxTokens: { enabled: false },
  costLimit: { maxCost: 5000 },
}).protect();
const GRAPHQL_LIMITS = {
  ...armor,
  // graphql-armor's typings resolve @apollo/server's CommonJS declarations, ours the ES module ones.
  plugins: armor.plugins as unknown as ApolloServerPlugin[],
  validationRules: [...armor.validationRules, KnownOperationTypesRule],
  parseOptions: { maxTokens: 3000 },
  persistedQueries: false as const,
};

@Module({
  imports: [
    DatabaseModule,
    AuthModule,
    AuditModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [Environment, ApiMetrics],
      useFactory: (environment: Environment, metrics: ApiMetrics) => ({
        ...GRAPHQL_LIMITS,
        plugins: [
          ...GRAPHQL_LIMITS.plugins,
          errorContextPlugin,
          // Apollo wraps every field resolver to compute cache hints; answers hold patient data and are sent with no-store.
          ApolloServerPluginCacheControlDisabled(),
          ...(metricsExposed(environment) ? [graphqlMetricsPlugin(metrics)] : []),
          environment.NODE_ENV === 'development'
            ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
            : ApolloServerPluginLandingPageDisabled(),
        ],
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        graphiql: false,
        introspection: environment.NODE_ENV !== 'production',
        includeStacktraceInErrorResponses: false,
        fieldResolverEnhancers: ['guards'],
        formatError: formatGraphqlError,
        context: createGraphqlContext,
      }),
    }),
    HealthModule,
    GuidelineModule,
    PatientsModule,
    PathwaysModule,
    ReportsModule,
    CdsHooksModule,
    WebModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
})
export class AppModule {
  /** `overrides` replace shared providers (see CommonModule), e.g. a fixed Clock in tests. */
  static register(environment: Environment, logger: Logger, overrides: ValueProvider[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(environment),
        LoggingModule.register(logger),
        CommonModule.register(overrides),
        MetricsModule.register(environment),
        DevSignInModule.register(environment),
      ],
    };
  }
}
