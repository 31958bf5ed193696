import { MEDICINES, NUMERIC_FACT_RANGES } from '../../../contract/vocabulary';
import type { ChecklistItemCode, Treatment } from '../gql/graphql';
import type { Locale } from '../common/i18n';
import { PAIN_LOCATION_LABELS, RED_FLAG_LABELS, RISK_FACTOR_LABELS, TREATMENT_LABELS } from '../common/labels';
import type { WriteName } from './operations';

/**
 * What ticking a checklist item asks for, and the recording it makes: one form per item of the contract's
 * consultation checklist (docs/clinical/guideline.md), fields named and ranged as the API's recording inputs
 * (ranges from the contract's vocabulary). Every form also asks the clinical date (`dateLabel`, today by default).
 */
type Text = Readonly<Record<Locale, string>>;
type Options = Readonly<Record<string, Text>>;

export type FieldSpec =
  | { name: string; kind: 'integer' | 'decimal'; label: Text; min: number; max: number }
  | { name: string; kind: 'yesNo' | 'date'; label: Text }
  | { name: string; kind: 'many' | 'one'; label: Text; options: Options };

/** What was typed, by field name: text for inputs and radio groups, lists for checkbox groups. */
export type FormValues = Record<string, string | string[] | undefined>;

export interface ItemForm {
  fields: readonly FieldSpec[];
  dateLabel?: Text;
  /** The mutation and its input fields (pathwayId, expectedVersion, idempotencyKey and clinicalDate are added). */
  toWrite(values: FormValues): { write: WriteName; input: Record<string, unknown> };
}

/** A number field ranged as the contract's fact `fact`, sent as the input field `name`. */
const range = (fact: keyof typeof NUMERIC_FACT_RANGES, label: Text, name: string = fact): FieldSpec => {
  const { min, max, integer } = NUMERIC_FACT_RANGES[fact];
  return { name, kind: integer ? 'integer' : 'decimal', label, min, max };
};
const yesNo = (name: string, label: Text): FieldSpec => ({ name, kind: 'yesNo', label });

const number = (value: FormValues[string]) => Number(value);
const bool = (value: FormValues[string]) => value === 'yes';
const list = (value: FormValues[string]) => (Array.isArray(value) ? value : []);
/** Each named field, converted. */
const pick = (values: FormValues, fields: readonly FieldSpec[]) =>
  Object.fromEntries(
    fields.map((field) => [
      field.name,
      field.kind === 'integer' || field.kind === 'decimal'
        ? number(values[field.name])
        : field.kind === 'yesNo'
          ? bool(values[field.name])
          : field.kind === 'many'
            ? list(values[field.name])
            : values[field.name],
    ]),
  );

/** A form whose fields all go to one recording, as they are. */
const recording = (write: WriteName, fields: readonly FieldSpec[], dateLabel?: Text): ItemForm => ({
  fields,
  dateLabel,
  toWrite: (values) => ({ write, input: pick(values, fields) }),
});

/** A treatment started on the clinical date: one given treatment, or a choice among several. */
const treatment = (treatments: readonly Treatment[], label: Text): ItemForm => {
  const field: FieldSpec = {
    name: 'treatment',
    kind: 'one',
    label,
    options: Object.fromEntries(treatments.map((code) => [code, TREATMENT_LABELS[code]])),
  };
  return treatments.length === 1
    ? { fields: [], toWrite: () => ({ write: 'startTreatment', input: { treatment: treatments[0] } }) }
    : { fields: [field], toWrite: (values) => ({ write: 'startTreatment', input: { treatment: values.treatment } }) };
};

const NONE_NEEDED = 'NONE_NEEDED';
const OXFORD_HIP_SCORE: Text = { EN: 'Oxford Hip Score (0 to 48)', NL: 'Oxford Hip Score (0 tot 48)' };
const XRAY_DATE: Text = { EN: 'Date of the X-ray', NL: 'Datum van de RX' };
const KL_GRADE: Text = { EN: 'Kellgren-Lawrence grade (0 to 4)', NL: 'Kellgren-Lawrence-graad (0 tot 4)' };
const xrayResult = recording('recordXrayResult', [range('kellgrenLawrenceGrade', KL_GRADE)], XRAY_DATE);

