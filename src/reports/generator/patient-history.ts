import type { ActingUser } from '../../auth/role.js';
import { daysBetween, type CalendarDate } from '../../contract/calendar-date.js';
import type { CloseReason, HipSide, NsaidRiskFactor, PainLocation, PathwayStage, RedFlag, Treatment } from '../../contract/vocabulary.js';
import { referralRuleHolds } from '../../guideline/domain/rules/derived-facts.js';
import { RULE_SET_VERSION } from '../../guideline/domain/rules/rule-set.js';
import type { ChecklistItemCode } from '../../checklist/domain/checklist-items.js';
import type { ClinicalRecording } from '../../pathways/domain/pathway-commands.js';
import { OVERRIDE_REASON_CODES, type ClinicalExamFindings } from '../../pathways/domain/pathway-events.js';
import type { PathwayState } from '../../pathways/domain/pathway-state-machine.js';
import { SimulatedPathway, SimulatedStream, type GeneratedAuditEvent, type SimulatedWrite } from './simulated-stream.js';
import { Random } from './random.js';

/** Synthetic patients carry an identifier of their own system (on a domain reserved for examples): they can never be taken for real ones. */
export const SYNTHETIC_IDENTIFIER_SYSTEM = 'https://heupartrose.example/synthetic-patient';

export const SITES = ['ZAS-AUGUSTINUS', 'ZAS-MIDDELHEIM', 'ZAS-PALFIJN', 'ZAS-CADIX'] as const;

/**
 * Who writes, as the roles allow: clinicians record and move pathways; the EHR's integration sends
 * suggestion feedback for the clinician it acts for; an administrator or a clinician registers patients.
 */
type Author = 'CLINICIAN' | 'INTEGRATION' | 'ADMIN';
const EHR_INTEGRATION = 'epd-integration';
const REGISTRATION_DESK = 'admin.registration';

const CLINICIAN_NAMES = [
  'peeters', 'janssens', 'maes', 'jacobs', 'mertens', 'willems', 'claes', 'goossens', 'wouters', 'declercq',
  'dubois', 'lambert', 'dupont', 'martens', 'vermeulen', 'desmet', 'devos', 'hermans', 'stevens', 'pauwels',
  'coppens', 'michiels', 'smets', 'vandamme', 'aerts', 'verstraete', 'segers', 'cools', 'lemmens', 'geerts',
]; // prettier-ignore

/** A clinician and the habits that make the indicators differ between clinicians. */
export interface Clinician {
  readonly id: string;
  readonly site: (typeof SITES)[number];
  /** Orders an X-ray for a typical presentation. */
  readonly xrayForTypical: number;
  readonly prescribesExercise: number;
  readonly supportsWeightLoss: number;
  readonly addsGastroprotection: number;
  /** Refers before the referral rule holds, with a deviation reason. */
  readonly refersEarly: number;
  readonly givesFeedback: number;
}

export function clinicianPanel(seed: number): Clinician[] {
  const random = new Random(seed, 0x636c696e);
  return CLINICIAN_NAMES.map((name, index) => ({
    id: `dr.${name}`,
    site: SITES[index % SITES.length],
    xrayForTypical: random.float() * 0.4,
    prescribesExercise: 0.75 + random.float() * 0.24,
    supportsWeightLoss: 0.4 + random.float() * 0.5,
    addsGastroprotection: 0.35 + random.float() * 0.6,
    refersEarly: random.float() * 0.12,
    givesFeedback: 0.1 + random.float() * 0.4,
  }));
}

export interface GeneratedPathway {
  readonly id: string;
  readonly patientId: string;
  readonly side: HipSide;
  readonly site: string | null;
  readonly state: PathwayState;
  readonly openedAt: Date;
  readonly updatedAt: Date;
  readonly closedAt: Date | null;
  readonly deviationCount: number;
  readonly events: readonly GeneratedAuditEvent[];
  readonly impressions: readonly { code: string; shownOn: CalendarDate }[];
}

export interface GeneratedPatient {
  readonly id: string;
  readonly identifierSystem: string;
  readonly identifierValue: string;
  readonly birthDate: CalendarDate;
  readonly sex: 'male' | 'female';
  readonly createdAt: Date;
  readonly events: readonly GeneratedAuditEvent[];
  readonly pathways: readonly GeneratedPathway[];
}

export interface HistorySettings {
  readonly seed: number;
  /** The first and last days histories are simulated on (Europe/Brussels). */
  readonly firstDay: CalendarDate;
  readonly lastDay: CalendarDate;
  readonly clinicians: readonly Clinician[];
}

