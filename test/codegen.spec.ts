import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { generate, type CodegenConfig } from '@graphql-codegen/cli';
import { preset as clientPreset } from '@graphql-codegen/client-preset';
import config from '../codegen.js';

/**
 * The project's GraphQL Code Generator configuration (codegen.ts), with other documents and nothing written. The
 * preset is passed as the module itself: the CLI's loading it by name goes through require(), which Jest's ES module
 * mode refuses.
 */
function generateFor(documents: CodegenConfig['documents']): Promise<{ filename: string; content: string }[]> {
  const generates = Object.fromEntries(
    Object.entries(config.generates).map(([output, options]) => [output, { ...(options as object), preset: clientPreset }]),
  );
  return generate({ ...config, generates, documents, silent: true, verbose: false, errorsOnly: true }, false);
}

const scratch = mkdtempSync(join(tmpdir(), 'codegen-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A page's source file holding one operation, as the pages write them. */
function pageWith(name: string, operation: string): string {
  const file = join(scratch, `${name}.ts`);
  writeFileSync(file, `import { graphql } from './gql';\nexport const Query = graphql(\`\n${operation}\n\`);\n`);
  return file;
}

describe('the pages\u2019 GraphQL operations, typed from schema.graphql (codegen.ts)', () => {
  it('types the pages\u2019 own operations against the checked-in schema', async () => {
    const files = await generateFor(config.documents);
    const types = files.find(({ filename }) => filename.endsWith('gql/graphql.ts'))?.content;
    for (const operation of ['AuditDashboard', 'IndicatorPathways', 'PathwayReport']) {
      expect(types).toContain(`export type ${operation}Query = {`);
      expect(types).toContain(`export type ${operation}QueryVariables = Exact<{`);
    }
  });

  it('types an operation that fits the schema: its result and its variables', async () => {
    const page = pageWith(
      'fits',
      'query Indicators($filter: CohortFilter) { qualityIndicators(filter: $filter) { reportDate indicators { code numerator denominator } } }',
    );
    const graphqlFile = (await generateFor([page])).find(({ filename }) => filename.endsWith('graphql.ts'));
    expect(graphqlFile?.content).toContain('export type IndicatorsQueryVariables = Exact<{');
    expect(graphqlFile?.content).toMatch(
      /export type IndicatorsQuery = \{ qualityIndicators: \{ reportDate: string, indicators: Array<\{ code: [^}]*numerator: number, denominator: number \}> \} \};/,
    );
  });

  it('fails on an operation with a field the schema does not have, naming it', async () => {
    const page = pageWith('unknown-field', 'query Indicators { qualityIndicators { reportDate notAField } }');
    await expect(generateFor([page])).rejects.toThrow(/Cannot query field "notAField" on type "QualityIndicatorReport"/);
  });

  it('fails on an argument the schema does not have', async () => {
    const page = pageWith('unknown-argument', 'query Flow { flowReport(period: "2026") { reportDate } }');
    await expect(generateFor([page])).rejects.toThrow(/Unknown argument "period" on field "Query.flowReport"/);
  });
});
