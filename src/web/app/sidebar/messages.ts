import type { Messages } from '../common/i18n';

/** The sidebar's texts in English and Dutch (nl-BE). */
export const MESSAGES: Messages<{
  title: string;
  loading: string;
  patient: string;
  born: string;
  years: string;
  sex: Record<'female' | 'male' | 'other' | 'unknown', string>;
  noOpenPathway: string;
  stepper: string;
  currentStage: string;
  daysInStage: (days: number) => string;
  suggestions: string;
  noSuggestions: string;
  whyAndSources: string;
  sources: string;
  accept: string;
  override: string;
  overrideReason: string;
  comment: string;
  sendOverride: string;
  cancel: string;
  accepted: string;
  overridden: string;
  checklist: string;
  checklistEmpty: string;
  status: Record<'DONE' | 'TODO' | 'NOT_APPLICABLE', string>;
  notApplicable: string;
  notApplicableReason: string;
  markNotApplicable: string;
  date: string;
  yes: string;
  no: string;
  record: string;
  recorded: string;
  recordings: string;
  noRecordings: string;
  enteredInError: string;
  markEnteredInError: string;
  enteredInErrorReason: string;
  markedEnteredInError: string;
  moveStage: string;
  moveTo: string;
  closeReason: string;
  deviationReason: string;
  deviationExplained: string;
  move: string;
  moved: string;
  conflict: string;
  changes: string;
  changedStage: (from: string, to: string) => string;
  changedItem: (label: string, status: string) => string;
  changedOther: (count: number) => string;
  /** By the refusal's reason, else its code. */
  errors: Record<string, string>;
  launching: string;
}> = {
  EN: {
    title: 'Hip pathway',
    loading: 'Loading…',
    patient: 'Patient',
    born: 'Born',
    years: 'years',
    sex: { female: 'female', male: 'male', other: 'other', unknown: 'sex unknown' },
    noOpenPathway: 'No open hip pathway for this patient.',
    stepper: 'Pathway stages',
    currentStage: 'current stage',
    daysInStage: (days) => (days === 1 ? '1 day in this stage' : `${days} days in this stage`),
    suggestions: 'Suggestions',
    noSuggestions: 'No suggestions at this stage.',
    whyAndSources: 'Why, and sources',
    sources: 'Sources',
    accept: 'Accept',
    override: 'Override',
    overrideReason: 'Reason for overriding',
    comment: 'Comment',
    sendOverride: 'Send override',
    cancel: 'Cancel',
    accepted: 'Accepted.',
    overridden: 'Overridden.',
    checklist: 'Consultation checklist',
    checklistEmpty: 'No checklist at this stage.',
    status: { DONE: 'done', TODO: 'to do', NOT_APPLICABLE: 'not applicable' },
    notApplicable: 'Not applicable',
    notApplicableReason: 'Why it does not apply',
    markNotApplicable: 'Mark not applicable',
    date: 'Date',
    yes: 'Yes',
    no: 'No',
    record: 'Record',
    recorded: 'Recorded.',
    recordings: 'Recorded on this hip',
    noRecordings: 'Nothing recorded yet.',
    enteredInError: 'entered in error',
    markEnteredInError: 'Entered in error',
    enteredInErrorReason: 'What was wrong',
    markedEnteredInError: 'Marked entered in error: it no longer counts; the record keeps it.',
    moveStage: 'Move to another stage',
    moveTo: 'Move to',
    closeReason: 'Reason for closing',
    deviationReason: 'Deviation reason',
    deviationExplained:
      'The guideline does not support this move now. Give the reason you deviate from it; it is stored and counted in audit reports.',
    move: 'Move',
    moved: 'Stage changed.',
    conflict: 'Someone else recorded on this pathway meanwhile. The page now shows the fresh state; what you typed is kept. Check it and send again.',
    changes: 'What changed',
    changedStage: (from, to) => `Stage: ${from} → ${to}`,
    changedItem: (label, status) => `${label}: ${status}`,
    changedOther: (count) => (count === 1 ? '1 new entry in the record' : `${count} new entries in the record`),
    errors: {
      NOT_FOUND: 'Not found.',
      FORBIDDEN: 'Your role does not allow this.',
      NETWORK_ERROR: 'The service cannot be reached. Try again.',
      SERVICE_UNAVAILABLE: 'The service is unavailable for a moment. Try again.',
      RATE_LIMITED: 'Too many requests. Wait a moment and try again.',
      PRECONDITION_FAILED: 'The EHR did not give the patient.',
      INTERNAL_SERVER_ERROR: 'Something went wrong.',
      STALE_VERSION: 'Not recorded yet: the pathway changed meanwhile (see above). Check and send again.',
      FHIR_SERVER_NOT_TRUSTED: "The EHR's FHIR server is not one this service trusts.",
      PATIENT_UNAVAILABLE: 'The EHR did not give the patient.',
      PATIENT_NOT_REGISTERED: 'This patient is not registered in the hip pathway service.',
      PATIENT_AMBIGUOUS: "The patient's identifiers match several registered patients.",
    },
    launching: 'Opening the patient from the EHR…',
  },
  NL: {
    title: 'Zorgpad heup',
    loading: 'Laden…',
    patient: 'Patiënt',
    born: 'Geboren',
    years: 'jaar',
    sex: { female: 'vrouw', male: 'man', other: 'andere', unknown: 'geslacht onbekend' },
    noOpenPathway: 'Geen open zorgpad heup voor deze patiënt.',
    stepper: 'Stappen van het zorgpad',
    currentStage: 'huidige stap',
    daysInStage: (days) => (days === 1 ? '1 dag in deze stap' : `${days} dagen in deze stap`),
    suggestions: 'Suggesties',
    noSuggestions: 'Geen suggesties in deze stap.',
    whyAndSources: 'Waarom, en bronnen',
    sources: 'Bronnen',
    accept: 'Aanvaarden',
    override: 'Niet volgen',
    overrideReason: 'Reden om niet te volgen',
    comment: 'Toelichting',
    sendOverride: 'Verstuur',
    cancel: 'Annuleren',
    accepted: 'Aanvaard.',
    overridden: 'Niet gevolgd.',
    checklist: 'Checklist consultatie',
    checklistEmpty: 'Geen checklist in deze stap.',
    status: { DONE: 'gedaan', TODO: 'te doen', NOT_APPLICABLE: 'niet van toepassing' },
    notApplicable: 'Niet van toepassing',
    notApplicableReason: 'Waarom het niet van toepassing is',
    markNotApplicable: 'Niet van toepassing',
    date: 'Datum',
    yes: 'Ja',
    no: 'Nee',
    record: 'Noteren',
    recorded: 'Genoteerd.',
    recordings: 'Vastgelegd voor deze heup',
    noRecordings: 'Nog niets vastgelegd.',
    enteredInError: 'foutief ingevoerd',
    markEnteredInError: 'Foutief ingevoerd',
    enteredInErrorReason: 'Wat er fout was',
    markedEnteredInError: 'Als foutief gemarkeerd: telt niet meer mee; het dossier bewaart het.',
    moveStage: 'Naar een andere stap',
    moveTo: 'Naar',
    closeReason: 'Reden van afsluiten',
    deviationReason: 'Reden van afwijking',
    deviationExplained:
      'De richtlijn ondersteunt deze stap nu niet. Geef de reden waarom u ervan afwijkt; ze wordt bewaard en geteld in de auditrapporten.',
    move: 'Verplaatsen',
    moved: 'Stap gewijzigd.',
    conflict:
      'Iemand anders noteerde intussen in dit zorgpad. De pagina toont nu de nieuwe toestand; wat u intypte blijft staan. Kijk het na en verstuur opnieuw.',
    changes: 'Wat veranderde',
    changedStage: (from, to) => `Stap: ${from} → ${to}`,
    changedItem: (label, status) => `${label}: ${status}`,
    changedOther: (count) => (count === 1 ? '1 nieuwe notitie in het dossier' : `${count} nieuwe notities in het dossier`),
    errors: {
      NOT_FOUND: 'Niet gevonden.',
      FORBIDDEN: 'Uw rol laat dit niet toe.',
      NETWORK_ERROR: 'De dienst is niet bereikbaar. Probeer opnieuw.',
      SERVICE_UNAVAILABLE: 'De dienst is even niet beschikbaar. Probeer opnieuw.',
      RATE_LIMITED: 'Te veel aanvragen. Wacht even en probeer opnieuw.',
      PRECONDITION_FAILED: 'Het EPD gaf de patiënt niet door.',
      INTERNAL_SERVER_ERROR: 'Er ging iets mis.',
      STALE_VERSION: 'Nog niet genoteerd: het zorgpad veranderde intussen (zie boven). Kijk na en verstuur opnieuw.',
      FHIR_SERVER_NOT_TRUSTED: 'De FHIR-server van het EPD is geen server die deze dienst vertrouwt.',
      PATIENT_UNAVAILABLE: 'Het EPD gaf de patiënt niet door.',
      PATIENT_NOT_REGISTERED: 'Deze patiënt is niet geregistreerd in de dienst voor het zorgpad heup.',
      PATIENT_AMBIGUOUS: 'De identificatie van de patiënt past bij meerdere geregistreerde patiënten.',
    },
    launching: 'De patiënt wordt geopend vanuit het EPD…',
  },
};
