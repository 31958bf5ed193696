import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { AccessLogService } from '../src/audit/access-log/access-log.service.js';
import { Clock } from '../src/common/clock.js';
import { toDateOnly } from '../src/common/dates.js';
import { SuggestionImpressionsService } from '../src/pathways/suggestion-impressions.service.js';
import { FixedClock } from './support/fixed-clock.js';
import { PathwayDriver } from './support/pathway-steps.js';
import { TestApp } from './support/test-app.js';
import { onPostgres } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';

const UNKNOWN_ID = '6f0c2f4e-4a51-4b8e-9c39-2f7c0d5e8a11';
const NOON = '2026-06-15T10:00:00.000Z';

const PATIENT = `query ($id: ID!) { patient(id: $id) { id } }`;
const PATHWAY_WITH_TIMELINE = `query ($id: ID!) { pathway(id: $id) { id timeline { edges { cursor } } } }`;
const PATHWAY_ONLY = `query ($id: ID!) { pathway(id: $id) { id stage } }`;
const NEXT_STEPS = `query ($id: ID!) { pathway(id: $id) { nextSteps { code } } }`;
const SIDEBAR = `
  query ($system: String!, $value: String!) {
    patientByIdentifier(system: $system, value: $value) { id pathways(openOnly: true) { id nextSteps(locale: NL) { code } checklist { code } } }
  }`;