/** A patient with one pathway (a second, on the other hip, for some), simulated up to the last day. */
export function generatePatient(index: number, settings: HistorySettings): GeneratedPatient {
  const random = Random.forPatient(settings.seed, index);
  const id = random.uuid();
  const clinician = random.pick(settings.clinicians);
  const window = daysBetween(settings.firstDay, settings.lastDay);
  const openedOn = addDays(settings.firstDay, random.int(0, window));
  const profile = patientProfile(random, openedOn);
  const registration = new Visit(random, openedOn, clinician, settings.lastDay);
  const registeredAt = registration.next();
  const identifierValue = `SYN-${settings.seed}-${index}`;
  const patientStream = new SimulatedStream(id);
  patientStream.append(
    [
      {
        type: 'PATIENT_REGISTERED',
        payload: { identifierSystem: SYNTHETIC_IDENTIFIER_SYSTEM, identifierValue, birthDate: profile.birthDate, sex: profile.sex },
        ruleSetVersion: RULE_SET_VERSION,
      },
    ],
    registration.write(random.chance(0.6) ? 'ADMIN' : 'CLINICIAN', registeredAt, `${id}:1`),
  );

  const firstSide: HipSide = random.chance(0.5) ? 'LEFT' : 'RIGHT';
  const pathways = [simulatePathway(random, settings, profile, id, firstSide, clinician, registration)];
  if (random.chance(0.08)) {
    const secondOn = addDays(openedOn, random.int(60, 540));
    if (secondOn <= settings.lastDay) {
      const second = new Visit(random, secondOn, clinician, settings.lastDay);
      pathways.push(simulatePathway(random, settings, profile, id, firstSide === 'LEFT' ? 'RIGHT' : 'LEFT', clinician, second));
    }
  }
  return {
    id,
    identifierSystem: SYNTHETIC_IDENTIFIER_SYSTEM,
    identifierValue,
    birthDate: profile.birthDate,
    sex: profile.sex,
    createdAt: registeredAt,
    events: patientStream.events,
    pathways,
  };
}

interface PatientProfile {
  readonly birthDate: CalendarDate;
  readonly sex: 'male' | 'female';
  readonly ageAtOpening: number;
  readonly bmi: number;
  readonly smoker: boolean;
  readonly diabetesUncontrolled: boolean;
  readonly nsaidRiskFactors: readonly NsaidRiskFactor[];
}

function patientProfile(random: Random, openedOn: CalendarDate): PatientProfile {
  const ageAtOpening = random.weighted<() => number>([
    [() => random.int(13, 15), 0.003],
    [() => random.int(20, 44), 0.08],
    [() => random.int(45, 64), 0.34],
    [() => random.int(65, 79), 0.42],
    [() => random.int(80, 94), 0.157],
  ])();
  const birthYear = Number(openedOn.slice(0, 4)) - ageAtOpening - 1;
  const birthDate = addDays(`${birthYear}-01-01`, random.int(0, 364));
  return {
    birthDate,
    sex: random.chance(0.58) ? 'female' : 'male',
    ageAtOpening,
    bmi: Math.round(random.normal(27.5, 4.5, 17, 45) * 10) / 10,
    smoker: random.chance(0.17),
    diabetesUncontrolled: random.chance(0.07),
    nsaidRiskFactors: random.subset(
      ['GI_ULCER_OR_BLEEDING_HISTORY', 'RENAL_IMPAIRMENT', 'HEART_FAILURE', 'CARDIOVASCULAR_DISEASE', 'ANTICOAGULANT_USE'],
      ageAtOpening >= 70 ? 0.12 : 0.05,
    ),
  };
}

/** Reached the last simulated day, or closed: the history stops where it is. One instance (an Error's stack is costly). */
class EndOfSimulation extends Error {}
const END_OF_SIMULATION = new EndOfSimulation();

/** A day on which the patient is seen: each write a few minutes after the previous one. */
class Visit {
  private instant: number;

  constructor(
    private readonly random: Random,
    readonly day: CalendarDate,
    readonly clinician: Clinician,
    lastDay: CalendarDate,
  ) {
    if (day > lastDay) throw END_OF_SIMULATION;
    // Between 08:00 and 17:00 in Brussels (UTC+1 or +2): the UTC date is the Brussels date.
    this.instant = Date.parse(`${day}T07:00:00Z`) + random.int(0, 8 * 60) * 60_000 + random.int(0, 59_999);
  }

  next(): Date {
    this.instant += this.random.int(20, 240) * 1000 + this.random.int(0, 999);
    return new Date(this.instant);
  }

