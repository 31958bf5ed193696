import { beforeAll, describe, expect, it } from '@jest/globals';
import { daysAgo, PathwayDriver } from './support/pathway-steps.js';
import { useTestApp } from './support/use-test-app.js';
import { isBatchedWrite } from './support/batched-writes.js';

/** The database round trips of a write: its read, then one statement of writes guarded on the version read. */
describe('a recording', () => {
  const app = useTestApp();
  let statements: string[] | undefined;
  beforeAll(() => {
    app.prisma.queryTimer.listenToStatements((sql) => {
      if (statements && !isBatchedWrite(sql)) statements.push(sql.trim().replace(/\s+/g, ' '));
    });
  });

  async function statementsOf(write: () => Promise<unknown>): Promise<string[]> {
    statements = [];
    try {
      await write();
      return statements;
    } finally {
      statements = undefined;
    }
  }

  it('takes two round trips, whatever the history: the pathway with its events, then one statement of writes guarded on its version', async () => {
    const hip = await PathwayDriver.open(app);
    const first = await statementsOf(() => hip.do('recordClinicalExam', { clinicalDate: daysAgo(3), activityRelatedPain: true }));
    for (let week = 0; week < 30; week += 1) {
      await hip.do('recordPatientReportedOutcomes', { clinicalDate: daysAgo(2), painScore: week % 10 });
    }
    const later = await statementsOf(() => hip.do('recordRedFlagScreening', { clinicalDate: daysAgo(1), redFlags: [] }));

    for (const sent of [first, later]) {
      expect(sent).toEqual([
        expect.stringMatching(
          /^SELECT p\.id::text AS id, .* FROM pathway p JOIN patient pa .* JOIN audit_stream s ON s\.id = p\.id WHERE p\.id IN \(\$1::uuid\)$/,
        ),
        expect.stringMatching(
          /^WITH guard AS \(UPDATE pathway .* WHERE id = \$\d+::uuid AND version = \$\d+ RETURNING 1\),write_0 AS \(UPDATE audit_stream .*INSERT INTO audit_event .*INSERT INTO pathway_report .*INSERT INTO idempotency_record .* SELECT require_unchanged_since_read\(\(SELECT count\(\*\) FROM guard\)\)$/,
        ),
      ]);
    }
  });
});
