import { describe, expect, it } from '@jest/globals';
import { findFirstBrokenLink } from '../../audit/domain/hash-chain.js';
import { PATHWAY_STAGES } from '../../contract/vocabulary.js';
import { replayStoredEvents } from '../../pathways/domain/pathway-replay.js';
import { buildBatch } from './cohort-batch.js';
import { clinicianPanel, generatePatient, type HistorySettings } from './patient-history.js';

const settingsFor = (seed: number): HistorySettings => ({ seed, firstDay: '2024-06-01', lastDay: '2026-05-31', clinicians: clinicianPanel(seed) });
const SETTINGS = settingsFor(42);
const PATIENTS = Array.from({ length: 200 }, (_, index) => generatePatient(index, SETTINGS));
const PATHWAYS = PATIENTS.flatMap((patient) => patient.pathways);

describe('the data generator', () => {
  it('gives the same rows for the same seed, and others for another seed', () => {
    const rows = buildBatch(0, 25, SETTINGS).rows;
    expect(buildBatch(0, 25, SETTINGS).rows).toEqual(rows);
    expect(buildBatch(0, 25, settingsFor(43)).rows).not.toEqual(rows);
  });

  it('simulates a patient the same whichever batch it is in: each has a random stream of its own', () => {
    expect(generatePatient(150, SETTINGS)).toEqual(PATIENTS[150]);
  });

  it('chains every stream from the genesis hash, each event from the one before', () => {
    for (const stream of [...PATIENTS, ...PATHWAYS]) expect(findFirstBrokenLink(stream.events)).toBeUndefined();
  });

  it("stores each pathway's state as its events replay", () => {
    for (const pathway of PATHWAYS) expect(replayStoredEvents(pathway.events)).toEqual(pathway.state);
  });

  it('records nothing dated after the last day, nor before the birth date', () => {
    for (const patient of PATIENTS) {
      for (const event of patient.pathways.flatMap((pathway) => pathway.events)) {
        expect(event.recordedAt.slice(0, 10) <= SETTINGS.lastDay).toBe(true);
        if (event.clinicalDate !== null) expect(event.clinicalDate >= patient.birthDate && event.clinicalDate <= SETTINGS.lastDay).toBe(true);
      }
    }
  });

  it('writes pathways in every stage, deviations with reasons, overrides with comments, corrections and impressions', () => {
    expect(new Set(PATHWAYS.map((pathway) => pathway.state.stage))).toEqual(new Set(PATHWAY_STAGES));
    const events = PATHWAYS.flatMap((pathway) => pathway.events);
    const deviations = events.filter((event) => event.type === 'STAGE_CHANGED' && (event.payload as { deviation: boolean }).deviation);
    expect(deviations.length).toBeGreaterThan(0);
    expect(deviations.every((event) => event.reason !== null)).toBe(true);
    const overrides = events.filter(
      (event) => event.type === 'SUGGESTION_FEEDBACK_GIVEN' && (event.payload as { outcome: string }).outcome === 'OVERRIDDEN',
    );
    expect(overrides.length).toBeGreaterThan(0);
    expect(overrides.every((event) => typeof (event.payload as { comment?: string }).comment === 'string')).toBe(true);
    expect(events.some((event) => event.type === 'RECORDING_ENTERED_IN_ERROR')).toBe(true);
    expect(events.some((event) => event.role === 'INTEGRATION' && event.actingFor !== null)).toBe(true);
    expect(PATHWAYS.filter((pathway) => pathway.impressions.length > 0).length).toBeGreaterThan(PATHWAYS.length * 0.9);
  });
});