  /** A write by the visit's clinician, the integration acting for them, or the registration desk. */
  write(by: Author, recordedAt: Date, idempotencyKey: string, note?: string): SimulatedWrite {
    const user: ActingUser = {
      CLINICIAN: { userId: this.clinician.id, role: 'CLINICIAN' } as const,
      INTEGRATION: { userId: EHR_INTEGRATION, actingFor: this.clinician.id, role: 'INTEGRATION' } as const,
      ADMIN: { userId: REGISTRATION_DESK, role: 'ADMIN' } as const,
    }[by];
    return { user, recordedAt, idempotencyKey, ...(note !== undefined && { note }) };
  }
}

const DEVIATION_REASONS = {
  CONSERVATIVE_TREATMENT: [
    'Examined at the referring practice; exam report not yet in the record',
    'Known hip OA, seen by the GP last week; exam to be entered',
  ],
  SURGICAL_REFERRAL: [
    'Patient insists on a surgical opinion despite the short course of exercise',
    'Severe joint space narrowing and night pain: early surgical assessment',
    'Unable to attend physiotherapy (transport); discussed with the patient',
    'Second opinion requested by the GP',
    'Red flag ruled out by the orthopaedic surgeon; referral agreed',
  ],
} as const;

const OVERRIDE_COMMENTS: Record<(typeof OVERRIDE_REASON_CODES)[number], readonly string[]> = {
  PATIENT_PREFERENCE: ['Patient prefers to wait', 'Patient does not want medication', 'Patient declines for now'],
  CLINICAL_JUDGEMENT: ['Not indicated at this stage', 'Will reassess at the next visit', 'Symptoms too mild'],
  CONTRAINDICATION: ['Renal function too low', 'Allergy documented', 'Interaction with current medication'],
  ALREADY_DONE: ['Done by the GP', 'Already arranged last week', 'Recorded in the GP letter'],
  NOT_APPLICABLE_TO_PATIENT: ['Does not apply to this patient', 'Patient lives abroad most of the year'],
  OTHER: ['Discussed with the team', 'See consultation note'],
};

const NOTES = ['Discussed with the patient', 'Patient accompanied by partner', 'Letter to the GP', 'Interpreter present', 'Telephone consultation'];

const CRITICAL_RED_FLAGS: readonly RedFlag[] = [
  'SUSPECTED_INFECTION',
  'SUSPECTED_FRACTURE',
  'MALIGNANCY_SIGNS',
  'ACUTE_LIMB_ISCHAEMIA',
  'CAUDA_EQUINA_SIGNS',
];

/** One hip's pathway from its opening visit, simulated visit by visit until it closes or the last day comes. */
function simulatePathway(
  random: Random,
  settings: HistorySettings,
  profile: PatientProfile,
  patientId: string,
  side: HipSide,
  clinician: Clinician,
  opening: Visit,
): GeneratedPathway {
  const id = random.uuid();
  const pathway = new SimulatedPathway(id, profile.birthDate);
  const beforeSites = daysBetween(settings.firstDay, opening.day) < 90 && random.chance(0.7);
  const site = beforeSites ? null : random.chance(0.85) ? clinician.site : random.pick(SITES);
  const hip = new HipSimulation(random, settings, profile, pathway, clinician);
  const openedAt = opening.next();
  try {
    hip.open(opening, side, site, openedAt);
    hip.followPathway(opening);
  } catch (error) {
    if (!(error instanceof EndOfSimulation)) throw error;
  }
  const state = pathway.state!;
  return {
    id,
    patientId,
    side,
    site,
    state,
    openedAt,
    updatedAt: hip.lastWriteAt,
    closedAt: state.stage === 'CLOSED' ? hip.lastWriteAt : null,
    deviationCount: pathway.deviationCount,
    events: pathway.stream.events,
    impressions: [...pathway.impressions].map((key) => {
      const [code, shownOn] = key.split('|');
      return { code, shownOn };
    }),
  };
}

/** The clinical course of one hip: what is recorded at each visit, and when the pathway moves on. */
class HipSimulation {
  lastWriteAt = new Date(0);
  private readonly typical: boolean;
  /** Replaced, never changed in place: recorded payloads hold it. */
  private redFlags: readonly RedFlag[];
  private readonly limping: boolean;
  private readonly given = new Set<Treatment>();
  private xrayDone = false;
  private examRecorded = false;
  private preoperativeScore: number;

