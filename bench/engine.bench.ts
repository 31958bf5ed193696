/**
 * Throughput of the pure guideline engine: a fixed, seeded mix of distinct fact sets covering
 * every stage, evaluated over and over for a few seconds, without caching any result.
 * Build: npx tsc -p tsconfig.bench.json; run: npm run bench:engine.
 */
import {
  NSAID_RISK_FACTORS,
  PAIN_LOCATIONS,
  PATHWAY_STAGES,
  RED_FLAGS,
  RISK_FACTORS,
  TREATMENTS,
  type HipFacts,
  type Locale,
} from '../src/contract/vocabulary.js';
import { evaluate } from '../src/guideline/domain/engine/rule-engine.js';

const SEED = 20261101;
const FACT_SETS = 12_000;
const DURATION_MS = 4_000;

/** mulberry32: a tiny, fast, seedable PRNG. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(SEED);
const chance = (p: number): boolean => random() < p;
const integer = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
/** Unknown one time in `1 / pUnknown`. */
const maybe = <T>(value: () => T, pUnknown = 0.15): T | undefined => (chance(pUnknown) ? undefined : value());
const bool = (pTrue = 0.5) => maybe(() => chance(pTrue));
/** Absent (unknown), known empty, or a random subset weighted towards few items. */
const list = <T>(items: readonly T[], pItem: number): readonly T[] | undefined =>
  chance(0.15) ? undefined : chance(0.35) ? [] : items.filter(() => chance(pItem));

function randomFacts(): HipFacts {
  return {
    stage: PATHWAY_STAGES[integer(0, PATHWAY_STAGES.length - 1)],
    ageYears: maybe(() => integer(10, 95)),
    bmi: maybe(() => Math.round((17 + random() * 23) * 10) / 10),
    painLocations: list(PAIN_LOCATIONS, 0.3),
    activityRelatedPain: bool(0.8),
    painAtRest: bool(0.3),
    morningStiffnessMinutes: maybe(() => integer(0, 60)),
    internalRotationDegrees: maybe(() => integer(0, 40)),
    flexionDegrees: maybe(() => integer(60, 130)),
    painOnInternalRotation: bool(0.6),
    limping: bool(0.4),
    difficultyWithFootwear: bool(0.4),
    painScore: maybe(() => integer(0, 10)),
    oxfordHipScore: maybe(() => integer(5, 48)),
    redFlagsScreened: bool(0.7),
    redFlags: list(RED_FLAGS, 0.03),
    riskFactors: list(RISK_FACTORS, 0.2),
    xrayPerformed: bool(0.5),
    kellgrenLawrenceGrade: maybe(() => integer(0, 4)),
    treatments: list(TREATMENTS, 0.3),
    conservativeTreatmentWeeks: maybe(() => integer(0, 40)),
    nsaidRiskFactors: list(NSAID_RISK_FACTORS, 0.15),
    qualityOfLifeSubstantiallyAffected: bool(0.6),
    nonSurgicalTreatmentUnsuitable: bool(0.15),
    smoker: bool(0.2),
    diabetesUncontrolled: bool(0.1),
    sharedDecisionDocumented: bool(0.5),
    weeksSinceSurgery: maybe(() => integer(0, 60)),
    postoperativeOxfordHipScore: maybe(() => integer(10, 48)),
  };
}

function distinctFactSets(count: number): HipFacts[] {
  const seen = new Set<string>();
  const sets: HipFacts[] = [];
  while (sets.length < count) {
    const facts = randomFacts();
    const key = JSON.stringify(facts);
    if (!seen.has(key)) {
      seen.add(key);
      sets.push(facts);
    }
  }
  return sets;
}

const factSets = distinctFactSets(FACT_SETS);
const LOCALES: readonly Locale[] = ['EN', 'NL'];
const perStage = PATHWAY_STAGES.map((stage) => `${stage} ${factSets.filter((facts) => facts.stage === stage).length}`);

/** Evaluates every fact set once; returns the number of suggestions as a checksum. */
function pass(round: number): number {
  let suggestions = 0;
  for (let i = 0; i < factSets.length; i++) {
    suggestions += evaluate(factSets[i], { locale: LOCALES[(i + round) & 1] }).suggestions.length;
  }
  return suggestions;
}

for (let round = 0; round < 5; round++) pass(round); // warm-up

let evaluations = 0;
let checksum = 0;
const start = performance.now();
let elapsed = 0;
for (let round = 0; elapsed < DURATION_MS; round++) {
  checksum += pass(round);
  evaluations += factSets.length;
  elapsed = performance.now() - start;
}

console.log(`fact sets: ${factSets.length} distinct (seed ${SEED}); per stage: ${perStage.join(', ')}`);
console.log(`evaluations: ${evaluations} in ${(elapsed / 1000).toFixed(2)} s`);
console.log(`evaluations/second: ${Math.round((evaluations / elapsed) * 1000)}`);
console.log(`checksum (suggestions produced): ${checksum}`);
