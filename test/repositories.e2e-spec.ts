import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openDatabase } from '../src/database/database-connection.js';
import { Prisma } from '../src/generated/prisma/client.js';
import { migrateDatabase } from '../src/database/migrations.js';
import { PrismaService, type PrismaTransaction } from '../src/database/prisma.service.js';
import { STALE_READ_SQLSTATE, WriteBatch } from '../src/database/write-batch.js';
import { AuditedWriteService } from '../src/audit/audited-write.service.js';
import { verifyAuditLog } from '../src/audit/audit-verifier.js';
import { Clock } from '../src/common/clock.js';
import { CdsHooksRepository } from '../src/cds-hooks/cds-hooks.repository.js';
import { AuditLogService, type WriteContext } from '../src/audit/audit-log.service.js';
import type { HipSide } from '../src/contract/vocabulary.js';
import { commit, decide, type PathwayState } from '../src/pathways/domain/pathway-state-machine.js';
import { PathwayException } from '../src/pathways/pathway.exception.js';
import { PathwayRepository, type PathwayForWrite } from '../src/pathways/pathway.repository.js';
import { PathwayStateLoader } from '../src/pathways/pathway-state-loader.js';
import { AdministrativeGender } from '../src/patients/models/patient.model.js';
import { PatientException } from '../src/patients/patient.exception.js';
import { PatientRepository, type NewPatient } from '../src/patients/patient.repository.js';
import { RULE_SET_VERSION } from '../src/guideline/domain/rules/rule-set.js';
import { createTestDatabase, onPostgres, type TestDatabase } from './support/test-database.js';

