import { describe, expect, it } from '@jest/globals';
import { Clock } from '../src/common/clock.js';
import { FixedClock } from './support/fixed-clock.js';
import { REGISTER_PATIENT, patientInput } from './support/fixtures.js';
import { PathwayDriver } from './support/pathway-steps.js';
import { useTestApp } from './support/use-test-app.js';

describe('a Clock given to the app', () => {
  const clock = new FixedClock('2026-06-15T10:00:00Z');
  const app = useTestApp({ overrides: [{ provide: Clock, useValue: clock }] });

  it('decides ages, "not in the future" and recording times for every write and read', async () => {
    const hip = await PathwayDriver.open(app, 'LEFT', { birthDate: '1956-06-16' });
    const tomorrow = clock.daysAgo(-1);
    expect((await hip.read()).facts.ageYears).toBe(69);
    const tooEarly = await hip.write('recordPatientReportedOutcomes', { clinicalDate: tomorrow, painScore: 3 });
    expect(tooEarly.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');

    clock.advanceDays(1);
    expect((await hip.read()).facts.ageYears).toBe(70);
    await hip.do('recordPatientReportedOutcomes', { clinicalDate: tomorrow, painScore: 3 });
    const events = await app.prisma.auditEvent.findMany({ where: { streamId: hip.id }, orderBy: { sequence: 'asc' } });
    expect(events.map((event) => event.recordedAt.toISOString())).toEqual(['2026-06-15T10:00:00.000Z', '2026-06-16T10:00:00.000Z']);
  });

  it('refuses a birth date after its today, and accepts its today', async () => {
    clock.set('2026-06-15T10:00:00Z');
    const register = async (birthDate: string) => app.graphql(REGISTER_PATIENT, { input: patientInput({ birthDate }) }, await app.token('CLINICIAN'));
    expect((await register('2026-06-16')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'birthDate' });
    expect((await register('2026-06-15')).errors).toBeUndefined();
  });
});