  constructor(
    private readonly random: Random,
    private readonly settings: HistorySettings,
    private readonly profile: PatientProfile,
    private readonly pathway: SimulatedPathway,
    private readonly clinician: Clinician,
  ) {
    this.typical = random.chance(0.72);
    this.redFlags = random.chance(0.06)
      ? [
          random.weighted<RedFlag>([
            ['CLAUDICATION', 25],
            ['RADICULAR_SIGNS', 25],
            ['AVASCULAR_NECROSIS_RISK', 10],
            ['INFLAMMATORY_ARTHRITIS_SIGNS', 10],
            ['RAPID_PROGRESSION', 8],
            ['SUSPECTED_FRACTURE', 6],
            ['MALIGNANCY_SIGNS', 6],
            ['SUSPECTED_INFECTION', 5],
            ['CAUDA_EQUINA_SIGNS', 3],
            ['ACUTE_LIMB_ISCHAEMIA', 2],
          ]),
        ]
      : [];
    this.limping = random.chance(0.55);
    this.preoperativeScore = random.int(8, 32);
  }

  open(visit: Visit, side: HipSide, site: string | null, at: Date): void {
    this.run(visit, { type: 'OPEN_PATHWAY', side, ...(site !== null && { site }) }, 'CLINICIAN', at);
  }

  followPathway(opening: Visit): void {
    let visit = opening;
    const examined = this.random.chance(0.96);
    if (examined) this.firstExam(visit);
    if (this.profile.ageAtOpening < 16) return this.close(visit, 'ALTERNATIVE_DIAGNOSIS');
    if (this.redFlags.some((flag) => CRITICAL_RED_FLAGS.includes(flag)) && this.random.chance(0.85)) {
      return this.close(visit, 'RED_FLAG_REFERRAL');
    }
    if (this.random.chance(0.02)) return this.close(this.later(visit, 7, 60), this.random.pick<CloseReason>(['TRANSFERRED', 'PATIENT_DECLINED']));
    if (!examined) {
      // Seen elsewhere: moved on with a deviation, the exam sometimes entered afterwards.
      visit = this.later(visit, 3, 21);
      this.move(visit, 'CONSERVATIVE_TREATMENT');
      if (this.random.chance(0.5)) this.recordExam(this.later(visit, 7, 40), true);
      return this.conservativeTreatment(visit, true);
    }
    const atypical = !this.typical || this.profile.ageAtOpening < 45 || this.redFlags.length > 0;
    if (atypical || this.random.chance(this.clinician.xrayForTypical)) {
      this.record(visit, 'XRAY_ORDERED', visit.day, {});
      if (atypical || this.random.chance(0.5)) {
        this.move(visit, 'IMAGING');
        visit = this.imaging(visit);
      } else {
        // An X-ray for a typical presentation, treatment started without waiting for it.
        this.move(visit, 'CONSERVATIVE_TREATMENT');
        this.xrayResult(this.later(visit, 5, 20));
      }
    } else if (this.random.chance(0.75)) {
      this.move(visit, 'CONSERVATIVE_TREATMENT');
    } else {
      visit = this.later(visit, 7, 28);
      this.review(visit);
      this.move(visit, 'CONSERVATIVE_TREATMENT');
    }
    this.conservativeTreatment(visit, true);
  }

  private firstExam(visit: Visit): void {
    this.recordExam(visit, this.random.chance(0.92));
    if (this.random.chance(0.92)) this.record(visit, 'RED_FLAGS_SCREENED', visit.day, { redFlags: this.redFlags });
    if (this.random.chance(0.88)) {
      const riskFactors = this.random.subset(
        ['HEAVY_PHYSICAL_WORK', 'REPETITIVE_HIP_LOADING', 'FAMILY_HISTORY', 'PRIOR_HIP_INJURY', 'HIP_DYSPLASIA'] as const,
        0.12,
      );
      this.record(visit, 'RISK_FACTORS_RECORDED', visit.day, { riskFactors, bmi: this.profile.bmi });
      if (this.random.chance(0.03)) this.correctBmi(visit);
    }
    if (this.random.chance(0.75)) this.recordPatientReportedOutcomes(visit, this.random.chance(0.2) ? 3 : 0);
    this.maybeFeedback(visit);
  }

