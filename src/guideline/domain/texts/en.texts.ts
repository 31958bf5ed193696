import type { LocaleTexts } from './locale-texts.js';

export const EN_TEXTS: LocaleTexts = {
  suggestions: {
    OUT_OF_SCOPE_PAEDIATRIC: {
      title: 'Under 16: outside this adult hip osteoarthritis pathway',
      detail:
        'This pathway is for adults (NICE NG226 covers people aged 16 and over). Assess for paediatric hip conditions such as slipped capital femoral epiphysis, Perthes disease, septic arthritis or hip dysplasia, and refer to paediatric orthopaedics where needed.',
    },
    RED_FLAG_SUSPECTED_INFECTION: {
      title: 'Red flag: suspected joint infection, same-day emergency assessment',
      detail:
        'Fever, a hot, red, swollen joint, or a recent joint injection or surgery suggest septic arthritis. Arrange same-day emergency assessment; do not inject the joint (NICE NG226 1.1.2: atypical features may indicate another diagnosis).',
    },
    RED_FLAG_SUSPECTED_FRACTURE: {
      title: 'Red flag: suspected hip fracture, urgent X-ray',
      detail:
        'Trauma, or a minor fall with osteoporosis, and unable to bear weight; or thigh pain on long-term bisphosphonates. Arrange an urgent X-ray of pelvis and hip, and MRI if it is negative while the suspicion remains (NICE NG226 1.1.2; ACR Appropriateness Criteria).',
    },
    RED_FLAG_MALIGNANCY: {
      title: 'Red flag: signs of possible malignancy, urgent imaging or referral',
      detail:
        'A history of cancer, unexplained weight loss, constant or night pain, or a groin mass. Arrange urgent imaging or an urgent referral (NICE NG226 1.1.2).',
    },
    RED_FLAG_LIMB_ISCHAEMIA: {
      title: 'Red flag: suspected acute limb ischaemia, emergency vascular assessment',
      detail: 'A cold, pale or pulseless leg, or a pulsatile groin mass. Arrange emergency vascular assessment (NICE NG226 1.1.2).',
    },
    RED_FLAG_CAUDA_EQUINA: {
      title: 'Red flag: suspected cauda equina syndrome, emergency spinal assessment',
      detail:
        'Saddle anaesthesia, bladder or bowel dysfunction, or progressive or bilateral leg weakness. Arrange emergency spinal assessment (NICE NG226 1.1.2).',
    },
    RED_FLAG_AVASCULAR_NECROSIS: {
      title: 'Risk of avascular necrosis: orthopaedic review and MRI',
      detail:
        'Corticosteroid use, alcohol excess, sickle cell disease or a younger patient raise the risk of avascular necrosis of the femoral head. Arrange orthopaedic review and an MRI, which shows early necrosis that radiographs miss (ACR Appropriateness Criteria).',
    },
    RED_FLAG_INFLAMMATORY_ARTHRITIS: {
      title: 'Signs of inflammatory arthritis: consider rheumatology referral',
      detail:
        'Several swollen joints, psoriasis or inflammatory bowel disease suggest inflammatory arthritis rather than osteoarthritis (NICE NG226 1.1.2; NOV 2018, diagnostics). Consider referral to rheumatology.',
    },
    RED_FLAG_RADICULAR: {
      title: 'Radicular signs: assess the spine as the source of the pain',
      detail:
        'Pain radiating below the knee, numbness or tingling point to a spinal origin. Assess the lumbar spine as the source of the pain before attributing it to the hip (NICE NG226 1.1.2).',
    },
    RED_FLAG_CLAUDICATION: {
      title: 'Claudication: arrange vascular assessment',
      detail:
        'Exertional calf or buttock pain relieved by rest suggests peripheral arterial disease. Arrange vascular assessment; the hip osteoarthritis pathway continues alongside it (NICE NG226 1.1.2).',
    },
    RED_FLAG_RAPID_PROGRESSION: {
      title: 'Rapid progression or new deformity: specialist assessment',
      detail:
        'Rapid worsening or a new deformity is atypical for osteoarthritis and may point to another or an additional diagnosis (NICE NG226 1.1.2; NOV 2018, diagnostics). Arrange specialist assessment.',
    },
    REVIEW_NSAID_RISK: {
      title: 'Oral NSAID with risk factors or age 65+: review the prescription',
      detail:
        'Weigh gastrointestinal, renal, cardiovascular and bleeding risk before continuing the oral NSAID. Use the lowest effective dose for the shortest possible time, or choose an alternative (NICE NG226, pharmacological management; AAOS 2023).',
    },
    RECORD_NSAID_RISK_FACTORS: {
      title: 'Oral NSAID given: record the NSAID risk factors',
      detail:
        'An oral NSAID is given but NSAID risk factors are not recorded. Record a history of GI ulcer or bleeding, renal impairment, heart failure, cardiovascular disease and anticoagulant use, or that none apply (NICE NG226, pharmacological management).',
    },
    ADD_GASTROPROTECTION: {
      title: 'Oral NSAID without gastroprotection: add a proton pump inhibitor',
      detail: 'Give a proton pump inhibitor alongside an oral NSAID, or reconsider the NSAID (NICE NG226, pharmacological management).',
    },
    TAPER_STRONG_OPIOID: {
      title: 'Strong opioid: not recommended for osteoarthritis, review and taper',
      detail:
        'Strong opioids are not recommended for osteoarthritis (NICE NG226, pharmacological management; AAOS 2023). Review with the patient and taper gradually; do not stop abruptly.',
    },
    REVIEW_WEAK_OPIOID: {
      title: 'Weak opioid: review the need and taper before arthroplasty',
      detail:
        'Do not use weak opioids routinely for osteoarthritis: only for infrequent short-term use when other options have failed or are unsuitable (NICE NG226, pharmacological management). Taper before arthroplasty (AAOS 2023).',
    },
    SCREEN_RED_FLAGS: {
      title: 'Screen for red flags',
      detail:
        'No red-flag screening is recorded. Ask about and examine for infection, fracture, malignancy, acute limb ischaemia, cauda equina, avascular necrosis, inflammatory arthritis, radicular pain, claudication and rapid progression (NICE NG226 1.1.2).',
    },
    COMPLETE_CLINICAL_EXAM: {
      title: 'Complete the clinical examination',
      detail:
        'Record activity-related pain, the duration of morning stiffness, passive internal rotation and whether internal rotation provokes the pain: they decide whether the diagnosis can be made clinically (NICE NG226 1.1.1; ACR 1991 criteria).',
    },
    DIAGNOSE_CLINICALLY_WITHOUT_IMAGING: {
      title: 'Typical presentation: diagnose hip osteoarthritis clinically, without imaging',
      detail:
        'Age 45 or over, activity-related pain, morning stiffness of 30 minutes or less and painful or limited internal rotation, without atypical features. Diagnose osteoarthritis clinically without imaging and start core treatment (NICE NG226 1.1.1; NICE QS87 statement 1; NOV 2018).',
    },
    CONSIDER_XRAY_HIP_AND_PELVIS: {
      title: 'Consider an X-ray of hip and pelvis',
      detail: {
        CLINICAL_EXAM:
          'The presentation is atypical (under 45, pain not related to activity, morning stiffness over 30 minutes, normal painless internal rotation, or a red flag). Consider another or an additional diagnosis (NICE NG226 1.1.2) and request radiographs of pelvis and hip first (ACR Appropriateness Criteria).',
        IMAGING:
          'No X-ray result is recorded. Request radiographs of pelvis and hip first; MRI only when they are negative or equivocal (ACR Appropriateness Criteria).',
        CONSERVATIVE_TREATMENT:
          'The referral criteria are met and no X-ray is recorded. Radiographs of pelvis and hip are needed for surgical planning (ACR Appropriateness Criteria).',
        SURGICAL_REFERRAL: 'No X-ray is recorded. Radiographs of pelvis and hip are needed for surgical planning (ACR Appropriateness Criteria).',
      },
    },
    RECONSIDER_DIAGNOSIS: {
      title: 'Little radiographic osteoarthritis: reconsider the diagnosis',
      detail: {
        IMAGING:
          'Kellgren-Lawrence grade 0–1: little radiographic osteoarthritis. Look for another cause: lumbar spine, greater trochanteric pain, avascular necrosis or occult fracture (MRI) (NICE NG226 1.1.2; ACR Appropriateness Criteria).',
        CONSERVATIVE_TREATMENT:
          'The referral criteria are met but the Kellgren-Lawrence grade is 0–1. Exclude other causes (lumbar spine, greater trochanteric pain, avascular necrosis, occult fracture: MRI) before surgery (NICE NG226 1.1.2; ACR Appropriateness Criteria).',
      },
    },
    RECORD_XRAY_RESULT: {
      title: 'Record the Kellgren-Lawrence grade of the X-ray',
      detail:
        'An X-ray of the hip is recorded without a Kellgren-Lawrence grade. Record the grade (0–4) from the radiology report (ACR Appropriateness Criteria).',
    },
    OPTIMISE_BEFORE_SURGERY: {
      title: 'Smoking or uncontrolled diabetes: optimise before surgery',
      detail: {
        CONSERVATIVE_TREATMENT:
          'The referral criteria are met and the patient smokes or has poorly controlled diabetes. Start optimising now: support stopping nicotine and improve glycaemic control (ACR/AAHKS 2023). This is not a reason to refuse referral (NICE NG226, referral for joint replacement).',
        SURGICAL_REFERRAL:
          'The patient smokes or has poorly controlled diabetes. Optimise before elective arthroplasty: stop nicotine and improve glycaemic control (ACR/AAHKS 2023). This is not a reason to refuse surgery.',
      },
    },
    STOP_HYALURONIC_ACID: {
      title: 'Hyaluronic acid injections are not recommended: stop them',
      detail:
        'Do not offer intra-articular hyaluronic acid for osteoarthritis (NICE NG226, pharmacological management; AAOS 2023). Stop it and review the pain management.',
    },
    REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT: {
      title: 'Refer for assessment for hip replacement',
      detail:
        'Symptoms substantially affect quality of life, red flags were screened and none found, and core treatment was given for at least 12 weeks or non-surgical treatment is unsuitable. Refer for joint replacement assessment (NICE NG226, referral for joint replacement; NICE QS87 statement 7). Do not withhold referral because of age, sex, BMI, smoking, comorbidity or scores (NICE QS87 statement 8).',
    },
    PROVIDE_OA_INFORMATION: {
      title: 'Give information on osteoarthritis and self-management',
      detail:
        'Explain the condition and its course, including flares, correct misconceptions, and explain the role of exercise, weight and pain relief; give written information and support self-management (NICE NG226 1.2.1–1.2.3; NICE QS87 statement 3).',
    },
    START_EXERCISE_THERAPY: {
      title: 'Start therapeutic exercise (supervised physiotherapy)',
      detail:
        'Offer tailored therapeutic exercise, such as local muscle strengthening and general aerobic fitness, preferably supervised by a physiotherapist. Explain that pain may increase at first and that regular exercise helps in the long term (NICE NG226, non-pharmacological management; NICE QS87 statement 4; AAOS 2023).',
    },
    SUPPORT_WEIGHT_LOSS: {
      title: 'BMI 25 or more: support weight loss',
      detail:
        'Explain that weight loss improves pain, function and quality of life, and agree a goal: any loss helps, and more loss brings more benefit (NICE NG226, non-pharmacological management; NICE QS87 statement 5).',
    },
    CONSIDER_WALKING_AID: {
      title: 'Limping: consider a walking aid',
      detail:
        'An antalgic gait is recorded and no walking aid is in use. Consider a walking stick, held in the hand opposite the painful hip (NICE NG226, non-pharmacological management).',
    },
    CONSIDER_ORAL_NSAID: {
      title: 'Pain score 4 or more: consider an oral NSAID',
      detail:
        'No NSAID risk factors are recorded. Consider an oral NSAID at the lowest effective dose for the shortest possible time, with gastroprotection, alongside therapeutic exercise (NICE NG226, pharmacological management; AAOS 2023).',
    },
    CONSIDER_INTRA_ARTICULAR_CORTICOSTEROID: {
      title: 'Consider an image-guided intra-articular corticosteroid injection',
      detail:
        'Pain score 4 or more while on an oral NSAID, or NSAIDs are unsuitable because of risk factors. Consider an image-guided intra-articular corticosteroid injection for short-term relief to support exercise (NICE NG226, pharmacological management; AAOS 2023).',
    },
    STOP_GLUCOSAMINE: {
      title: 'Glucosamine is not recommended: advise stopping it',
      detail: 'Do not offer glucosamine for osteoarthritis; it has no proven benefit (NICE NG226, pharmacological management).',
    },
    CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT: {
      title: 'Continue core treatment and review at 12 weeks',
      detail:
        'The referral criteria are not met (yet). Continue information, exercise and weight management and review at 12 weeks; referral follows at least 3 months of core treatment unless non-surgical treatment is unsuitable (NICE QS87 statement 7; NOV 2018, stepped care).',
    },
    RECORD_PATIENT_REPORTED_OUTCOMES: {
      title: 'Record patient-reported outcomes',
      detail: {
        CONSERVATIVE_TREATMENT: 'Record the pain score (0–10) and the Oxford Hip Score to follow the effect of treatment (NICE QS87).',
        SURGICAL_REFERRAL: 'Record a preoperative Oxford Hip Score: it is the baseline for judging the result of surgery (NICE NG157, follow-up).',
      },
    },
    RECENT_INTRA_ARTICULAR_INJECTION: {
      title: 'Recent intra-articular corticosteroid injection: plan surgery 3+ months after it',
      detail:
        'Plan hip replacement at least 3 months after the intra-articular injection: an injection shortly before arthroplasty raises the risk of periprosthetic joint infection (AAOS PJI 2019).',
    },
    DISCUSS_SHARED_DECISION: {
      title: 'Discuss and document the decision on surgery',
      detail:
        'Discuss the options, including not having surgery, with their benefits and risks, and document the shared decision (NICE NG157 1.1.2).',
    },
    REVIEW_POOR_POSTOPERATIVE_OUTCOME: {
      title: 'Poor result after hip replacement: review',
      detail:
        'The Oxford Hip Score improved by less than 8 points (the minimal important change) 26 weeks or more after surgery. Check for infection (CRP, ESR), loosening, instability and referred pain, and request a hip X-ray (NICE NG157, follow-up; ACR Appropriateness Criteria).',
    },
    RECORD_POSTOPERATIVE_OUTCOME: {
      title: 'Record the postoperative Oxford Hip Score',
      detail:
        'It is 26 weeks or more since surgery and no postoperative Oxford Hip Score is recorded. Record it to compare with the preoperative score (NICE NG157, follow-up).',
    },
  },
  factLabels: {
    stage: 'stage',
    ageYears: 'age (years)',
    bmi: 'BMI (kg/m²)',
    painLocations: 'pain locations',
    activityRelatedPain: 'activity-related pain',
    painAtRest: 'pain at rest or at night',
    morningStiffnessMinutes: 'morning stiffness (minutes)',
    internalRotationDegrees: 'passive internal rotation (degrees)',
    flexionDegrees: 'hip flexion (degrees)',
    painOnInternalRotation: 'pain on internal rotation',
    limping: 'limping',
    difficultyWithFootwear: 'difficulty with footwear',
    painScore: 'pain score (0–10)',
    oxfordHipScore: 'Oxford Hip Score (before surgery)',
    redFlagsScreened: 'red flags screened',
    redFlags: 'red flags',
    riskFactors: 'risk factors',
    xrayPerformed: 'X-ray done',
    kellgrenLawrenceGrade: 'Kellgren-Lawrence grade',
    treatments: 'treatments',
    conservativeTreatmentWeeks: 'weeks since core treatment was complete',
    nsaidRiskFactors: 'NSAID risk factors',
    qualityOfLifeSubstantiallyAffected: 'quality of life substantially affected',
    nonSurgicalTreatmentUnsuitable: 'non-surgical treatment unsuitable',
    smoker: 'smoker',
    diabetesUncontrolled: 'uncontrolled diabetes',
    sharedDecisionDocumented: 'shared decision documented',
    weeksSinceSurgery: 'weeks since surgery',
    postoperativeOxfordHipScore: 'Oxford Hip Score (after surgery)',
  },
  derivedFactLabels: {
    typicalPresentation: 'typical presentation',
    atypical: 'atypical features',
    coreTreatmentGiven: 'core treatment given',
    referralRule: 'referral criteria met',
  },
  statement: {
    and: 'and',
    or: 'or',
    isFalse: (subject) => `${subject} is false`,
    isNotTrue: (subject) => `${subject} is not true`,
    not: (clause) => `not (${clause})`,
    inList: (item, list) => `${item} in ${list}`,
    notInList: (item, list) => `${item} not in ${list}`,
    any: (list) => `any ${list}`,
    none: (list) => `no ${list} (known empty)`,
    noneRecorded: (list) => `no ${list} recorded (absent or empty)`,
    unknown: (fact) => `${fact} unknown`,
  },
  explanation: {
    yes: 'yes',
    no: 'no',
    unknown: 'unknown',
    none: 'none',
    sentence: (statement, values) => `Shown because ${statement}. Values: ${values}.`,
  },
};
