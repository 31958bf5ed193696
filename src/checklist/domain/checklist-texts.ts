import type { Locale } from '../../contract/vocabulary.js';
import type { ChecklistItemCode } from './checklist-items.js';

type Translated = Readonly<Record<Locale, string>>;

/** Item labels in English and Dutch (nl-BE); a missing item or language fails type-checking. */
export const CHECKLIST_LABELS: Readonly<Record<ChecklistItemCode, Translated>> = {
  ASK_PAIN_LOCATION: {
    EN: 'Ask where the pain is (groin, thigh, buttock, knee, lower back)',
    NL: 'Vraag waar de pijn zit (lies, dij, bil, knie, lage rug)',
  },
  ASK_ACTIVITY_RELATION: {
    EN: 'Ask whether the pain comes on with use of the hip',
    NL: 'Vraag of de pijn opkomt bij belasting van de heup',
  },
  ASK_MORNING_STIFFNESS: {
    EN: 'Ask how long morning stiffness lasts',
    NL: 'Vraag hoe lang de ochtendstijfheid duurt',
  },
  ASK_FUNCTION: {
    EN: 'Ask about limping and difficulty putting on socks or shoes',
    NL: 'Vraag naar manken en moeite met kousen of schoenen aantrekken',
  },
  EXAMINE_RANGE_OF_MOTION: {
    EN: 'Measure internal rotation and flexion of the hip',
    NL: 'Meet de endorotatie en de flexie van de heup',
  },
  EXAMINE_PAIN_ON_ROTATION: {
    EN: 'Check whether internal rotation provokes the pain',
    NL: 'Ga na of endorotatie de pijn uitlokt',
  },
  SCREEN_RED_FLAGS: {
    EN: 'Screen for red flags',
    NL: 'Screen op alarmsignalen (rode vlaggen)',
  },
  RECORD_BMI: {
    EN: 'Record the body-mass index',
    NL: 'Noteer de body-mass index (BMI)',
  },
  ASK_RISK_FACTORS: {
    EN: 'Ask about risk factors (heavy work, hip loading, family history, hip injury, dysplasia)',
    NL: 'Vraag naar risicofactoren (zwaar werk, belasting van de heup, familiale voorgeschiedenis, heupletsel, dysplasie)',
  },
  RECORD_PAIN_SCORE: {
    EN: 'Record a pain score (0 to 10)',
    NL: 'Noteer een pijnscore (0 tot 10)',
  },
  ORDER_XRAY_HIP_AND_PELVIS: {
    EN: 'Order an X-ray of hip and pelvis and record it once taken',
    NL: 'Vraag een RX van heup en bekken aan en noteer ze zodra ze genomen is',
  },
  RECORD_KELLGREN_LAWRENCE_GRADE: {
    EN: 'Record the Kellgren-Lawrence grade',
    NL: 'Noteer de Kellgren-Lawrence-graad',
  },
  GIVE_INFORMATION: {
    EN: 'Explain osteoarthritis and how to manage it',
    NL: 'Geef uitleg over artrose en hoe de patiënt ermee kan omgaan',
  },
  PRESCRIBE_EXERCISE: {
    EN: 'Prescribe exercise therapy or physiotherapy',
    NL: 'Schrijf oefentherapie of kinesitherapie voor',
  },
  WEIGHT_MANAGEMENT: {
    EN: 'Support weight loss',
    NL: 'Begeleid bij gewichtsverlies',
  },
  REVIEW_ANALGESIA: {
    EN: 'Review pain medication, or record that none is needed',
    NL: 'Evalueer de pijnmedicatie, of noteer dat ze niet nodig is',
  },
  RECORD_OXFORD_HIP_SCORE: {
    EN: 'Record the Oxford Hip Score',
    NL: 'Noteer de Oxford Hip Score',
  },
  AGREE_FOLLOW_UP: {
    EN: 'Agree a follow-up date',
    NL: 'Spreek een datum voor opvolging af',
  },
  DOCUMENT_QUALITY_OF_LIFE_IMPACT: {
    EN: 'Document how much the hip affects quality of life',
    NL: 'Documenteer hoeveel de heup de levenskwaliteit beïnvloedt',
  },
  DOCUMENT_CONSERVATIVE_TREATMENT: {
    EN: 'Document the conservative treatment given, or why it is unsuitable',
    NL: 'Documenteer de gevolgde conservatieve behandeling, of waarom die niet geschikt is',
  },
  SCREEN_SMOKING_AND_DIABETES: {
    EN: 'Ask about smoking and diabetes control',
    NL: 'Vraag naar roken en de regeling van diabetes',
  },
  XRAY_AVAILABLE: {
    EN: 'Make sure an X-ray of hip and pelvis is available',
    NL: 'Zorg dat er een RX van heup en bekken beschikbaar is',
  },
  SHARED_DECISION: {
    EN: 'Discuss the options, benefits and risks of surgery and document the shared decision',
    NL: 'Bespreek de opties, voordelen en risico’s van een operatie en documenteer de gezamenlijke beslissing',
  },
  RECORD_SURGERY_DATE: {
    EN: 'Record the date of surgery',
    NL: 'Noteer de datum van de operatie',
  },
  RECORD_POSTOPERATIVE_OXFORD_HIP_SCORE: {
    EN: 'Record the Oxford Hip Score after surgery',
    NL: 'Noteer de Oxford Hip Score na de operatie',
  },
};

/** Why WEIGHT_MANAGEMENT is not applicable when the BMI is below 25. */
export const BMI_BELOW_25_REASON: Translated = {
  EN: 'BMI below 25',
  NL: 'BMI lager dan 25',
};