const PATIENTS = `{ patients(first: 100) { edges { node { id } } } }`;
const ACCESS_LOG = `
  query ($filter: AccessLogFilter!, $first: Int, $after: String) {
    accessLog(filter: $filter, first: $first, after: $after) {
      edges { cursor node { accessedAt actor actingFor role patientId operation } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

interface AccessRow {
  accessedAt: string;
  actor: string;
  actingFor: string | null;
  role: string;
  patientId: string;
  operation: string;
}
interface AccessLogPage {
  accessLog: { edges: { cursor: string; node: AccessRow }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Every access-log row written so far, oldest first, as the accessLog query shows them. */
async function storedAccessRows(app: TestApp): Promise<AccessRow[]> {
  await app.app.get(AccessLogService).flush();
  const rows = await app.prisma.accessLog.findMany({ orderBy: { id: 'asc' } });
  return rows.map(({ accessedAt, actor, actingFor, role, patientId, operation }) => ({
    accessedAt: accessedAt.toISOString(),
    actor,
    actingFor,
    role,
    patientId,
    operation,
  }));
}

describe('the access log and suggestion impressions', () => {
  const clock = new FixedClock(NOON);
  const app = useTestApp({ overrides: [{ provide: Clock, useValue: clock }] });
  let hip: PathwayDriver;
  let identifier: { system: string; value: string };

  /** The access-log rows the reads in `act` add. */
  async function accessRowsOf(act: () => Promise<unknown>): Promise<AccessRow[]> {
    const before = (await storedAccessRows(app)).length;
    await act();
    return (await storedAccessRows(app)).slice(before);
  }

  const clinicianRow = (patientId: string, operation: string): AccessRow => ({
    accessedAt: clock.now().toISOString(),
    actor: 'dr.peeters',
    actingFor: null,
    role: 'CLINICIAN',
    patientId,
    operation,
  });

  beforeAll(async () => {
    clock.set(NOON);
    hip = await PathwayDriver.open(app);
    identifier = (
      await app.graphqlOk<{ patient: { identifier: { system: string; value: string } } }>(
        `query ($id: ID!) { patient(id: $id) { identifier { system value } } }`,
        { id: hip.patientId },
      )
    ).patient.identifier;
  });

  describe('access rows', () => {
    it('records a clinician reading a patient, a pathway and its timeline: one row per operation', async () => {
      const rows = await accessRowsOf(async () => {
        await app.graphqlOk(PATIENT, { id: hip.patientId });
        await app.graphqlOk(PATHWAY_WITH_TIMELINE, { id: hip.id });
      });
      expect(rows).toEqual([clinicianRow(hip.patientId, 'patient'), clinicianRow(hip.patientId, 'pathway'), clinicianRow(hip.patientId, 'timeline')]);
    });

    it('records an integration reading the sidebar with the clinician it acts for', async () => {
      const integration = await app.token('INTEGRATION', 'ehr-sidebar', 'dr.janssens');
      const rows = await accessRowsOf(async () => {
        const response = await app.graphql(SIDEBAR, identifier, integration);
        expect(response.errors).toBeUndefined();
      });
      const integrationRow = (operation: string) => ({
        accessedAt: NOON,
        actor: 'ehr-sidebar',
        actingFor: 'dr.janssens',
        role: 'INTEGRATION',
        patientId: hip.patientId,
        operation,
      });
      expect(rows).toEqual([integrationRow('patientByIdentifier'), integrationRow('pathways')]);
    });

    it('records one row per patient a list returns', async () => {
      const other = await PathwayDriver.open(app);
      let listed: string[] = [];
      const rows = await accessRowsOf(async () => {
        const data = await app.graphqlOk<{ patients: { edges: { node: { id: string } }[] } }>(PATIENTS, {}, 'AUDITOR');
        listed = data.patients.edges.map((edge) => edge.node.id);
      });
      expect(listed).toEqual(expect.arrayContaining([hip.patientId, other.patientId]));
      expect(rows).toEqual(listed.map((patientId) => ({ ...clinicianRow(patientId, 'patients'), role: 'AUDITOR' })));
    });

    it('records nothing for a read that fails', async () => {
      const token = await app.token('CLINICIAN');
      const rows = await accessRowsOf(async () => {
        const responses = await Promise.all([
          app.graphql(PATIENT, { id: UNKNOWN_ID }, token),
          app.graphql(PATHWAY_WITH_TIMELINE, { id: UNKNOWN_ID }, token),
          app.graphql(SIDEBAR, { system: identifier.system, value: 'no-such-patient' }, token),
        ]);
        expect(responses.map((response) => response.errors?.[0]?.extensions.code)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
      });
      expect(rows).toEqual([]);
    });
  });

  describe('suggestion impressions', () => {
    const impressionsOf = async (pathwayId: string) => {
      await app.app.get(SuggestionImpressionsService).flush();
      const rows = await app.prisma.suggestionImpression.findMany({ where: { pathwayId }, orderBy: [{ shownOn: 'asc' }, { code: 'asc' }] });
      return rows.map(({ code, shownOn }) => `${toDateOnly(shownOn)} ${code}`);
    };
    const servedCodes = async (pathway: PathwayDriver) =>
      (await app.graphqlOk<{ pathway: { nextSteps: { code: string }[] } }>(NEXT_STEPS, { id: pathway.id })).pathway.nextSteps.map(
        (suggestion) => suggestion.code,
      );

    it('counts each suggestion served in nextSteps once a Brussels day, however often it is served', async () => {
      const served = await PathwayDriver.open(app);
      clock.set('2026-06-15T21:30:00Z'); // 23:30 in Brussels
      const codes = await servedCodes(served);
      expect(codes.length).toBeGreaterThan(0);
      expect(await servedCodes(served)).toEqual(codes);
      expect(await impressionsOf(served.id)).toEqual(codes.map((code) => `2026-06-15 ${code}`).sort());

      clock.set('2026-06-15T22:30:00Z'); // 00:30 the next day in Brussels
      await servedCodes(served);
      expect(await impressionsOf(served.id)).toEqual(
        [...codes.map((code) => `2026-06-15 ${code}`), ...codes.map((code) => `2026-06-16 ${code}`)].sort(),
      );
      clock.set(NOON);
    });

    it('counts nothing when a read does not ask for nextSteps', async () => {
      const unserved = await PathwayDriver.open(app);
      await app.graphqlOk(PATHWAY_ONLY, { id: unserved.id });
      expect(await impressionsOf(unserved.id)).toEqual([]);
    });
  });

  describe('the accessLog query', () => {
    let viewed: PathwayDriver;
    const period = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' };

    beforeAll(async () => {
      viewed = await PathwayDriver.open(app);
      const integration = await app.token('INTEGRATION', 'ehr-sidebar', 'dr.maes');
      clock.set('2026-02-28T23:59:59.999Z');
      await app.graphqlOk(PATIENT, { id: viewed.patientId }, 'CLINICIAN');
      clock.set(period.from);
      await app.graphqlOk(PATIENT, { id: viewed.patientId }, 'CLINICIAN');
      clock.set('2026-03-01T09:00:00.000Z');
      await app.graphql(PATHWAY_ONLY, { id: viewed.id }, integration);
      await app.graphql(PATIENT, { id: hip.patientId }, await app.token('CLINICIAN', 'dr.maes'));
      clock.set(period.to);
      await app.graphqlOk(PATIENT, { id: viewed.patientId }, 'CLINICIAN');
      clock.set(NOON);
      await app.app.get(AccessLogService).flush();
    });

    async function accessLog(filter: Record<string, unknown>, first = 20, after?: string) {
      return (await app.graphqlOk<AccessLogPage>(ACCESS_LOG, { filter, first, after }, 'AUDITOR')).accessLog;
    }

    it('answers who viewed a patient in a period, oldest first, from included, to excluded', async () => {
      const page = await accessLog({ patientId: viewed.patientId, ...period });
      expect(page.edges.map((edge) => edge.node)).toEqual([
        { accessedAt: period.from, actor: 'dr.peeters', actingFor: null, role: 'CLINICIAN', patientId: viewed.patientId, operation: 'patient' },
        {
          accessedAt: '2026-03-01T09:00:00.000Z',
          actor: 'ehr-sidebar',
          actingFor: 'dr.maes',
          role: 'INTEGRATION',
          patientId: viewed.patientId,
          operation: 'pathway',
        },
      ]);
      expect(page.pageInfo.hasNextPage).toBe(false);
    });

    it('answers what a user viewed in a period, directly or through an integration acting for them', async () => {
      const page = await accessLog({ actor: 'dr.maes', ...period });
      expect(page.edges.map(({ node }) => [node.actor, node.patientId, node.operation])).toEqual([
        ['ehr-sidebar', viewed.patientId, 'pathway'],
        ['dr.maes', hip.patientId, 'patient'],
      ]);
    });

    it('pages through the log with cursors', async () => {
      const firstPage = await accessLog({ actor: 'dr.maes', ...period }, 1);
      expect(firstPage.pageInfo.hasNextPage).toBe(true);
      const secondPage = await accessLog({ actor: 'dr.maes', ...period }, 1, firstPage.pageInfo.endCursor!);
      expect(secondPage.pageInfo.hasNextPage).toBe(false);
      expect([...firstPage.edges, ...secondPage.edges].map(({ node }) => node.operation)).toEqual(['pathway', 'patient']);
    });

    it('refuses a period that ends before it starts, rather than answering an empty page', async () => {
      const filter = { patientId: viewed.patientId, from: period.to, to: period.from };
      const response = await app.graphql<AccessLogPage>(ACCESS_LOG, { filter, first: 20 }, await app.token('AUDITOR'));
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
      expect(response.data).toBeNull();
    });

    it('is for auditors and admins only', async () => {
      const filter = { patientId: viewed.patientId, ...period };
      const codes: Record<string, string | undefined> = {};
      for (const role of ['AUDITOR', 'ADMIN', 'CLINICIAN', 'INTEGRATION'] as const) {
        const response = await app.graphql<AccessLogPage>(ACCESS_LOG, { filter }, await app.token(role));
        codes[role] = response.errors?.[0]?.extensions.code;
      }
      expect(codes).toEqual({ AUDITOR: undefined, ADMIN: undefined, CLINICIAN: 'FORBIDDEN', INTEGRATION: 'FORBIDDEN' });
    });
  });
});

describe('buffered reads at shutdown', () => {
  it('are written when the application closes', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'heupartrose-access-log-'));
    const running = await TestApp.start(onPostgres() ? {} : { env: { PGLITE_DATA_DIR: folder } });
    let restarted: TestApp | undefined;
    try {
      const hip = await PathwayDriver.open(running);
      await running.graphqlOk(NEXT_STEPS, { id: hip.id });
      restarted = await running.restart();
      expect(await restarted.prisma.accessLog.findMany({ select: { patientId: true, operation: true } })).toEqual([
        { patientId: hip.patientId, operation: 'pathway' },
      ]);
      expect(await restarted.prisma.suggestionImpression.count({ where: { pathwayId: hip.id } })).toBeGreaterThan(0);
    } finally {
      await (restarted ?? running).close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
