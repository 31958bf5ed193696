/** Jest runs in ESM mode: NestJS 12, @nestjs/graphql 14 and jose 6 are ES modules only. */
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        useESM: true,
        tsconfig: {
          module: 'es2022',
          moduleResolution: 'bundler',
          isolatedModules: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
        },
      },
    ],
  },
};

/**
 * Two projects (`--selectProjects unit` or `e2e`): `unit` is the pure code under src/, no database,
 * server or dist/; `e2e` is everything under test/, which builds dist/ first when it is stale.
 */
export default {
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/src'], testMatch: ['**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/ensure-built.ts',
    },
  ],
};
