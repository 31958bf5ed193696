import { beforeAll, describe, expect, it } from '@jest/globals';
import { daysAgo, PathwayDriver } from './support/pathway-steps.js';
import { useTestApp } from './support/use-test-app.js';
import { isBatchedWrite } from './support/batched-writes.js';

/** The database round trips of a write: BEGIN, its reads under the row lock, one statement of writes, COMMIT. */
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

  it('takes four round trips, whatever the history: BEGIN, the locked pathway with its events, one statement of writes, COMMIT', async () => {
    const hip = await PathwayDriver.open(app);
    const first = await statementsOf(() => hip.do('recordClinicalExam', { clinicalDate: daysAgo(3), activityRelatedPain: true }));
    for (let week = 0; week < 30; week += 1) {
      await hip.do('recordPatientReportedOutcomes', { clinicalDate: daysAgo(2), painScore: week % 10 });
    }
    const later = await statementsOf(() => hip.do('recordRedFlagScreening', { clinicalDate: daysAgo(1), redFlags: [] }));

    for (const sent of [first, later]) {
      expect(sent).toEqual([
        'BEGIN',
        expect.stringMatching(/^SELECT p\.id::text AS id, .* FROM pathway p JOIN patient pa .* JOIN audit_stream s .* FOR UPDATE OF p, s$/),
        expect.stringMatching(
          /^WITH write_0 AS \(UPDATE audit_stream .*INSERT INTO audit_event .*UPDATE pathway .*INSERT INTO pathway_report .*INSERT INTO idempotency_record .* SELECT 1$/,
        ),
        'COMMIT',
      ]);
    }
  });
});