  /** The exam; an incomplete one (stiffness not asked) is completed at a later visit. */
  private recordExam(visit: Visit, complete: boolean): void {
    const random = this.random;
    const findings: { -readonly [K in keyof ClinicalExamFindings]: ClinicalExamFindings[K] } = {
      painLocations: ['GROIN', ...random.subset<PainLocation>(['THIGH', 'BUTTOCK', 'KNEE', 'LOWER_BACK'], 0.25)],
      activityRelatedPain: true,
      painAtRest: random.chance(0.3),
      morningStiffnessMinutes: random.int(0, 30),
      flexionDegrees: random.int(70, 120),
      limping: this.limping,
      difficultyWithFootwear: random.chance(0.5),
    };
    if (random.chance(0.8)) {
      findings.painOnInternalRotation = true;
      findings.internalRotationDegrees = random.int(5, 30);
    } else {
      findings.painOnInternalRotation = false;
      findings.internalRotationDegrees = random.int(0, 14);
    }
    if (!this.typical) {
      random.weighted<() => void>([
        [() => (findings.morningStiffnessMinutes = random.int(35, 120)), 2],
        [() => (findings.activityRelatedPain = false), 1],
        [() => Object.assign(findings, { internalRotationDegrees: random.int(15, 40), painOnInternalRotation: false }), 1],
      ])();
    }
    if (!complete) delete findings.morningStiffnessMinutes;
    this.record(visit, 'CLINICAL_EXAM_RECORDED', visit.day, findings);
    this.examRecorded = true;
  }

  /** A BMI typed wrongly, marked entered-in-error and recorded again. */
  private correctBmi(visit: Visit): void {
    const wrong = this.record(visit, 'RISK_FACTORS_RECORDED', visit.day, { bmi: Math.min(80, this.profile.bmi + 10) });
    this.run(visit, { type: 'MARK_ENTERED_IN_ERROR', targetSequence: wrong, reason: 'BMI typed wrongly' }, 'CLINICIAN');
  }

  /** The result of the X-ray ordered: dated when taken, recorded by radiology or the clinician some days later. */
  private xrayResult(visit: Visit): number {
    const grade = this.random.weighted<number | undefined>([
      [0, 4],
      [1, 9],
      [2, 30],
      [3, 35],
      [4, 17],
      [undefined, 5],
    ]);
    const takenOn = addDays(visit.day, -this.random.int(0, 4));
    const payload = grade === undefined ? { findings: 'Report to follow' } : { kellgrenLawrenceGrade: grade };
    this.record(visit, 'XRAY_RESULT_RECORDED', takenOn, payload);
    this.xrayDone = true;
    return grade ?? 2;
  }

  private imaging(ordered: Visit): Visit {
    const resultVisit = this.later(ordered, 3, 21);
    const grade = this.xrayResult(resultVisit);
    const visit = this.later(resultVisit, 0, 14);
    this.review(visit);
    if (this.redFlags.length > 0) {
      if (this.random.chance(0.4)) {
        this.close(visit, this.random.pick<CloseReason>(['RED_FLAG_REFERRAL', 'ALTERNATIVE_DIAGNOSIS']));
      }
      // Ruled out at review: screened again, none left.
      this.redFlags = [];
      this.record(visit, 'RED_FLAGS_SCREENED', visit.day, { redFlags: [] });
    }
    if (grade <= 1 && this.random.chance(0.6)) this.close(visit, 'ALTERNATIVE_DIAGNOSIS');
    this.move(visit, 'CONSERVATIVE_TREATMENT');
    return visit;
  }

  private conservativeTreatment(entered: Visit, firstTime: boolean): void {
    let visit = entered;
    if (firstTime) {
      this.startCoreTreatment(visit);
      this.startAnalgesia(visit);
    }
    if (this.random.chance(0.02)) this.markNotApplicable(visit, 'AGREE_FOLLOW_UP', 'Follow-up by the GP');
    let nextIn = this.random.int(42, 84);
    if (this.random.chance(0.8)) this.record(visit, 'FOLLOW_UP_PLANNED', visit.day, { followUpDate: addDays(visit.day, nextIn) });
    this.maybeFeedback(visit);
    for (let followUp = 1; ; followUp++) {
      visit = this.later(visit, nextIn, nextIn + 14);
      this.review(visit);
      this.adjustAnalgesia(visit);
      if (followUp === 1 && this.random.chance(0.05)) this.start(visit, 'INTRA_ARTICULAR_CORTICOSTEROID');
      const affected = this.random.chance(0.35 + 0.15 * followUp);
      const unsuitable = this.random.chance(0.03);
      if (this.random.chance(0.85)) {
        this.record(visit, 'SURGICAL_INDICATION_RECORDED', visit.day, {
          qualityOfLifeSubstantiallyAffected: affected,
          ...(unsuitable && { nonSurgicalTreatmentUnsuitable: true }),
        });
      }
      this.maybeFeedback(visit);
      const rule = referralRuleHolds(this.pathway.facts(visit.next()));
      if (rule === true && this.random.chance(0.85)) {
        if (this.random.chance(0.03)) this.move(visit, 'IMAGING');
        this.move(visit, 'SURGICAL_REFERRAL');
        return this.surgicalReferral(visit);
      }
      if (rule !== true && affected && this.random.chance(this.clinician.refersEarly)) {
        this.move(visit, 'SURGICAL_REFERRAL', this.random.pick(DEVIATION_REASONS.SURGICAL_REFERRAL));
        return this.surgicalReferral(visit);
      }
      if (!affected && followUp >= 2 && this.random.chance(0.3)) return this.close(visit, 'COMPLETED');
      if (this.random.chance(0.02)) return this.close(visit, this.random.pick<CloseReason>(['PATIENT_DECLINED', 'TRANSFERRED', 'DECEASED']));
      nextIn = this.random.int(42, 120);
      if (this.random.chance(0.6)) this.record(visit, 'FOLLOW_UP_PLANNED', visit.day, { followUpDate: addDays(visit.day, nextIn) });
    }
  }

