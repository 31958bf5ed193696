import { describe, expect, it } from '@jest/globals';
import type { DecisionContext, PathwayCommand } from './pathway-commands.js';
import type { PathwayEvent } from './pathway-events.js';
import { replayPathway, replayStoredEvents, toPathwayEvent, type StoredPathwayEvent } from './pathway-replay.js';
import { commit, decide, type PathwayState } from './pathway-state-machine.js';

const context: DecisionContext = {
  today: '2026-03-29',
  birthDate: '1950-06-15',
  referralRuleHolds: undefined,
  shownSuggestionCodes: ['CE_XRAY_NOT_ROUTINE'],
  ruleSetVersion: 'hip-oa-test',
};

/** Runs the commands as the shell does; returns the final state and every committed event. */
function history(commands: PathwayCommand[]): { state: PathwayState; events: PathwayEvent[] } {
  let state: PathwayState | undefined;
  const events: PathwayEvent[] = [];
  for (const command of commands) {
    const committed = commit(state, decide(state, command, context));
    state = committed.state;
    events.push(...committed.events);
  }
  return { state: state!, events };
}

/** The event as the audit log stores it: JSON, the command's note merged into the payload. */
const stored = (event: PathwayEvent, note?: string): StoredPathwayEvent =>
  JSON.parse(JSON.stringify({ ...event, payload: { ...event.payload, ...(note && { note }) }, clinicalDate: event.clinicalDate ?? null }));

/** What the database hands back for stored JSON. */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

const LIFE_OF_A_PATHWAY: PathwayCommand[] = [
  { type: 'OPEN_PATHWAY', side: 'RIGHT' },
  { type: 'RECORD', recording: { type: 'CLINICAL_EXAM_RECORDED', clinicalDate: '2026-03-01', payload: { limping: true, painLocations: ['GROIN'] } } },
  { type: 'RECORD', recording: { type: 'RISK_FACTORS_RECORDED', clinicalDate: '2026-03-02', payload: { bmi: 31.4 } } },
  { type: 'MARK_ENTERED_IN_ERROR', targetSequence: 3, reason: 'wrong patient' },
  { type: 'GIVE_SUGGESTION_FEEDBACK', code: 'CE_XRAY_NOT_ROUTINE', outcome: 'ACCEPTED' },
  { type: 'CHANGE_STAGE', to: 'CONSERVATIVE_TREATMENT' },
  { type: 'RECORD', recording: { type: 'TREATMENT_STARTED', clinicalDate: '2026-03-10', payload: { treatment: 'EXERCISE_THERAPY' } } },
  { type: 'CHANGE_STAGE', to: 'CLOSED', closeReason: 'PATIENT_DECLINED' },
];

describe('replaying a pathway from its stored events', () => {
  it('rebuilds exactly the state the writes stored, notes in the payloads notwithstanding', () => {
    const { state, events } = history(LIFE_OF_A_PATHWAY);
    const replayed = replayStoredEvents(events.map((event) => stored(event, 'entered at the front desk')));
    expect(asJson(replayed)).toEqual(asJson(state));
    expect(replayed).toMatchObject({ side: 'RIGHT', stage: 'CLOSED', closeReason: 'PATIENT_DECLINED', version: 8, enteredInErrorSequences: [3] });
  });

  it('turns a stored event back into the event the core decided', () => {
    const { events } = history(LIFE_OF_A_PATHWAY);
    for (const event of events) expect(toPathwayEvent(stored(event, 'a note'))).toEqual(asJson(event));
    expect(toPathwayEvent(stored(events[0]))).not.toHaveProperty('clinicalDate');
    expect(toPathwayEvent(stored(events[1], 'a note')).payload).not.toHaveProperty('note');
  });

  it('refuses events that do not form a pathway stream', () => {
    const { events } = history(LIFE_OF_A_PATHWAY);
    expect(() => replayPathway([])).toThrow('starts with PATHWAY_OPENED');
    expect(() => replayPathway(events.slice(1))).toThrow('out of order');
    expect(() => replayPathway([events[0], events[2]])).toThrow('out of order');
    expect(() => toPathwayEvent({ sequence: 2, type: 'PATHWAY_RENAMED', payload: {}, clinicalDate: null })).toThrow('unknown event type');
  });
});
