import type { HipSide, Locale } from '../../contract/vocabulary.js';
import type { OverrideReasonCode } from '../../pathways/domain/pathway-events.js';
import type { OrderSuggestionCode } from './draft-orders.js';

/** What an order suggestion says: the button, the action, and the order's own text. */
export interface OrderTexts {
  readonly label: string;
  readonly description: string;
  /** The text of the draft resource's code. */
  readonly orderText: string;
}

/** The words cards add to the guideline's own texts, per locale. */
export interface CdsTexts {
  readonly hip: Readonly<Record<HipSide, string>>;
  /** The diagnosis a draft order gives as its reason. */
  readonly diagnosis: Readonly<Record<HipSide, string>>;
  readonly why: string;
  readonly sources: string;
  readonly openPathway: string;
  readonly overrideReasons: Readonly<Record<OverrideReasonCode, string>>;
  readonly orders: Readonly<Record<OrderSuggestionCode, OrderTexts>>;
  readonly imagingCheck: {
    readonly summary: string;
    readonly detail: string;
    readonly label: string;
    readonly description: string;
  };
}

const EN: CdsTexts = {
  hip: { LEFT: 'Left hip', RIGHT: 'Right hip' },
  diagnosis: { LEFT: 'Osteoarthritis of the left hip', RIGHT: 'Osteoarthritis of the right hip' },
  why: 'Why',
  sources: 'Sources',
  openPathway: 'Open the hip pathway',
  overrideReasons: {
    PATIENT_PREFERENCE: 'Patient preference',
    CLINICAL_JUDGEMENT: 'Clinical judgement',
    CONTRAINDICATION: 'Contraindication',
    ALREADY_DONE: 'Already done',
    NOT_APPLICABLE_TO_PATIENT: 'Not applicable to this patient',
    OTHER: 'Other reason',
  },
  orders: {
    CONSIDER_XRAY_HIP_AND_PELVIS: {
      label: 'Order an X-ray of pelvis and hip',
      description: 'Create a draft order for an X-ray of pelvis and hip',
      orderText: 'X-ray of pelvis and hip',
    },
    START_EXERCISE_THERAPY: {
      label: 'Refer for physiotherapy (exercise therapy)',
      description: 'Create a draft referral for physiotherapy with exercise therapy',
      orderText: 'Physiotherapy: exercise therapy for hip osteoarthritis',
    },
    REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT: {
      label: 'Refer to an orthopaedic surgeon',
      description: 'Create a draft referral to an orthopaedic surgeon for joint replacement assessment',
      orderText: 'Orthopaedic assessment for total hip replacement',
    },
    ADD_GASTROPROTECTION: {
      label: 'Prescribe a proton pump inhibitor',
      description: 'Create a draft prescription for a proton pump inhibitor beside the oral NSAID',
      orderText: 'Proton pump inhibitor (gastroprotection beside an oral NSAID)',
    },
  },
  imagingCheck: {
    summary: 'X-ray not routinely needed for typical hip osteoarthritis (NICE NG226 1.1.2)',
    detail:
      'The recorded findings show a typical presentation of hip osteoarthritis without atypical features. Diagnose osteoarthritis clinically, without imaging, in people aged 45 or over with a typical presentation; image only when features are atypical or another diagnosis is suspected (NICE NG226 1.1.1–1.1.2).',
    label: 'Cancel the X-ray order',
    description: 'Delete the draft X-ray order',
  },
};

const NL: CdsTexts = {
  hip: { LEFT: 'Linkerheup', RIGHT: 'Rechterheup' },
  diagnosis: { LEFT: 'Artrose van de linkerheup', RIGHT: 'Artrose van de rechterheup' },
  why: 'Waarom',
  sources: 'Bronnen',
  openPathway: 'Open het heuptraject',
  overrideReasons: {
    PATIENT_PREFERENCE: 'Voorkeur van de patiënt',
    CLINICAL_JUDGEMENT: 'Klinisch oordeel',
    CONTRAINDICATION: 'Contra-indicatie',
    ALREADY_DONE: 'Al gebeurd',
    NOT_APPLICABLE_TO_PATIENT: 'Niet van toepassing op deze patiënt',
    OTHER: 'Andere reden',
  },
  orders: {
    CONSIDER_XRAY_HIP_AND_PELVIS: {
      label: 'RX van bekken en heup aanvragen',
      description: 'Maak een ontwerpaanvraag voor een RX van bekken en heup',
      orderText: 'RX bekken en heup',
    },
    START_EXERCISE_THERAPY: {
      label: 'Verwijzen naar kinesitherapie (oefentherapie)',
      description: 'Maak een ontwerpverwijzing naar kinesitherapie voor oefentherapie',
      orderText: 'Kinesitherapie: oefentherapie bij heupartrose',
    },
    REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT: {
      label: 'Verwijzen naar een orthopedisch chirurg',
      description: 'Maak een ontwerpverwijzing naar een orthopedisch chirurg voor beoordeling van een heupprothese',
      orderText: 'Orthopedische beoordeling voor een totale heupprothese',
    },
    ADD_GASTROPROTECTION: {
      label: 'Een protonpompremmer voorschrijven',
      description: 'Maak een ontwerpvoorschrift voor een protonpompremmer naast het orale NSAID',
      orderText: 'Protonpompremmer (maagbescherming naast een oraal NSAID)',
    },
  },
  imagingCheck: {
    summary: 'RX niet routinematig nodig bij typische heupartrose (NICE NG226 1.1.2)',
    detail:
      'De geregistreerde bevindingen tonen een typisch beeld van heupartrose zonder atypische kenmerken. Stel de diagnose artrose klinisch, zonder beeldvorming, bij wie 45 jaar of ouder is en een typisch beeld heeft; vraag beeldvorming enkel aan bij atypische kenmerken of een vermoeden van een andere diagnose (NICE NG226 1.1.1–1.1.2).',
    label: 'RX-aanvraag annuleren',
    description: 'Verwijder de ontwerpaanvraag voor de RX',
  },
};

export const CDS_TEXTS: Readonly<Record<Locale, CdsTexts>> = { EN, NL };
