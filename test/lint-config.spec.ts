import { beforeAll, describe, expect, it } from '@jest/globals';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * The purity rule of eslint.config.js: the pure clinical core (every `src/**\/domain/**` file and
 * `src/contract/**`) imports no framework, database or GraphQL code.
 *
 * The snippets are linted as virtual files at the paths they name (nothing is written into src/).
 * Type-aware linting needs the files on disk, so the override below turns only the type-aware part
 * off; `no-restricted-imports` and its options come from the project's own eslint.config.js.
 */
const PURITY_MESSAGE = 'The pure clinical core (domain/) must not import framework, database or GraphQL code.';

const FORBIDDEN_IMPORTS = [
  ["import { Injectable } from '@nestjs/common';", '@nestjs/common'],
  ["import { Field, ObjectType } from '@nestjs/graphql';", '@nestjs/graphql'],
  ["import { PrismaClient } from '@prisma/client';", '@prisma/client'],
  ["import type { Prisma } from '@prisma/client';", 'a type-only @prisma/client'],
  ["import { GraphQLError } from 'graphql';", 'graphql'],
  ["import { GraphQLError } from 'graphql/error/GraphQLError.js';", 'a graphql subpath'],
  ["import { IsInt } from 'class-validator';", 'class-validator'],
  ["import { Type } from 'class-transformer';", 'class-transformer'],
  ["import { Prisma } from '../../generated/prisma/client.js';", 'the generated Prisma client'],
  ["import type { Pathway } from '../../generated/prisma/models.js';", 'a type from the generated Prisma client'],
  ["export { Injectable } from '@nestjs/common';", 'a re-export of @nestjs/common'],
  ["import { GraphQLJSON } from 'graphql-scalars';", 'graphql-scalars'],
  ["import { PrismaPg } from '@prisma/adapter-pg';", '@prisma/adapter-pg'],
  ["import { Pool } from 'pg';", 'pg'],
  ["import { PathwaysService } from '../pathways.service.js';", 'a Nest service of the project'],
  ["import type { OpenPathwayInput } from '../dto/open-pathway.input.js';", 'a GraphQL input of the project'],
  ["import { Connection } from '../../common/graphql/connection.js';", 'the GraphQL helpers of the project'],
  ["import type { PrismaTransaction } from '../../database/prisma.service.js';", 'the database layer of the project'],
] as const;

const PURE_FILES = [
  'src/pathways/domain/x.ts',
  'src/guideline/domain/engine/x.ts',
  'src/pathways/domain/x.spec.ts',
  'src/contract/foo.ts',
  'src/contract/nested/foo.ts',
];

/** The severity (0 off, 1 warn, 2 error) of `rule` in a computed configuration. */
function severityOf(config: Linter.Config, rule: string): number {
  const entry: unknown = config.rules?.[rule];
  const level: unknown = Array.isArray(entry) ? entry[0] : entry;
  return level === 'error' ? 2 : level === 'warn' ? 1 : typeof level === 'number' ? level : 0;
}

describe('lint configuration: the pure clinical core', () => {
  let eslint: ESLint;

  beforeAll(() => {
    eslint = new ESLint({
      cwd: process.cwd(),
      overrideConfig: [{ files: ['**/*.ts'], ...(tseslint.configs.disableTypeChecked as Linter.Config) }],
    });
  });

  /** The restricted-import messages for `code` linted as if it were the file at `filePath`. */
  async function restrictedImports(code: string, filePath: string): Promise<Linter.LintMessage[]> {
    const [result] = await eslint.lintText(`${code}\nexport const used = 1;\n`, { filePath });
    const fatal = result.messages.filter((message) => message.fatal);
    expect(fatal).toEqual([]);
    return result.messages.filter((message) => message.ruleId === 'no-restricted-imports');
  }

  describe.each(PURE_FILES)('in %s', (filePath) => {
    it.each(FORBIDDEN_IMPORTS)('forbids %s (%s)', async (code, _what) => {
      const messages = await restrictedImports(code, filePath);
      expect(messages).toHaveLength(1);
      expect(messages[0].severity).toBe(2);
      expect(messages[0].message).toContain(PURITY_MESSAGE);
    });

    it('allows Node built-ins, pure libraries and other core modules', async () => {
      const code = [
        "import { createHash } from 'node:crypto';",
        "import canonicalize from 'canonicalize';",
        "import type { HipFacts } from '../../contract/vocabulary.js';",
        "import { evaluate } from '../engine/rule-engine.js';",
        "import { PathwayError } from './pathway.error.js';",
        "import { RULE_SET } from '../rules/rule-set.js';",
        "import { describe } from '@jest/globals';",
      ].join('\n');
      expect(await restrictedImports(code, filePath)).toEqual([]);
    });
  });

  it.each([
    'src/pathways/pathways.service.ts',
    'src/pathways/dto/open-pathway.input.ts',
    'src/database/prisma.service.ts',
    'src/domainish/x.ts',
    'test/support/test-app.ts',
  ])('does not restrict imports in %s (outside the core)', async (filePath) => {
    const code = FORBIDDEN_IMPORTS.map(([line]) => line).join('\n');
    expect(await restrictedImports(code, filePath)).toEqual([]);
  });

  it('applies the rule at error level, and keeps the type-aware promise rules on, in the real configuration', async () => {
    const real = new ESLint({ cwd: process.cwd() });
    const domain = (await real.calculateConfigForFile('src/pathways/domain/x.ts')) as Linter.Config;
    expect(severityOf(domain, 'no-restricted-imports')).toBe(2);
    const service = (await real.calculateConfigForFile('src/pathways/pathways.service.ts')) as Linter.Config;
    expect(severityOf(service, 'no-restricted-imports')).toBe(0);
    for (const filePath of ['src/pathways/pathways.service.ts', 'src/pathways/domain/x.spec.ts', 'test/pathways.e2e-spec.ts']) {
      const config = (await real.calculateConfigForFile(filePath)) as Linter.Config;
      for (const rule of ['no-floating-promises', 'no-misused-promises', 'await-thenable']) {
        expect([filePath, rule, severityOf(config, `@typescript-eslint/${rule}`)]).toEqual([filePath, rule, 2]);
      }
    }
  });

  it('ignores build output and the generated Prisma client', async () => {
    const real = new ESLint({ cwd: process.cwd() });
    for (const filePath of ['dist/main.js', 'dist-bench/bench/api.bench.js', 'src/generated/prisma/client.ts', 'coverage/x.js', 'data/x.js']) {
      expect([filePath, await real.isPathIgnored(filePath)]).toEqual([filePath, true]);
    }
  });
});