  private startCoreTreatment(visit: Visit): void {
    if (this.random.chance(0.92)) this.start(visit, 'EDUCATION');
    if (this.random.chance(this.clinician.prescribesExercise)) this.start(visit, this.random.chance(0.6) ? 'EXERCISE_THERAPY' : 'PHYSIOTHERAPY');
    if (this.profile.bmi >= 25 ? this.random.chance(this.clinician.supportsWeightLoss) : this.random.chance(0.04)) {
      this.start(visit, 'WEIGHT_MANAGEMENT', this.random.chance(0.3) ? this.random.int(1, 14) : 0);
    }
    if (this.limping && this.random.chance(0.4)) this.start(visit, 'WALKING_AID');
    if (this.random.chance(0.2)) this.start(visit, 'ACTIVITY_PACING');
    if (this.random.chance(0.08)) this.start(visit, 'ICE');
  }

  private startAnalgesia(visit: Visit): void {
    const random = this.random;
    let pharmacological = false;
    const prescribe = (treatment: Treatment, p: number): boolean => {
      if (!random.chance(p)) return false;
      this.start(visit, treatment);
      pharmacological = true;
      return true;
    };
    prescribe('PARACETAMOL', 0.45);
    prescribe('TOPICAL_NSAID', 0.15);
    if (random.chance(0.3)) {
      if (random.chance(0.75)) this.record(visit, 'NSAID_RISK_FACTORS_RECORDED', visit.day, { nsaidRiskFactors: this.profile.nsaidRiskFactors });
      this.start(visit, 'ORAL_NSAID');
      pharmacological = true;
      // A contraindication found the same day: stopped on its start day, that course was never given.
      if (random.chance(0.03)) this.stop(visit, 'ORAL_NSAID');
      else if (random.chance(this.clinician.addsGastroprotection)) this.start(visit, 'GASTROPROTECTION');
    }
    prescribe('WEAK_OPIOID', 0.07);
    prescribe('STRONG_OPIOID', 0.015);
    prescribe('GLUCOSAMINE', 0.04);
    prescribe('HYALURONIC_ACID_INJECTION', 0.025);
    if (!pharmacological && random.chance(0.5)) this.record(visit, 'ANALGESIA_REVIEWED_NONE_NEEDED', visit.day, {});
  }

  /** At a follow-up: some medicines stopped, gastroprotection added late, a course started in error corrected. */
  private adjustAnalgesia(visit: Visit): void {
    const random = this.random;
    if (this.given.has('ORAL_NSAID') && !this.given.has('GASTROPROTECTION') && random.chance(0.15)) this.start(visit, 'GASTROPROTECTION');
    if (this.given.has('ORAL_NSAID') && random.chance(0.35)) {
      this.stop(visit, 'ORAL_NSAID');
      if (this.given.has('GASTROPROTECTION') && random.chance(0.7)) this.stop(visit, 'GASTROPROTECTION');
      // Gastroprotection begun on the day the NSAID stops: never on a day the NSAID was given.
      else if (!this.given.has('GASTROPROTECTION') && random.chance(0.1)) this.start(visit, 'GASTROPROTECTION');
    }
    for (const treatment of ['WEAK_OPIOID', 'STRONG_OPIOID', 'GLUCOSAMINE', 'PARACETAMOL'] as const) {
      if (this.given.has(treatment) && random.chance(0.4)) this.stop(visit, treatment);
    }
    if (random.chance(0.02)) {
      const wrong = this.record(visit, 'TREATMENT_STARTED', visit.day, {
        treatment: random.pick(['STRONG_OPIOID', 'GLUCOSAMINE', 'ORAL_NSAID'] as const),
      });
      this.run(visit, { type: 'MARK_ENTERED_IN_ERROR', targetSequence: wrong, reason: 'Recorded on the wrong hip pathway' }, 'CLINICIAN');
    }
  }

