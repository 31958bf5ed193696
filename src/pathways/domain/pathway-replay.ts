import type { CalendarDate } from '../../contract/calendar-date.js';
import { RECORDING_EVENT_TYPES, type PathwayEvent, type PathwayEventPayloads, type PathwayEventType } from './pathway-events.js';
import { apply, type PathwayState } from './pathway-state-machine.js';

/**
 * The shape of the stored `PathwayState`. Bump it whenever that shape or what `apply` derives
 * changes: a row written in another version is rebuilt from its events, never read as it is.
 */
export const PATHWAY_STATE_SCHEMA_VERSION = 1;

/** An event as the audit log holds it. */
export interface StoredPathwayEvent {
  readonly sequence: number;
  readonly type: string;
  readonly payload: unknown;
  readonly clinicalDate: CalendarDate | null;
}

/** The event types that are not recordings; a missing one does not compile. */
const NON_RECORDING_EVENT_TYPES: Readonly<Record<Exclude<PathwayEventType, (typeof RECORDING_EVENT_TYPES)[number]>, true>> = {
  PATHWAY_OPENED: true,
  STAGE_CHANGED: true,
  RECORDING_ENTERED_IN_ERROR: true,
  SUGGESTION_FEEDBACK_GIVEN: true,
};

/** Event types whose own payload has a `note` (index-signature payloads are empty by design). */
type EventTypesWithOwnNote = {
  [T in PathwayEventType]: string extends keyof PathwayEventPayloads[T] ? never : 'note' extends keyof PathwayEventPayloads[T] ? T : never;
}[PathwayEventType];

/**
 * The shell stores a command's free-text note inside the payload of each event it led to; it is
 * not part of the event. Dropping it is lossless only while no payload has a `note` of its own:
 * this constant stops compiling the day one does.
 */
const SHELL_NOTE_KEY: [EventTypesWithOwnNote] extends [never] ? 'note' : never = 'note';

function isPathwayEventType(type: string): type is PathwayEventType {
  return (RECORDING_EVENT_TYPES as readonly string[]).includes(type) || Object.hasOwn(NON_RECORDING_EVENT_TYPES, type);
}

/** The pathway event a stored audit event records; throws on a type the core does not know. */
export function toPathwayEvent({ sequence, type, payload, clinicalDate }: StoredPathwayEvent): PathwayEvent {
  if (!isPathwayEventType(type)) throw new Error(`Pathway stream holds an unknown event type at sequence ${sequence}.`);
  const { [SHELL_NOTE_KEY]: _note, ...eventPayload } = payload as Record<string, unknown>;
  return { sequence, type, payload: eventPayload, ...(clinicalDate !== null && { clinicalDate }) } as PathwayEvent;
}

/**
 * Rebuilds a pathway's state from its events, in sequence order from the first: the one way a
 * state is derived from the log. Throws when the events do not form a pathway stream.
 */
export function replayPathway(events: readonly PathwayEvent[]): PathwayState {
  const state = events.reduce<PathwayState | undefined>(apply, undefined);
  if (state === undefined) throw new Error('A pathway stream starts with PATHWAY_OPENED.');
  return state;
}

/** Rebuilds a pathway's state from its events as the audit log holds them. */
export function replayStoredEvents(events: readonly StoredPathwayEvent[]): PathwayState {
  return replayPathway(events.map(toPathwayEvent));
}
