import type { CloseReason, HipSide, OverrideReasonCode, PainLocation, PathwayStage, RedFlag, RiskFactor, Treatment } from '../gql/graphql';
import type { Locale } from './i18n';

/**
 * The sidebar's words for the API's codes, in English and Dutch (nl-BE). Each record is keyed by the schema's enum
 * (typed by codegen), so a value added to the schema without a label fails the build.
 */
type Labels<Code extends string> = Readonly<Record<Code, Readonly<Record<Locale, string>>>>;

export const STAGE_LABELS: Labels<PathwayStage> = {
  CLINICAL_EXAM: { EN: 'Clinical exam', NL: 'Klinisch onderzoek' },
  IMAGING: { EN: 'X-ray of hip and pelvis', NL: 'RX van heup en bekken' },
  CONSERVATIVE_TREATMENT: { EN: 'Conservative treatment', NL: 'Conservatieve behandeling' },
  SURGICAL_REFERRAL: { EN: 'Surgical referral', NL: 'Verwijzing naar chirurg' },
  TOTAL_HIP_PROSTHESIS: { EN: 'Total hip prosthesis', NL: 'Totale heupprothese' },
  CLOSED: { EN: 'Closed', NL: 'Afgesloten' },
};

/** The stages in the pathway's order, as the stepper shows them (IMAGING is optional). */
export const STAGE_ORDER: readonly PathwayStage[] = [
  'CLINICAL_EXAM',
  'IMAGING',
  'CONSERVATIVE_TREATMENT',
  'SURGICAL_REFERRAL',
  'TOTAL_HIP_PROSTHESIS',
  'CLOSED',
];

export const SIDE_LABELS: Labels<HipSide> = {
  LEFT: { EN: 'Left hip', NL: 'Linkerheup' },
  RIGHT: { EN: 'Right hip', NL: 'Rechterheup' },
};

export const OVERRIDE_REASON_LABELS: Labels<OverrideReasonCode> = {
  PATIENT_PREFERENCE: { EN: 'Patient preference', NL: 'Voorkeur van de patiënt' },
  CLINICAL_JUDGEMENT: { EN: 'Clinical judgement', NL: 'Klinisch oordeel' },
  CONTRAINDICATION: { EN: 'Contraindication', NL: 'Contra-indicatie' },
  ALREADY_DONE: { EN: 'Already done', NL: 'Al gebeurd' },
  NOT_APPLICABLE_TO_PATIENT: { EN: 'Not applicable to this patient', NL: 'Niet van toepassing op deze patiënt' },
  OTHER: { EN: 'Other', NL: 'Andere' },
};

export const CLOSE_REASON_LABELS: Labels<CloseReason> = {
  COMPLETED: { EN: 'Pathway completed', NL: 'Zorgpad voltooid' },
  ALTERNATIVE_DIAGNOSIS: { EN: 'Alternative diagnosis', NL: 'Andere diagnose' },
  RED_FLAG_REFERRAL: { EN: 'Referred for a red flag', NL: 'Verwezen voor een alarmsignaal' },
  PATIENT_DECLINED: { EN: 'Patient declined', NL: 'Patiënt weigerde' },
  TRANSFERRED: { EN: 'Transferred', NL: 'Overgedragen' },
  DECEASED: { EN: 'Deceased', NL: 'Overleden' },
};

export const PAIN_LOCATION_LABELS: Labels<PainLocation> = {
  GROIN: { EN: 'Groin', NL: 'Lies' },
  THIGH: { EN: 'Thigh', NL: 'Dij' },
  BUTTOCK: { EN: 'Buttock', NL: 'Bil' },
  KNEE: { EN: 'Knee', NL: 'Knie' },
  LOWER_BACK: { EN: 'Lower back', NL: 'Lage rug' },
};

export const RED_FLAG_LABELS: Labels<RedFlag> = {
  SUSPECTED_INFECTION: { EN: 'Suspected infection', NL: 'Vermoeden van infectie' },
  SUSPECTED_FRACTURE: { EN: 'Suspected fracture', NL: 'Vermoeden van fractuur' },
  MALIGNANCY_SIGNS: { EN: 'Signs of malignancy', NL: 'Tekenen van maligniteit' },
  ACUTE_LIMB_ISCHAEMIA: { EN: 'Acute limb ischaemia', NL: 'Acute ischemie van het been' },
  CAUDA_EQUINA_SIGNS: { EN: 'Cauda equina signs', NL: 'Tekenen van caudasyndroom' },
  AVASCULAR_NECROSIS_RISK: { EN: 'Risk of avascular necrosis', NL: 'Risico op avasculaire necrose' },
  INFLAMMATORY_ARTHRITIS_SIGNS: { EN: 'Signs of inflammatory arthritis', NL: 'Tekenen van inflammatoire artritis' },
  RADICULAR_SIGNS: { EN: 'Radicular signs', NL: 'Radiculaire tekenen' },
  CLAUDICATION: { EN: 'Claudication', NL: 'Claudicatio' },
  RAPID_PROGRESSION: { EN: 'Rapid progression', NL: 'Snelle progressie' },
};