  private surgicalReferral(referred: Visit): void {
    let visit = referred;
    if (this.random.chance(0.85)) {
      this.record(visit, 'SURGICAL_RISK_FACTORS_RECORDED', visit.day, {
        smoker: this.profile.smoker,
        diabetesUncontrolled: this.profile.diabetesUncontrolled,
      });
    }
    if (!this.xrayDone) {
      this.record(visit, 'XRAY_ORDERED', visit.day, {});
      this.xrayResult(this.later(visit, 2, 14));
    }
    visit = this.later(visit, 14, 42);
    this.review(visit);
    if (this.random.chance(0.85)) this.record(visit, 'SHARED_DECISION_DOCUMENTED', visit.day, {});
    this.maybeFeedback(visit);
    const outcome = this.random.weighted<'SURGERY' | 'DEFERRED' | CloseReason>([
      ['SURGERY', 82],
      ['DEFERRED', 8],
      ['PATIENT_DECLINED', 6],
      ['TRANSFERRED', 4],
    ]);
    if (outcome === 'DEFERRED') {
      this.move(visit, 'CONSERVATIVE_TREATMENT');
      return this.conservativeTreatment(visit, false);
    }
    if (outcome !== 'SURGERY') return this.close(visit, outcome);
    for (const treatment of ['ORAL_NSAID', 'WEAK_OPIOID', 'STRONG_OPIOID', 'GLUCOSAMINE'] as const) {
      if (this.given.has(treatment) && this.random.chance(0.6)) this.stop(visit, treatment);
    }
    this.totalHipProsthesis(this.later(visit, 14, 120));
  }

  private totalHipProsthesis(admission: Visit): void {
    this.move(admission, 'TOTAL_HIP_PROSTHESIS');
    const surgeryOn = addDays(admission.day, this.random.int(0, 1));
    const recorded = this.later(admission, daysBetween(admission.day, surgeryOn), daysBetween(admission.day, surgeryOn) + 6);
    if (this.random.chance(0.01)) {
      // The surgery date typed a month early, corrected later the same day.
      const wrong = this.record(recorded, 'SURGERY_PERFORMED', addDays(surgeryOn, -30), {});
      this.run(recorded, { type: 'MARK_ENTERED_IN_ERROR', targetSequence: wrong, reason: 'Wrong surgery date' }, 'CLINICIAN');
    }
    this.record(recorded, 'SURGERY_PERFORMED', surgeryOn, {});
    const gain = this.random.normal(16, 8, -10, 40);
    let visit = recorded;
    for (const [weeks, p] of [
      [6, 0.7],
      [26, 0.8],
      [52, 0.6],
    ] as const) {
      visit = this.later(
        visit,
        Math.max(1, daysBetween(visit.day, addDays(surgeryOn, weeks * 7))),
        daysBetween(visit.day, addDays(surgeryOn, weeks * 7 + 28)),
      );
      if (!this.random.chance(p)) continue;
      const fraction = weeks === 6 ? 0.5 : 1;
      const score = Math.round(Math.min(48, Math.max(0, this.preoperativeScore + gain * fraction + this.random.normal(0, 2, -4, 4))));
      if (this.random.chance(0.8)) this.record(visit, 'POSTOPERATIVE_OUTCOME_RECORDED', visit.day, { oxfordHipScore: score });
      else this.record(visit, 'PATIENT_REPORTED_OUTCOMES_RECORDED', visit.day, { painScore: this.random.int(0, 4), oxfordHipScore: score });
      this.maybeFeedback(visit);
    }
    if (this.random.chance(0.75)) this.close(visit, 'COMPLETED');
  }

  /** A follow-up's routine recordings: scores, now and then a red-flag screening. */
  private review(visit: Visit): void {
    this.pathway.showNextSteps(visit.next());
    if (this.random.chance(0.7)) this.recordPatientReportedOutcomes(visit, 0);
    if (this.random.chance(0.1)) this.record(visit, 'RED_FLAGS_SCREENED', visit.day, { redFlags: this.redFlags });
  }

  private recordPatientReportedOutcomes(visit: Visit, filledInDaysBefore: number): void {
    this.preoperativeScore = Math.max(0, Math.min(48, this.preoperativeScore + this.random.int(-3, 2)));
    const payload = this.random.chance(0.85)
      ? { painScore: this.random.int(3, 9), oxfordHipScore: this.preoperativeScore }
      : { painScore: this.random.int(3, 9) };
    this.record(visit, 'PATIENT_REPORTED_OUTCOMES_RECORDED', addDays(visit.day, -filledInDaysBefore), payload);
  }