/** The repositories straight on a fresh database: no HTTP, no Nest. */
describe('the repositories', () => {
  let database: TestDatabase;
  let prisma: PrismaService;
  let patients: PatientRepository;
  let pathways: PathwayRepository;
  let auditLog: AuditLogService;

  beforeAll(async () => {
    database = await createTestDatabase();
    const connection = await openDatabase({ DATABASE_URL: database.url, PGLITE_DATA_DIR: database.pgliteDataDir });
    await migrateDatabase(connection);
    prisma = new PrismaService(connection);
    patients = new PatientRepository(prisma);
    pathways = new PathwayRepository(prisma, new PathwayStateLoader(prisma));
    auditLog = new AuditLogService(prisma);
  });
  afterAll(async () => {
    await prisma.onModuleDestroy();
    await database.drop();
  });

  let identifierCounter = 0;
  function newPatient(overrides: Partial<NewPatient> = {}): NewPatient {
    identifierCounter += 1;
    return {
      id: randomUUID(),
      identifierSystem: 'urn:oid:2.16.840.1.113883.2.4.6.3',
      identifierValue: `R-${identifierCounter}`,
      birthDate: '1956-04-12',
      sex: AdministrativeGender.female,
      version: 1,
      createdAt: new Date(),
      ...overrides,
    };
  }

  async function registerPatient(overrides: Partial<NewPatient> = {}): Promise<NewPatient> {
    const patient = newPatient(overrides);
    await prisma.$transaction((tx) => patients.insert(tx, patient));
    return patient;
  }

  function openedState(side: HipSide, birthDate: string): PathwayState {
    const context = { today: '2026-11-02', birthDate, referralRuleHolds: undefined, ruleSetVersion: RULE_SET_VERSION, shownSuggestionCodes: [] };
    return commit(undefined, decide(undefined, { type: 'OPEN_PATHWAY', side }, context)).state;
  }

  function writeContext(recordedAt = new Date()): WriteContext {
    return { user: { userId: 'dr.test', role: 'CLINICIAN' }, idempotencyKey: randomUUID(), recordedAt, batch: new WriteBatch() };
  }

  /** A pathway row with its audit stream (one opening event), as the service opens one. */
  async function openPathway(patient: NewPatient, side: HipSide = 'LEFT', openedAt = new Date()): Promise<string> {
    const id = randomUUID();
    const context = writeContext(openedAt);
    await prisma.$transaction(async (tx) => {
      auditLog.appendToNewStream(context, { id, type: 'PATHWAY' }, [{ type: 'PATHWAY_OPENED', payload: { side }, ruleSetVersion: RULE_SET_VERSION }]);
      await pathways.insert(tx, {
        id,
        patientId: patient.id,
        patientBirthDate: patient.birthDate,
        state: openedState(side, patient.birthDate),
        openedAt,
      });
      await context.batch.send(tx);
    });
    return id;
  }

  async function update(
    tx: PrismaTransaction,
    ...[current, change]: Parameters<PathwayRepository['update']> extends [unknown, ...infer Rest] ? Rest : never
  ) {
    const batch = new WriteBatch();
    pathways.update(batch, current, change);
    await batch.send(tx);
  }

  /**
   * Resolves once the database shows another transaction waiting for a lock (PostgreSQL reports it
   * in pg_stat_activity, this suite's database only), or after a few seconds without: then the
   * order of the writers shows the lock missing. PGlite runs one transaction at a time, so there a
   * second transaction cannot even begin while the first is open.
   */
  async function anotherTransactionIsWaiting(): Promise<void> {
    if (!onPostgres()) return;
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const [{ waiting }] = await prisma.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('serialises writers on one pathway: a second lock waits until the first writer commits, then reads its write', async () => {
    const pathwayId = await openPathway(await registerPatient());
    const order: string[] = [];
    let announceFirstLocked!: () => void;
    const firstLocked = new Promise<void>((resolve) => (announceFirstLocked = resolve));

    const first = prisma.$transaction(async (tx) => {
      const current = (await pathways.readForWrite(tx, pathwayId))!;
      order.push(`first locked version ${current.version}`);
      announceFirstLocked();
      await anotherTransactionIsWaiting();
      await update(tx, current, { state: { ...current.state, version: current.version + 1 }, updatedAt: new Date(), addedDeviations: 0 });
      order.push(`first wrote version ${current.version + 1}`);
    });
    await firstLocked;
    const second = prisma.$transaction(async (tx) => {
      const current = (await pathways.readForWrite(tx, pathwayId))!;
      order.push(`second locked version ${current.version}`);
    });
    await Promise.all([first, second]);

    expect(order).toEqual(['first locked version 1', 'first wrote version 2', 'second locked version 2']);
  });

  it('hands a writer that waited for the lock the stream as the first writer left it: the events it appended included', async () => {
    const pathwayId = await openPathway(await registerPatient());
    let announceFirstLocked!: () => void;
    const firstLocked = new Promise<void>((resolve) => (announceFirstLocked = resolve));

    const first = prisma.$transaction(async (tx) => {
      const current = (await pathways.readForWrite(tx, pathwayId))!;
      announceFirstLocked();
      await anotherTransactionIsWaiting();
      const context = writeContext();
      const stream = await auditLog.lockedStream(tx, pathwayId, current.stream);
      auditLog.append(context, stream, current.version, [{ type: 'NOTE_ADDED', payload: { n: 2 }, ruleSetVersion: RULE_SET_VERSION }]);
      await context.batch.send(tx);
    });
    await firstLocked;
    const second = prisma.$transaction(async (tx) => {
      const current = (await pathways.readForWrite(tx, pathwayId))!;
      return auditLog.lockedStream(tx, pathwayId, current.stream);
    });
    const [, stream] = await Promise.all([first, second]);

    expect(stream.lastSequence).toBe(2);
    expect(stream.events.map((event) => [event.sequence, event.type])).toEqual([
      [1, 'PATHWAY_OPENED'],
      [2, 'NOTE_ADDED'],
    ]);
    const [{ hash }] = await prisma.$queryRaw<{ hash: string }[]>`SELECT hash FROM audit_event WHERE stream_id = ${pathwayId}::uuid AND sequence = 2`;
    expect(stream.lastHash).toBe(hash);
  });

  it('refuses a second open pathway on the same hip, whichever of two concurrent writers loses', async () => {
    const patient = await registerPatient();
    const results = await Promise.allSettled([openPathway(patient, 'LEFT'), openPathway(patient, 'LEFT')]);

    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = (results.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason;
    expect(refusal).toBeInstanceOf(PathwayException);
    expect(refusal).toMatchObject({ reason: 'HIP_ALREADY_OPEN', field: 'side' });
    await expect(openPathway(patient, 'RIGHT')).resolves.toEqual(expect.any(String));
  });

  it('frees the hip when an update closes its pathway, and stamps the closing', async () => {
    const patient = await registerPatient();
    const pathwayId = await openPathway(patient, 'LEFT');
    const closedAt = new Date('2026-11-02T10:00:00.000Z');
    await prisma.$transaction(async (tx) => {
      const current = (await pathways.readForWrite(tx, pathwayId))!;
      const state: PathwayState = { ...current.state, stage: 'CLOSED', closeReason: 'COMPLETED', version: current.version + 1 };
      await update(tx, current, { state, updatedAt: closedAt, addedDeviations: 1 });
    });

    expect(await pathways.findById(pathwayId)).toMatchObject({
      closedAt,
      updatedAt: closedAt,
      deviationCount: 1,
      version: 2,
      state: { stage: 'CLOSED' },
    });
    await expect(openPathway(patient, 'LEFT')).resolves.toEqual(expect.any(String));
  });

  it('refuses a second patient with the same identifier, whichever of two concurrent writers loses', async () => {
    const patient = newPatient();
    const results = await Promise.allSettled([
      prisma.$transaction((tx) => patients.insert(tx, patient)),
      prisma.$transaction((tx) => patients.insert(tx, { ...patient, id: randomUUID(), birthDate: '1970-01-01' })),
    ]);

    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = (results.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason;
    expect(refusal).toBeInstanceOf(PatientException);
    expect(refusal).toMatchObject({ reason: 'IDENTIFIER_ALREADY_REGISTERED', field: 'identifierValue' });
    expect(await pathways.findPatientWithPathways({ system: patient.identifierSystem, value: patient.identifierValue })).toMatchObject({
      patient: { identifier: { system: patient.identifierSystem, value: patient.identifierValue } },
      pathways: [],
    });
  });

  it('reads a pathway as its state, its bookkeeping and its patient birth date', async () => {
    const patient = await registerPatient({ birthDate: '1948-02-29' });
    const openedAt = new Date('2026-10-30T08:15:42.123Z');
    const pathwayId = await openPathway(patient, 'RIGHT', openedAt);

    expect(await pathways.findById(pathwayId)).toEqual({
      id: pathwayId,
      patientId: patient.id,
      version: 1,
      openedAt,
      updatedAt: openedAt,
      closedAt: null,
      deviationCount: 0,
      site: null,
      state: openedState('RIGHT', '1948-02-29'),
      patientBirthDate: '1948-02-29',
    });
    expect(await pathways.findById(randomUUID())).toBeUndefined();
    await prisma.$transaction(async (tx) => expect(await patients.findBirthDate(tx, patient.id)).toBe('1948-02-29'));
    expect(await patients.findById(patient.id)).toEqual({
      id: patient.id,
      identifier: { system: patient.identifierSystem, value: patient.identifierValue },
      birthDate: '1948-02-29',
      sex: 'female',
      version: 1,
      createdAt: patient.createdAt,
    });
  });

  it('lists patients in registration order, page after page, ties on the instant broken by id', async () => {
    // Registered in the future, so that the list after `start` holds these patients only.
    const start = { createdAt: new Date('2100-01-01T00:00:00.000Z'), id: '00000000-0000-0000-0000-000000000000' };
    const instants = [
      '2100-01-02T00:00:00.000Z',
      '2100-01-03T00:00:00.000Z',
      '2100-01-02T00:00:00.000Z',
      '2100-01-01T00:00:00.000Z',
      '2100-01-02T00:00:00.000Z',
    ];
    const registered = [];
    for (const instant of instants) registered.push(await registerPatient({ createdAt: new Date(instant) }));
    const expected = registered.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1)).map((patient) => patient.id);

    const listed: string[] = [];
    let position = start;
    for (;;) {
      const page = await patients.listAfter(position, 2);
      listed.push(...page.map((patient) => patient.id));
      if (page.length < 2) break;
      position = page.at(-1)!;
    }
    expect(listed).toEqual(expected);
  });

  it("lists patients' pathways newest first, in one list for several patients, closed ones left out on request", async () => {
    const [first, second] = [await registerPatient(), await registerPatient()];
    const older = await openPathway(first, 'LEFT', new Date('2026-01-01T00:00:00.000Z'));
    const newer = await openPathway(first, 'RIGHT', new Date('2026-06-01T00:00:00.000Z'));
    const ofSecond = await openPathway(second, 'LEFT', new Date('2026-03-01T00:00:00.000Z'));
    await prisma.$transaction(async (tx) => {
      const current = (await pathways.readForWrite(tx, older))!;
      await update(tx, current, {
        state: { ...current.state, stage: 'CLOSED', closeReason: 'COMPLETED', version: 2 },
        updatedAt: new Date(),
        addedDeviations: 0,
      });
    });

    const all = await pathways.listForPatients([first.id, second.id], false);
    expect(all.map((pathway) => pathway.id)).toEqual([newer, ofSecond, older]);
    const open = await pathways.listForPatients([first.id, second.id], true);
    expect(open.map((pathway) => pathway.id)).toEqual([newer, ofSecond]);
  });

  it('answers sidebar reads that arrive together with one statement, each caller its own patient and pathways', async () => {
    const [first, second, withoutPathway] = [await registerPatient(), await registerPatient(), await registerPatient()];
    const firstLeft = await openPathway(first, 'LEFT', new Date('2026-01-01T00:00:00.000Z'));
    const firstRight = await openPathway(first, 'RIGHT', new Date('2026-02-01T00:00:00.000Z'));
    const secondLeft = await openPathway(second, 'LEFT');
    const statements: string[] = [];
    prisma.queryTimer.listenToStatements((sql) => statements.push(sql));
    try {
      const read = (patient: NewPatient) => pathways.findPatientWithPathways({ system: patient.identifierSystem, value: patient.identifierValue });
      const answers = await Promise.all([
        read(first),
        read(second),
        read(withoutPathway),
        pathways.findPatientWithPathways({ system: 'urn:oid:1.2.3', value: 'unknown' }),
        read(first),
      ]);

      expect(statements).toHaveLength(1);
      const idsOf = (answer: (typeof answers)[number]) => answer && [answer.patient.id, answer.pathways.map((pathway) => pathway.id)];
      expect(answers.map(idsOf)).toEqual([
        [first.id, [firstRight, firstLeft]],
        [second.id, [secondLeft]],
        [withoutPathway.id, []],
        undefined,
        [first.id, [firstRight, firstLeft]],
      ]);
    } finally {
      prisma.queryTimer.listenToStatements(undefined);
    }
  });

  it('claims JWT ids made together in one statement: each once, a token id twice in the batch by its first call only', async () => {
    const tokenIds = new CdsHooksRepository(prisma);
    const expiresAt = new Date(Date.now() + 300_000);
    const claim = (jti: string, issuer = 'https://ehr.example') => tokenIds.claimTokenId({ issuer, jti, expiresAt });
    const statements: string[] = [];
    prisma.queryTimer.listenToStatements((sql) => statements.push(sql));
    try {
      const together = await Promise.all([claim('a'), claim('b'), claim('a'), claim('a', 'https://other-ehr.example')]);
      expect(statements).toHaveLength(1);
      expect(together).toEqual([true, true, false, true]);
    } finally {
      prisma.queryTimer.listenToStatements(undefined);
    }
    expect(await Promise.all([claim('b'), claim('c')])).toEqual([false, true]);
  });

  describe('writes read without a lock, their batch guarded on the version read', () => {
    /** Adds a note to the pathway as read: the stream's next event and the pathway's next version, in `context`'s batch. */
    async function addNote(context: WriteContext, read: PathwayForWrite, note: string): Promise<void> {
      const { stream: columns, ...current } = read;
      const stream = await auditLog.lockedStream(undefined, current.id, columns);
      auditLog.append(context, stream, current.version, [{ type: 'NOTE_ADDED', payload: { note }, ruleSetVersion: RULE_SET_VERSION }]);
      pathways.update(context.batch, current, {
        state: { ...current.state, version: current.version + 1 },
        updatedAt: new Date(),
        addedDeviations: 0,
      });
    }

    /** A whole guarded write of a note, as one writer does it: read, decide, send. */
    async function writeNote(pathwayId: string, note: string): Promise<void> {
      const context = writeContext();
      await addNote(context, (await pathways.readForWrite(undefined, pathwayId))!, note);
      await prisma.queryDirect(context.batch.statement()!);
    }

    async function notesOf(pathwayId: string): Promise<unknown[]> {
      const events = await auditLog.readStream(pathwayId, 0, 100);
      return events.map((event) => [event.sequence, event.type, event.payload.note]);
    }

    it('refuses the whole batch when another writer wrote the pathway between its read and its write', async () => {
      const pathwayId = await openPathway(await registerPatient());
      const context = writeContext();
      await addNote(context, (await pathways.readForWrite(undefined, pathwayId))!, 'late');
      await writeNote(pathwayId, 'first');

      await expect(prisma.queryDirect(context.batch.statement()!)).rejects.toMatchObject({ code: STALE_READ_SQLSTATE });
      expect(await notesOf(pathwayId)).toEqual([
        [1, 'PATHWAY_OPENED', undefined],
        [2, 'NOTE_ADDED', 'first'],
      ]);
      expect(await pathways.findById(pathwayId)).toMatchObject({ version: 2 });
      const [{ lastSequence }] = await prisma.$queryRaw<{ lastSequence: number }[]>`
        SELECT last_sequence AS "lastSequence" FROM audit_stream WHERE id = ${pathwayId}::uuid`;
      expect(lastSequence).toBe(2);
    });

    it('reads for writes made together in one statement, each write its own pathway and stream', async () => {
      const [first, second] = [await openPathway(await registerPatient()), await openPathway(await registerPatient())];
      await writeNote(second, 'second');
      const statements: string[] = [];
      prisma.queryTimer.listenToStatements((sql) => statements.push(sql));
      try {
        const [readFirst, readSecond, readUnknown] = await Promise.all([
          pathways.readForWrite(undefined, first),
          pathways.readForWrite(undefined, second),
          pathways.readForWrite(undefined, randomUUID()),
        ]);
        expect(statements).toHaveLength(1);
        expect([readFirst?.id, readFirst?.version, readFirst?.stream.streamEvents.length]).toEqual([first, 1, 1]);
        expect([readSecond?.id, readSecond?.version, readSecond?.stream.streamLastSequence]).toEqual([second, 2, 2]);
        expect(readUnknown).toBeUndefined();
      } finally {
        prisma.queryTimer.listenToStatements(undefined);
      }
    });

    it('applies a batch whose pathway is as it read it', async () => {
      const pathwayId = await openPathway(await registerPatient());
      await writeNote(pathwayId, 'first');
      await writeNote(pathwayId, 'second');

      expect(await notesOf(pathwayId)).toEqual([
        [1, 'PATHWAY_OPENED', undefined],
        [2, 'NOTE_ADDED', 'first'],
        [3, 'NOTE_ADDED', 'second'],
      ]);
      expect((await verifyAuditLog(prisma)).firstBrokenLink).toBeUndefined();
    });

    describe('AuditedWriteService.executeGuarded', () => {
      const writes = () => new AuditedWriteService(prisma, new Clock());
      const request = () => ({
        user: { userId: 'dr.test', role: 'CLINICIAN' as const },
        operation: 'addNote',
        idempotencyKey: randomUUID(),
        input: {},
      });

      /** The work of a note write that, while `interfere` says so, lets another writer write the pathway between its read and its write. */
      function noteWork(pathwayId: string, interfere: (tx: PrismaTransaction | undefined) => boolean, reads: string[]) {
        return async (tx: PrismaTransaction | undefined, context: WriteContext) => {
          const read = (await pathways.readForWrite(tx, pathwayId))!;
          reads.push(`${tx ? 'locked' : 'unlocked'} read at version ${read.version}`);
          if (interfere(tx)) await writeNote(pathwayId, `concurrent ${reads.length}`);
          await addNote(context, read, 'mine');
          return { noted: true };
        };
      }

      it('starts again from its read when another writer came in between, and records its events after that writer’s', async () => {
        const pathwayId = await openPathway(await registerPatient());
        const reads: string[] = [];
        const outcome = await writes().executeGuarded(
          request(),
          noteWork(pathwayId, () => reads.length === 1, reads),
        );

        expect(outcome).toEqual({ result: { noted: true }, replayed: false });
        expect(reads).toEqual(['unlocked read at version 1', 'unlocked read at version 2']);
        expect(await notesOf(pathwayId)).toEqual([
          [1, 'PATHWAY_OPENED', undefined],
          [2, 'NOTE_ADDED', 'concurrent 1'],
          [3, 'NOTE_ADDED', 'mine'],
        ]);
        expect((await verifyAuditLog(prisma)).firstBrokenLink).toBeUndefined();
      });

      it('ends under the row lock when other writers keep coming in between', async () => {
        const pathwayId = await openPathway(await registerPatient());
        const reads: string[] = [];
        await writes().executeGuarded(
          request(),
          noteWork(pathwayId, (tx) => tx === undefined, reads),
        );

        expect(reads).toEqual(['unlocked read at version 1', 'unlocked read at version 2', 'locked read at version 3']);
        expect(await notesOf(pathwayId)).toEqual([
          [1, 'PATHWAY_OPENED', undefined],
          [2, 'NOTE_ADDED', 'concurrent 1'],
          [3, 'NOTE_ADDED', 'concurrent 2'],
          [4, 'NOTE_ADDED', 'mine'],
        ]);
      });

      it('refuses a work that adds no guard, and writes nothing', async () => {
        const pathwayId = await openPathway(await registerPatient());
        const unguarded = async (tx: PrismaTransaction | undefined, context: WriteContext) => {
          const { stream: columns, ...current } = (await pathways.readForWrite(tx, pathwayId))!;
          const stream = await auditLog.lockedStream(tx, pathwayId, columns);
          auditLog.append(context, stream, current.version, [
            { type: 'NOTE_ADDED', payload: { note: 'unguarded' }, ruleSetVersion: RULE_SET_VERSION },
          ]);
          return { noted: true };
        };

        await expect(writes().executeGuarded(request(), unguarded)).rejects.toThrow('A guarded write added no guard to its batch');
        expect(await notesOf(pathwayId)).toEqual([[1, 'PATHWAY_OPENED', undefined]]);
      });
    });
  });

  describe('statements sent straight to the driver (PrismaService.queryDirect)', () => {
    const TYPED = Prisma.sql`SELECT ${'text'}::text AS text, 42::int AS whole, true AS flag,
      '2026-11-27T10:15:00.250Z'::timestamptz AS instant, '{"a":[1,"b",null]}'::jsonb AS document, '2026-11-27'::date::text AS day`;

    it('answer the values Prisma answers for the column types they are used with', async () => {
      const direct = await prisma.queryDirect<Record<string, unknown>>(TYPED);
      expect(direct).toEqual(await prisma.$queryRaw(TYPED));
      expect(direct[0].instant).toEqual(new Date('2026-11-27T10:15:00.250Z'));
      expect(direct[0].document).toEqual({ a: [1, 'b', null] });
    });

    it('answer the same the hundredth time as the first (on PostgreSQL each connection prepares a statement once)', async () => {
      const answers = await Promise.all(Array.from({ length: 100 }, (_, index) => prisma.queryDirect(Prisma.sql`SELECT ${index}::int AS n`)));
      expect(answers).toEqual(Array.from({ length: 100 }, (_, index) => [{ n: index }]));
    });

    it('answer statements of many distinct texts, past the hundred that are prepared', async () => {
      const answers = await Promise.all(
        Array.from({ length: 150 }, (_, index) => prisma.queryDirect(Prisma.sql`SELECT ${index}::int AS n, ${Prisma.raw(String(index))} AS variant`)),
      );
      expect(answers).toEqual(Array.from({ length: 150 }, (_, index) => [{ n: index, variant: index }]));
    });

    it("never see a transaction's uncommitted rows", async () => {
      const patient = await registerPatient();
      const seenDuring: unknown[] = [];
      await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE patient SET sex = 'uncommitted' WHERE id = ${patient.id}::uuid`;
        seenDuring.push(
          ...(await Promise.race([
            prisma.queryDirect<{ sex: string }>(Prisma.sql`SELECT sex FROM patient WHERE id = ${patient.id}::uuid`),
            new Promise<{ sex: string }[]>((resolve) => setTimeout(() => resolve([{ sex: 'still waiting' }]), 200)),
          ])),
        );
        await tx.$executeRaw`UPDATE patient SET sex = ${patient.sex} WHERE id = ${patient.id}::uuid`;
      });
      // PostgreSQL answers from another connection with the committed row; PGlite, one connection, waits for the transaction's end.
      expect(seenDuring).toEqual([{ sex: onPostgres() ? patient.sex : 'still waiting' }]);
    });
  });
});