export const RISK_FACTOR_LABELS: Labels<RiskFactor> = {
  HEAVY_PHYSICAL_WORK: { EN: 'Heavy physical work', NL: 'Zwaar lichamelijk werk' },
  REPETITIVE_HIP_LOADING: { EN: 'Repetitive hip loading', NL: 'Herhaalde belasting van de heup' },
  FAMILY_HISTORY: { EN: 'Family history', NL: 'Familiale voorgeschiedenis' },
  PRIOR_HIP_INJURY: { EN: 'Earlier hip injury', NL: 'Vroeger heupletsel' },
  HIP_DYSPLASIA: { EN: 'Hip dysplasia', NL: 'Heupdysplasie' },
};

export const TREATMENT_LABELS: Labels<Treatment> = {
  EDUCATION: { EN: 'Information and advice', NL: 'Informatie en advies' },
  EXERCISE_THERAPY: { EN: 'Exercise therapy', NL: 'Oefentherapie' },
  PHYSIOTHERAPY: { EN: 'Physiotherapy', NL: 'Kinesitherapie' },
  WEIGHT_MANAGEMENT: { EN: 'Weight management', NL: 'Gewichtsbeheersing' },
  WALKING_AID: { EN: 'Walking aid', NL: 'Loophulpmiddel' },
  ICE: { EN: 'Ice', NL: 'IJs' },
  ACTIVITY_PACING: { EN: 'Activity pacing', NL: 'Activiteiten doseren' },
  PARACETAMOL: { EN: 'Paracetamol', NL: 'Paracetamol' },
  TOPICAL_NSAID: { EN: 'Topical NSAID', NL: 'Lokaal NSAID' },
  ORAL_NSAID: { EN: 'Oral NSAID', NL: 'Oraal NSAID' },
  GASTROPROTECTION: { EN: 'Gastroprotection', NL: 'Maagbescherming' },
  INTRA_ARTICULAR_CORTICOSTEROID: { EN: 'Intra-articular corticosteroid', NL: 'Intra-articulair corticosteroïd' },
  HYALURONIC_ACID_INJECTION: { EN: 'Hyaluronic acid injection', NL: 'Injectie met hyaluronzuur' },
  WEAK_OPIOID: { EN: 'Weak opioid', NL: 'Zwak opioïd' },
  STRONG_OPIOID: { EN: 'Strong opioid', NL: 'Sterk opioïd' },
  GLUCOSAMINE: { EN: 'Glucosamine', NL: 'Glucosamine' },
};

export function codesOf<Code extends string>(labels: Labels<Code>): Code[] {
  return Object.keys(labels) as Code[];
}

/** The audit log's event types, as the timeline and the record name them. */
export const EVENT_TYPE_LABELS: Readonly<Record<string, Readonly<Record<Locale, string>> | undefined>> = {
  PATHWAY_OPENED: { EN: 'Pathway opened', NL: 'Zorgpad geopend' },
  CLINICAL_EXAM_RECORDED: { EN: 'Clinical exam', NL: 'Klinisch onderzoek' },
  RED_FLAGS_SCREENED: { EN: 'Red flags screened', NL: 'Alarmsignalen nagegaan' },
  RISK_FACTORS_RECORDED: { EN: 'Risk factors', NL: 'Risicofactoren' },
  XRAY_ORDERED: { EN: 'X-ray ordered', NL: 'RX aangevraagd' },
  XRAY_RESULT_RECORDED: { EN: 'X-ray result', NL: 'RX-resultaat' },
  TREATMENT_STARTED: { EN: 'Treatment started', NL: 'Behandeling gestart' },
  TREATMENT_STOPPED: { EN: 'Treatment stopped', NL: 'Behandeling gestopt' },
  NSAID_RISK_FACTORS_RECORDED: { EN: 'NSAID risk factors', NL: 'Risicofactoren voor NSAID' },
  PATIENT_REPORTED_OUTCOMES_RECORDED: { EN: 'Patient-reported outcomes', NL: 'Door de patiënt gerapporteerde uitkomsten' },
  SURGICAL_INDICATION_RECORDED: { EN: 'Surgical indication', NL: 'Indicatie voor chirurgie' },
  SURGICAL_RISK_FACTORS_RECORDED: { EN: 'Surgical risk factors', NL: 'Risicofactoren voor chirurgie' },
  SHARED_DECISION_DOCUMENTED: { EN: 'Shared decision documented', NL: 'Gedeelde besluitvorming vastgelegd' },
  ANALGESIA_REVIEWED_NONE_NEEDED: { EN: 'No analgesia needed', NL: 'Geen pijnstilling nodig' },
  FOLLOW_UP_PLANNED: { EN: 'Follow-up planned', NL: 'Opvolging gepland' },
  SURGERY_PERFORMED: { EN: 'Surgery', NL: 'Operatie' },
  POSTOPERATIVE_OUTCOME_RECORDED: { EN: 'Postoperative outcome', NL: 'Postoperatieve uitkomst' },
  CHECKLIST_ITEM_NOT_APPLICABLE: { EN: 'Checklist item not applicable', NL: 'Checklistpunt niet van toepassing' },
  STAGE_CHANGED: { EN: 'Stage changed', NL: 'Fase gewijzigd' },
  RECORDING_ENTERED_IN_ERROR: { EN: 'Marked entered in error', NL: 'Als foutief gemarkeerd' },
  SUGGESTION_FEEDBACK_GIVEN: { EN: 'Suggestion feedback', NL: 'Terugkoppeling op een suggestie' },
};