  /** Feedback on one of the suggestions the sidebar shows now: mostly accepted, else overridden with a reason. */
  private maybeFeedback(visit: Visit): void {
    const at = visit.next();
    const shown = this.pathway.showNextSteps(at);
    if (shown.length === 0 || !this.random.chance(this.clinician.givesFeedback)) return;
    const code = this.random.pick(shown);
    // From the sidebar in the EHR, through its integration, or in the service's own client.
    const by = this.random.chance(0.3) ? 'INTEGRATION' : 'CLINICIAN';
    if (this.random.chance(0.65)) {
      this.run(visit, { type: 'GIVE_SUGGESTION_FEEDBACK', code, outcome: 'ACCEPTED' }, by, at);
      return;
    }
    const reasonCode = this.random.weighted<(typeof OVERRIDE_REASON_CODES)[number]>([
      ['PATIENT_PREFERENCE', 30],
      ['CLINICAL_JUDGEMENT', 30],
      ['CONTRAINDICATION', 12],
      ['ALREADY_DONE', 15],
      ['NOT_APPLICABLE_TO_PATIENT', 8],
      ['OTHER', 5],
    ]);
    const comment = this.random.pick(OVERRIDE_COMMENTS[reasonCode]);
    this.run(visit, { type: 'GIVE_SUGGESTION_FEEDBACK', code, outcome: 'OVERRIDDEN', reasonCode, comment }, by, at);
  }

  private markNotApplicable(visit: Visit, item: ChecklistItemCode, reason: string): void {
    this.run(visit, { type: 'MARK_CHECKLIST_ITEM_NOT_APPLICABLE', item, reason }, 'CLINICIAN');
  }

  /**
   * A move. The core decides whether it deviates from the guideline: a move to SURGICAL_REFERRAL
   * is given a reason by its caller; one to CONSERVATIVE_TREATMENT without a recorded exam gets one here.
   */
  private move(visit: Visit, to: Exclude<PathwayStage, 'CLOSED'>, deviationReason?: string): void {
    const reason = deviationReason ?? (to === 'CONSERVATIVE_TREATMENT' && !this.examRecorded ? this.random.pick(DEVIATION_REASONS[to]) : undefined);
    this.run(visit, { type: 'CHANGE_STAGE', to, ...(reason !== undefined && { deviationReason: reason }) }, 'CLINICIAN');
  }

  private close(visit: Visit, closeReason: CloseReason): never {
    this.run(visit, { type: 'CHANGE_STAGE', to: 'CLOSED', closeReason }, 'CLINICIAN');
    throw END_OF_SIMULATION;
  }

  private start(visit: Visit, treatment: Treatment, startedDaysBefore = 0): void {
    this.record(visit, 'TREATMENT_STARTED', addDays(visit.day, -startedDaysBefore), { treatment });
    this.given.add(treatment);
  }

  private stop(visit: Visit, treatment: Treatment): void {
    this.record(visit, 'TREATMENT_STOPPED', visit.day, { treatment });
    this.given.delete(treatment);
  }

  /** Records a finding or act; returns its sequence. */
  private record<Type extends ClinicalRecording['type']>(
    visit: Visit,
    type: Type,
    clinicalDate: CalendarDate,
    payload: Extract<ClinicalRecording, { type: Type }>['payload'],
  ): number {
    const recording = { type, clinicalDate, payload } as ClinicalRecording;
    return this.run(visit, { type: 'RECORD', recording }, 'CLINICIAN').at(-1)!;
  }

  private run(visit: Visit, command: Parameters<SimulatedPathway['run']>[0], by: Author, at = visit.next()): number[] {
    const key = `${this.pathway.id}:${this.pathway.stream.lastSequence + 1}`;
    const note = this.random.chance(0.04) ? this.random.pick(NOTES) : undefined;
    const events = this.pathway.run(command, visit.write(by, at, key, note));
    this.lastWriteAt = at;
    return events.map((event) => event.sequence);
  }

  /** The next visit, `minDays` to `maxDays` later; past the last day the simulation ends. */
  private later(visit: Visit, minDays: number, maxDays: number): Visit {
    const day = addDays(visit.day, this.random.int(minDays, Math.max(minDays, maxDays)));
    if (day === visit.day) return visit;
    return new Visit(this.random, day, this.clinicianFor(), this.settings.lastDay);
  }

  /** Mostly the patient's own clinician; now and then a colleague of the panel. */
  private clinicianFor(): Clinician {
    return this.random.chance(0.85) ? this.clinician : this.random.pick(this.settings.clinicians);
  }
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
