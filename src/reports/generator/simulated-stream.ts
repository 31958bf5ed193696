import { chainedEventFields, type NewAuditEvent } from '../../audit/audit-log.service.js';
import { GENESIS_HASH, hashEvent, type ChainedEventFields } from '../../audit/domain/hash-chain.js';
import type { ActingUser } from '../../auth/role.js';
import { brusselsDate, type CalendarDate } from '../../contract/calendar-date.js';
import type { HipFacts } from '../../contract/vocabulary.js';
import { evaluate } from '../../guideline/domain/engine/rule-engine.js';
import { referralRuleHolds } from '../../guideline/domain/rules/derived-facts.js';
import { RULE_SET_VERSION } from '../../guideline/domain/rules/rule-set.js';
import { derivePathwayRecord } from '../../pathways/domain/fact-derivation.js';
import type { DecisionContext, PathwayCommand } from '../../pathways/domain/pathway-commands.js';
import type { PathwayEvent } from '../../pathways/domain/pathway-events.js';
import { commit, decide, type PathwayState } from '../../pathways/domain/pathway-state-machine.js';
import { toAuditEvent } from '../../pathways/pathway-audit-event.js';

/** An audit event as stored: its chained fields, the hash it chains from and its own. */
export interface GeneratedAuditEvent extends ChainedEventFields {
  previousHash: string;
  hash: string;
}

/** One attributable write, as the service would have received it. */
export interface SimulatedWrite {
  user: ActingUser;
  recordedAt: Date;
  idempotencyKey: string;
  note?: string;
}

/** Appends events to one audit stream with the service's hash chain. */
export class SimulatedStream {
  readonly events: GeneratedAuditEvent[] = [];
  private lastHash = GENESIS_HASH;

  constructor(readonly id: string) {}

  get lastSequence(): number {
    return this.events.length;
  }

  get head(): string {
    return this.lastHash;
  }

  append(events: readonly NewAuditEvent[], write: SimulatedWrite): void {
    for (const event of events) {
      const fields = chainedEventFields(this.id, this.events.length + 1, event, write);
      const hash = hashEvent(this.lastHash, fields);
      this.events.push({ ...fields, previousHash: this.lastHash, hash });
      this.lastHash = hash;
    }
  }
}

/**
 * A pathway driven through the pure core as the service drives it: each command is decided on the
 * current state with a DecisionContext built as PathwaysService builds it (today, the referral
 * rule and the suggestions shown, from the facts derived at the write's instant), committed, and
 * its events chained into the pathway's audit stream.
 */
export class SimulatedPathway {
  readonly stream: SimulatedStream;
  state: PathwayState | undefined;
  /** Distinct (code, Brussels day) served in nextSteps, as `${code}|${day}`. */
  readonly impressions = new Set<string>();
  deviationCount = 0;

  constructor(
    readonly id: string,
    readonly birthDate: CalendarDate,
  ) {
    this.stream = new SimulatedStream(id);
  }

  /** Runs one command; a refusal is a bug of the generator and throws. */
  run(command: PathwayCommand, write: SimulatedWrite): PathwayEvent[] {
    const decided = decide(this.state, command, this.decisionContext(write.recordedAt));
    const { state, events } = commit(this.state, decided);
    this.state = state;
    this.stream.append(
      events.map((event) => toAuditEvent(event, write.note)),
      write,
    );
    this.deviationCount += events.filter((event) => event.type === 'STAGE_CHANGED' && event.payload.deviation).length;
    return events;
  }

  /** The facts the service would derive at `now`. */
  facts(now: Date): HipFacts {
    if (this.state === undefined) throw new Error('The pathway is not opened yet.');
    return derivePathwayRecord(this.state, { birthDate: this.birthDate, now }).facts;
  }

  /** The codes nextSteps serves at `now`, recorded as impressions of that Brussels day. */
  showNextSteps(now: Date): string[] {
    const codes = evaluate(this.facts(now), { locale: 'EN' }).suggestions.map((suggestion) => suggestion.code);
    const day = brusselsDate(now);
    for (const code of codes) this.impressions.add(`${code}|${day}`);
    return codes;
  }

  /**
   * PathwaysService's decision context, with the guideline's part computed only when decide reads
   * it (a recording does not): the same values, without evaluating the guideline on every write.
   */
  private decisionContext(now: Date): DecisionContext {
    const facts = (): HipFacts | undefined => (this.state ? this.facts(now) : undefined);
    let referral: { holds: boolean | undefined } | undefined;
    let shown: string[] | undefined;
    return {
      today: brusselsDate(now),
      birthDate: this.birthDate,
      ruleSetVersion: RULE_SET_VERSION,
      get referralRuleHolds() {
        if (referral === undefined) {
          const current = facts();
          referral = { holds: current ? referralRuleHolds(current) : undefined };
        }
        return referral.holds;
      },
      get shownSuggestionCodes() {
        if (shown === undefined) {
          const current = facts();
          shown = current ? evaluate(current, { locale: 'EN' }).suggestions.map((suggestion) => suggestion.code) : [];
        }
        return shown;
      },
    };
  }
}