export const ITEM_FORMS: Readonly<Record<ChecklistItemCode, ItemForm>> = {
  ASK_PAIN_LOCATION: recording('recordClinicalExam', [
    { name: 'painLocations', kind: 'many', label: { EN: 'Where is the pain?', NL: 'Waar zit de pijn?' }, options: PAIN_LOCATION_LABELS },
  ]),
  ASK_ACTIVITY_RELATION: recording('recordClinicalExam', [
    yesNo('activityRelatedPain', { EN: 'Pain comes on with use of the hip', NL: 'Pijn komt op bij belasting van de heup' }),
  ]),
  ASK_MORNING_STIFFNESS: recording('recordClinicalExam', [
    range('morningStiffnessMinutes', { EN: 'Morning stiffness (minutes)', NL: 'Ochtendstijfheid (minuten)' }),
  ]),
  ASK_FUNCTION: recording('recordClinicalExam', [
    yesNo('limping', { EN: 'Limping', NL: 'Mankt' }),
    yesNo('difficultyWithFootwear', { EN: 'Difficulty putting on socks or shoes', NL: 'Moeite met kousen of schoenen aantrekken' }),
  ]),
  EXAMINE_RANGE_OF_MOTION: recording('recordClinicalExam', [
    range('internalRotationDegrees', { EN: 'Internal rotation (degrees)', NL: 'Endorotatie (graden)' }),
    range('flexionDegrees', { EN: 'Flexion (degrees)', NL: 'Flexie (graden)' }),
  ]),
  EXAMINE_PAIN_ON_ROTATION: recording('recordClinicalExam', [
    yesNo('painOnInternalRotation', { EN: 'Internal rotation provokes the pain', NL: 'Endorotatie lokt de pijn uit' }),
  ]),
  SCREEN_RED_FLAGS: recording('recordRedFlagScreening', [
    {
      name: 'redFlags',
      kind: 'many',
      label: { EN: 'Red flags present (none ticked: none)', NL: 'Aanwezige alarmsignalen (niets aangevinkt: geen)' },
      options: RED_FLAG_LABELS,
    },
  ]),
  RECORD_BMI: recording('recordRiskFactors', [range('bmi', { EN: 'Body-mass index (kg/m²)', NL: 'Body-mass index (kg/m²)' })]),
  ASK_RISK_FACTORS: recording('recordRiskFactors', [
    {
      name: 'riskFactors',
      kind: 'many',
      label: { EN: 'Risk factors present (none ticked: none)', NL: 'Aanwezige risicofactoren (niets aangevinkt: geen)' },
      options: RISK_FACTOR_LABELS,
    },
  ]),
  RECORD_PAIN_SCORE: recording('recordPatientReportedOutcomes', [range('painScore', { EN: 'Pain score (0 to 10)', NL: 'Pijnscore (0 tot 10)' })]),
  ORDER_XRAY_HIP_AND_PELVIS: xrayResult,
  RECORD_KELLGREN_LAWRENCE_GRADE: xrayResult,
  GIVE_INFORMATION: treatment(['EDUCATION'], TREATMENT_LABELS.EDUCATION),
  PRESCRIBE_EXERCISE: treatment(['EXERCISE_THERAPY', 'PHYSIOTHERAPY'], { EN: 'Prescribed', NL: 'Voorgeschreven' }),
  WEIGHT_MANAGEMENT: treatment(['WEIGHT_MANAGEMENT'], TREATMENT_LABELS.WEIGHT_MANAGEMENT),
  REVIEW_ANALGESIA: {
    fields: [
      {
        name: 'treatment',
        kind: 'one',
        label: { EN: 'Pain medication started', NL: 'Gestarte pijnmedicatie' },
        options: {
          [NONE_NEEDED]: { EN: 'None needed', NL: 'Niet nodig' },
          ...Object.fromEntries(MEDICINES.map((code) => [code, TREATMENT_LABELS[code]])),
        },
      },
    ],
    toWrite: (values) =>
      values.treatment === NONE_NEEDED
        ? { write: 'recordNoAnalgesiaNeeded', input: {} }
        : { write: 'startTreatment', input: { treatment: values.treatment } },
  },
  RECORD_OXFORD_HIP_SCORE: recording('recordPatientReportedOutcomes', [range('oxfordHipScore', OXFORD_HIP_SCORE)]),
  AGREE_FOLLOW_UP: recording('planFollowUp', [{ name: 'followUpDate', kind: 'date', label: { EN: 'Follow-up date', NL: 'Datum van opvolging' } }]),
  DOCUMENT_QUALITY_OF_LIFE_IMPACT: recording('recordSurgicalIndication', [
    yesNo('qualityOfLifeSubstantiallyAffected', { EN: 'Quality of life substantially affected', NL: 'Levenskwaliteit sterk aangetast' }),
  ]),
  DOCUMENT_CONSERVATIVE_TREATMENT: recording('recordSurgicalIndication', [
    yesNo('nonSurgicalTreatmentUnsuitable', { EN: 'Non-surgical treatment unsuitable', NL: 'Niet-chirurgische behandeling niet geschikt' }),
  ]),
  SCREEN_SMOKING_AND_DIABETES: recording('recordSurgicalRiskFactors', [
    yesNo('smoker', { EN: 'Smokes', NL: 'Rookt' }),
    yesNo('diabetesUncontrolled', { EN: 'Diabetes not under control', NL: 'Diabetes niet onder controle' }),
  ]),
  XRAY_AVAILABLE: xrayResult,
  SHARED_DECISION: recording('documentSharedDecision', []),
  RECORD_SURGERY_DATE: recording('recordSurgery', [], { EN: 'Date of surgery', NL: 'Datum van de operatie' }),
  RECORD_POSTOPERATIVE_OXFORD_HIP_SCORE: recording('recordPostoperativeOutcome', [
    range('postoperativeOxfordHipScore', OXFORD_HIP_SCORE, 'oxfordHipScore'),
  ]),
};
