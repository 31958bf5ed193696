import type { LocaleTexts } from './locale-texts.js';

/** Dutch as used in Flemish clinical practice (nl-BE). */
export const NL_TEXTS: LocaleTexts = {
  suggestions: {
    OUT_OF_SCOPE_PAEDIATRIC: {
      title: 'Jonger dan 16: buiten dit zorgpad heupartrose voor volwassenen',
      detail:
        'Dit zorgpad is voor volwassenen (NICE NG226 geldt vanaf 16 jaar). Denk aan heupaandoeningen bij kinderen, zoals epifysiolyse, de ziekte van Perthes, septische artritis of heupdysplasie, en verwijs zo nodig naar de kinderorthopedie.',
    },
    RED_FLAG_SUSPECTED_INFECTION: {
      title: 'Alarmsignaal: vermoeden van gewrichtsinfectie, dezelfde dag dringend laten beoordelen',
      detail:
        'Koorts, een warm, rood, gezwollen gewricht, of een recente gewrichtsinfiltratie of operatie wijzen op septische artritis. Laat de patiënt dezelfde dag dringend beoordelen (spoedgevallen); infiltreer het gewricht niet (NICE NG226 1.1.2: atypische kenmerken kunnen op een andere diagnose wijzen).',
    },
    RED_FLAG_SUSPECTED_FRACTURE: {
      title: 'Alarmsignaal: vermoeden van heupfractuur, dringend RX',
      detail:
        'Trauma, of een kleine val bij osteoporose, en niet kunnen steunen; of dijpijn bij langdurig gebruik van bisfosfonaten. Vraag dringend een RX van bekken en heup aan, en een MRI als die negatief is en het vermoeden blijft (NICE NG226 1.1.2; ACR Appropriateness Criteria).',
    },
    RED_FLAG_MALIGNANCY: {
      title: 'Alarmsignaal: tekenen van mogelijke maligniteit, dringend beeldvorming of verwijzing',
      detail:
        'Voorgeschiedenis van kanker, onverklaard gewichtsverlies, constante pijn of nachtpijn, of een zwelling in de lies. Regel dringend beeldvorming of een dringende verwijzing (NICE NG226 1.1.2).',
    },
    RED_FLAG_LIMB_ISCHAEMIA: {
      title: 'Alarmsignaal: vermoeden van acute ischemie van het been, dringend vasculair nazicht',
      detail:
        'Een koud, bleek of polsloos been, of een pulserende zwelling in de lies. Laat dringend vasculair beoordelen (spoedgevallen) (NICE NG226 1.1.2).',
    },
    RED_FLAG_CAUDA_EQUINA: {
      title: 'Alarmsignaal: vermoeden van caudasyndroom, dringend spinaal nazicht',
      detail:
        'Rijbroekanesthesie, blaas- of darmstoornissen, of progressief of bilateraal krachtverlies in de benen. Laat dringend spinaal beoordelen (spoedgevallen) (NICE NG226 1.1.2).',
    },
    RED_FLAG_AVASCULAR_NECROSIS: {
      title: 'Risico op avasculaire necrose: orthopedisch nazicht en MRI',
      detail:
        'Gebruik van corticosteroïden, overmatig alcoholgebruik, sikkelcelziekte of een jongere patiënt verhogen het risico op avasculaire necrose van de heupkop. Verwijs naar de orthopedist en vraag een MRI aan, die vroege necrose toont die op RX nog niet zichtbaar is (ACR Appropriateness Criteria).',
    },
    RED_FLAG_INFLAMMATORY_ARTHRITIS: {
      title: 'Tekenen van inflammatoire artritis: overweeg verwijzing naar reumatologie',
      detail:
        'Meerdere gezwollen gewrichten, psoriasis of een inflammatoire darmziekte wijzen eerder op een inflammatoire artritis dan op artrose (NICE NG226 1.1.2; NOV 2018, diagnostiek). Overweeg een verwijzing naar de reumatoloog.',
    },
    RED_FLAG_RADICULAR: {
      title: 'Radiculaire tekenen: onderzoek de wervelkolom als oorzaak van de pijn',
      detail:
        'Pijn die uitstraalt tot onder de knie, gevoelloosheid of tintelingen wijzen op een spinale oorzaak. Onderzoek de lumbale wervelkolom als bron van de pijn voor u die aan de heup toeschrijft (NICE NG226 1.1.2).',
    },
    RED_FLAG_CLAUDICATION: {
      title: 'Claudicatio: laat vasculair nazien',
      detail:
        'Pijn in kuit of bil bij inspanning die verdwijnt in rust wijst op perifeer arterieel vaatlijden. Laat vasculair nazien; het zorgpad heupartrose loopt daarnaast verder (NICE NG226 1.1.2).',
    },
    RED_FLAG_RAPID_PROGRESSION: {
      title: 'Snelle progressie of nieuwe misvorming: beoordeling door een specialist',
      detail:
        'Snelle verslechtering of een nieuwe misvorming is atypisch voor artrose en kan wijzen op een andere of bijkomende diagnose (NICE NG226 1.1.2; NOV 2018, diagnostiek). Laat beoordelen door een specialist.',
    },
    REVIEW_NSAID_RISK: {
      title: 'Oraal NSAID bij risicofactoren of leeftijd 65+: herzie het voorschrift',
      detail:
        'Weeg het gastro-intestinale, renale, cardiovasculaire en bloedingsrisico af voor u het orale NSAID verderzet. Gebruik de laagst werkzame dosis zo kort mogelijk, of kies een alternatief (NICE NG226, farmacologische behandeling; AAOS 2023).',
    },
    RECORD_NSAID_RISK_FACTORS: {
      title: 'Oraal NSAID gegeven: registreer de NSAID-risicofactoren',
      detail:
        'Er wordt een oraal NSAID gegeven, maar de NSAID-risicofactoren zijn niet geregistreerd. Noteer een voorgeschiedenis van maagzweer of gastro-intestinale bloeding, nierinsufficiëntie, hartfalen, cardiovasculaire aandoening en gebruik van anticoagulantia, of dat er geen zijn (NICE NG226, farmacologische behandeling).',
    },
    ADD_GASTROPROTECTION: {
      title: 'Oraal NSAID zonder maagbescherming: voeg een protonpompremmer toe',
      detail: 'Geef een protonpompremmer samen met een oraal NSAID, of herbekijk het NSAID (NICE NG226, farmacologische behandeling).',
    },
    TAPER_STRONG_OPIOID: {
      title: 'Sterk opioïd: niet aanbevolen bij artrose, herzien en afbouwen',
      detail:
        'Sterke opioïden worden bij artrose niet aanbevolen (NICE NG226, farmacologische behandeling; AAOS 2023). Bespreek het met de patiënt en bouw geleidelijk af; stop niet abrupt.',
    },
    REVIEW_WEAK_OPIOID: {
      title: 'Zwak opioïd: herbekijk de nood en bouw af voor de operatie',
      detail:
        'Gebruik zwakke opioïden niet routinematig bij artrose: enkel af en toe en kortdurend wanneer andere opties faalden of ongeschikt zijn (NICE NG226, farmacologische behandeling). Bouw af voor een heupprothese (AAOS 2023).',
    },
    SCREEN_RED_FLAGS: {
      title: 'Vraag de alarmsignalen na',
      detail:
        'Er is geen screening op alarmsignalen geregistreerd. Vraag en onderzoek naar infectie, fractuur, maligniteit, acute ischemie van het been, caudasyndroom, avasculaire necrose, inflammatoire artritis, radiculaire pijn, claudicatio en snelle progressie (NICE NG226 1.1.2).',
    },
    COMPLETE_CLINICAL_EXAM: {
      title: 'Vervolledig het klinisch onderzoek',
      detail:
        'Noteer of de pijn belastingsgebonden is, hoelang de ochtendstijfheid duurt, de passieve endorotatie en of endorotatie de pijn uitlokt: zij bepalen of de diagnose klinisch gesteld kan worden (NICE NG226 1.1.1; ACR-criteria 1991).',
    },
    DIAGNOSE_CLINICALLY_WITHOUT_IMAGING: {
      title: 'Typisch beeld: stel de diagnose heupartrose klinisch, zonder beeldvorming',
      detail:
        '45 jaar of ouder, belastingsgebonden pijn, ochtendstijfheid van hoogstens 30 minuten en een pijnlijke of beperkte endorotatie, zonder atypische kenmerken. Stel de diagnose artrose klinisch, zonder beeldvorming, en start de kernbehandeling (NICE NG226 1.1.1; NICE QS87 statement 1; NOV 2018).',
    },
    CONSIDER_XRAY_HIP_AND_PELVIS: {
      title: 'Overweeg een RX van heup en bekken',
      detail: {
        CLINICAL_EXAM:
          'Het beeld is atypisch (jonger dan 45, pijn niet belastingsgebonden, ochtendstijfheid langer dan 30 minuten, normale pijnloze endorotatie, of een alarmsignaal). Denk aan een andere of bijkomende diagnose (NICE NG226 1.1.2) en vraag eerst een RX van bekken en heup aan (ACR Appropriateness Criteria).',
        IMAGING:
          'Er is geen RX-resultaat geregistreerd. Vraag eerst een RX van bekken en heup aan; een MRI enkel als die negatief of twijfelachtig is (ACR Appropriateness Criteria).',
        CONSERVATIVE_TREATMENT:
          'De verwijscriteria zijn voldaan en er is geen RX geregistreerd. Een RX van bekken en heup is nodig voor de chirurgische planning (ACR Appropriateness Criteria).',
        SURGICAL_REFERRAL:
          'Er is geen RX geregistreerd. Een RX van bekken en heup is nodig voor de chirurgische planning (ACR Appropriateness Criteria).',
      },
    },
    RECONSIDER_DIAGNOSIS: {
      title: 'Weinig radiologische artrose: herbekijk de diagnose',
      detail: {
        IMAGING:
          'Kellgren-Lawrence-graad 0–1: weinig radiologische artrose. Zoek een andere oorzaak: lumbale wervelkolom, trochanterpijn, avasculaire necrose of occulte fractuur (MRI) (NICE NG226 1.1.2; ACR Appropriateness Criteria).',
        CONSERVATIVE_TREATMENT:
          'De verwijscriteria zijn voldaan, maar de Kellgren-Lawrence-graad is 0–1. Sluit andere oorzaken uit (lumbale wervelkolom, trochanterpijn, avasculaire necrose, occulte fractuur: MRI) voor een operatie (NICE NG226 1.1.2; ACR Appropriateness Criteria).',
      },
    },
    RECORD_XRAY_RESULT: {
      title: 'Registreer de Kellgren-Lawrence-graad van de RX',
      detail:
        'Er is een RX van de heup geregistreerd zonder Kellgren-Lawrence-graad. Noteer de graad (0–4) uit het radiologieverslag (ACR Appropriateness Criteria).',
    },
    OPTIMISE_BEFORE_SURGERY: {
      title: 'Roken of slecht geregelde diabetes: optimaliseer voor de operatie',
      detail: {
        CONSERVATIVE_TREATMENT:
          'De verwijscriteria zijn voldaan en de patiënt rookt of heeft een slecht geregelde diabetes. Begin nu met optimaliseren: ondersteun rookstop en verbeter de glykemieregeling (ACR/AAHKS 2023). Dit is geen reden om niet te verwijzen (NICE NG226, verwijzing voor gewrichtsvervanging).',
        SURGICAL_REFERRAL:
          'De patiënt rookt of heeft een slecht geregelde diabetes. Optimaliseer voor de geplande heupprothese: rookstop en betere glykemieregeling (ACR/AAHKS 2023). Dit is geen reden om de operatie te weigeren.',
      },
    },
    STOP_HYALURONIC_ACID: {
      title: 'Hyaluronzuurinfiltraties worden niet aanbevolen: stop ermee',
      detail:
        'Geef geen intra-articulair hyaluronzuur bij artrose (NICE NG226, farmacologische behandeling; AAOS 2023). Stop ermee en herbekijk de pijnbehandeling.',
    },
    REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT: {
      title: 'Verwijs voor beoordeling van een heupprothese',
      detail:
        'De klachten tasten de levenskwaliteit sterk aan, de alarmsignalen zijn nagevraagd en afwezig, en de kernbehandeling liep minstens 12 weken of een niet-chirurgische behandeling is ongeschikt. Verwijs naar de orthopedist voor beoordeling van een gewrichtsvervanging (NICE NG226, verwijzing voor gewrichtsvervanging; NICE QS87 statement 7). Sluit niemand uit op basis van leeftijd, geslacht, BMI, roken, comorbiditeit of scores (NICE QS87 statement 8).',
    },
    PROVIDE_OA_INFORMATION: {
      title: 'Geef informatie over artrose en zelfmanagement',
      detail:
        'Leg de aandoening en het verloop uit, ook opstoten, weerleg misvattingen en leg de rol van beweging, gewicht en pijnstilling uit; geef schriftelijke informatie en ondersteun zelfmanagement (NICE NG226 1.2.1–1.2.3; NICE QS87 statement 3).',
    },
    START_EXERCISE_THERAPY: {
      title: 'Start oefentherapie (kinesitherapie)',
      detail:
        'Bied oefentherapie op maat aan, zoals spierversterking en algemene conditietraining, bij voorkeur begeleid door een kinesitherapeut. Leg uit dat de pijn in het begin kan toenemen en dat regelmatig oefenen op lange termijn helpt (NICE NG226, niet-farmacologische behandeling; NICE QS87 statement 4; AAOS 2023).',
    },
    SUPPORT_WEIGHT_LOSS: {
      title: 'BMI 25 of meer: ondersteun gewichtsverlies',
      detail:
        'Leg uit dat gewichtsverlies pijn, functie en levenskwaliteit verbetert en spreek een doel af: elk verlies helpt, en meer verlies geeft meer winst (NICE NG226, niet-farmacologische behandeling; NICE QS87 statement 5).',
    },
    CONSIDER_WALKING_AID: {
      title: 'Mank lopen: overweeg een loophulpmiddel',
      detail:
        'Er is een antalgisch gangpatroon geregistreerd en geen loophulpmiddel in gebruik. Overweeg een wandelstok, gedragen aan de kant tegenover de pijnlijke heup (NICE NG226, niet-farmacologische behandeling).',
    },
    CONSIDER_ORAL_NSAID: {
      title: 'Pijnscore 4 of meer: overweeg een oraal NSAID',
      detail:
        'Er zijn geen NSAID-risicofactoren geregistreerd. Overweeg een oraal NSAID in de laagst werkzame dosis zo kort mogelijk, met maagbescherming, naast oefentherapie (NICE NG226, farmacologische behandeling; AAOS 2023).',
    },
    CONSIDER_INTRA_ARTICULAR_CORTICOSTEROID: {
      title: 'Overweeg een beeldgeleide intra-articulaire corticosteroïdinfiltratie',
      detail:
        'Pijnscore 4 of meer ondanks een oraal NSAID, of NSAID’s zijn ongeschikt door risicofactoren. Overweeg een beeldgeleide intra-articulaire corticosteroïdinfiltratie voor kortdurende verlichting, ter ondersteuning van de oefentherapie (NICE NG226, farmacologische behandeling; AAOS 2023).',
    },
    STOP_GLUCOSAMINE: {
      title: 'Glucosamine wordt niet aanbevolen: raad aan te stoppen',
      detail: 'Geef geen glucosamine bij artrose; er is geen bewezen effect (NICE NG226, farmacologische behandeling).',
    },
    CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT: {
      title: 'Zet de kernbehandeling verder en evalueer na 12 weken',
      detail:
        'De verwijscriteria zijn (nog) niet voldaan. Zet informatie, oefentherapie en gewichtsbeheersing verder en evalueer na 12 weken; verwijzen volgt na minstens 3 maanden kernbehandeling, tenzij een niet-chirurgische behandeling ongeschikt is (NICE QS87 statement 7; NOV 2018, stapsgewijze zorg).',
    },
    RECORD_PATIENT_REPORTED_OUTCOMES: {
      title: 'Registreer de patiëntgerapporteerde uitkomsten',
      detail: {
        CONSERVATIVE_TREATMENT: 'Noteer de pijnscore (0–10) en de Oxford Hip Score om het effect van de behandeling op te volgen (NICE QS87).',
        SURGICAL_REFERRAL:
          'Noteer een preoperatieve Oxford Hip Score: die is het vertrekpunt om het resultaat van de operatie te beoordelen (NICE NG157, opvolging).',
      },
    },
    RECENT_INTRA_ARTICULAR_INJECTION: {
      title: 'Recente intra-articulaire corticosteroïdinfiltratie: opereer pas 3 maanden nadien',
      detail:
        'Plan de heupprothese minstens 3 maanden na de intra-articulaire infiltratie: een infiltratie kort voor de operatie verhoogt het risico op een prothese-infectie (AAOS PJI 2019).',
    },
    DISCUSS_SHARED_DECISION: {
      title: 'Bespreek en documenteer de beslissing over een operatie',
      detail:
        'Bespreek de mogelijkheden, ook niet opereren, met hun voordelen en risico’s, en documenteer de gezamenlijke beslissing (NICE NG157 1.1.2).',
    },
    REVIEW_POOR_POSTOPERATIVE_OUTCOME: {
      title: 'Matig resultaat na heupprothese: herevalueer',
      detail:
        'De Oxford Hip Score verbeterde minder dan 8 punten (het minimaal relevante verschil) 26 weken of langer na de operatie. Zoek naar infectie (CRP, sedimentatie), loslating, instabiliteit en gerefereerde pijn, en vraag een RX van de heup aan (NICE NG157, opvolging; ACR Appropriateness Criteria).',
    },
    RECORD_POSTOPERATIVE_OUTCOME: {
      title: 'Registreer de postoperatieve Oxford Hip Score',
      detail:
        'De operatie is 26 weken of langer geleden en er is geen postoperatieve Oxford Hip Score geregistreerd. Noteer die om te vergelijken met de preoperatieve score (NICE NG157, opvolging).',
    },
  },
  factLabels: {
    stage: 'fase',
    ageYears: 'leeftijd (jaren)',
    bmi: 'BMI (kg/m²)',
    painLocations: 'pijnlocaties',
    activityRelatedPain: 'belastingsgebonden pijn',
    painAtRest: 'rust- of nachtpijn',
    morningStiffnessMinutes: 'ochtendstijfheid (minuten)',
    internalRotationDegrees: 'passieve endorotatie (graden)',
    flexionDegrees: 'heupflexie (graden)',
    painOnInternalRotation: 'pijn bij endorotatie',
    limping: 'mank lopen',
    difficultyWithFootwear: 'moeite met kousen en schoenen',
    painScore: 'pijnscore (0–10)',
    oxfordHipScore: 'Oxford Hip Score (voor de operatie)',
    redFlagsScreened: 'alarmsignalen nagevraagd',
    redFlags: 'alarmsignalen',
    riskFactors: 'risicofactoren',
    xrayPerformed: 'RX gedaan',
    kellgrenLawrenceGrade: 'Kellgren-Lawrence-graad',
    treatments: 'behandelingen',
    conservativeTreatmentWeeks: 'weken sinds de kernbehandeling volledig is',
    nsaidRiskFactors: 'NSAID-risicofactoren',
    qualityOfLifeSubstantiallyAffected: 'levenskwaliteit sterk aangetast',
    nonSurgicalTreatmentUnsuitable: 'niet-chirurgische behandeling ongeschikt',
    smoker: 'roker',
    diabetesUncontrolled: 'slecht geregelde diabetes',
    sharedDecisionDocumented: 'gezamenlijke beslissing gedocumenteerd',
    weeksSinceSurgery: 'weken sinds de operatie',
    postoperativeOxfordHipScore: 'Oxford Hip Score (na de operatie)',
  },
  derivedFactLabels: {
    typicalPresentation: 'typisch beeld',
    atypical: 'atypische kenmerken',
    coreTreatmentGiven: 'kernbehandeling gegeven',
    referralRule: 'verwijscriteria voldaan',
  },
  statement: {
    and: 'en',
    or: 'of',
    isFalse: (subject) => `${subject} is onwaar`,
    isNotTrue: (subject) => `${subject} is niet waar`,
    not: (clause) => `niet (${clause})`,
    inList: (item, list) => `${item} in ${list}`,
    notInList: (item, list) => `${item} niet in ${list}`,
    any: (list) => `minstens één ${list}`,
    none: (list) => `geen ${list} (gekend leeg)`,
    noneRecorded: (list) => `geen ${list} geregistreerd (ontbrekend of leeg)`,
    unknown: (fact) => `${fact} onbekend`,
  },
  explanation: {
    yes: 'ja',
    no: 'nee',
    unknown: 'onbekend',
    none: 'geen',
    sentence: (statement, values) => `Getoond omdat ${statement}. Waarden: ${values}.`,
  },
};
