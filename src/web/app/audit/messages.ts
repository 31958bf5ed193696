import type { Messages } from '../common/i18n';
import type { QualityIndicatorCode } from '../gql/graphql';

/**
 * The audit pages' texts, EN and NL (nl-BE): a missing text fails type-checking. The API's codes (stages, sides, override
 * reasons) have their words in ../common/labels.ts, shared with the sidebar.
 */

interface AuditTexts {
  dashboardTitle: string;
  reportTitle: string;
  indicatorPathwaysTitle: string;
  loading: string;
  failed: string;
  forbidden: string;
  notFound: string;
  reportDate: string;
  filters: {
    legend: string;
    from: string;
    to: string;
    site: string;
    side: string;
    clinician: string;
    any: string;
    apply: string;
    clear: string;
    invalidPeriod: string;
  };
  csv: { heading: string; intro: string; failed: string; files: Record<CsvFile, string> };
  indicators: {
    heading: string;
    intro: string;
    chartLabel: string;
    names: Record<QualityIndicatorCode, string>;
    higherIsBetter: string;
    lowerIsBetter: string;
    numerator: string;
    denominator: string;
    percentage: string;
    noDenominator: string;
    sources: string;
    pathwaysIn: string;
    pathwaysOut: string;
    separate: {
      unsuitableNonSurgicalCare: string;
      weakOpioids: string;
      notYetDue: string;
      scoreMissing: string;
    };
  };
  flow: {
    heading: string;
    perStageLabel: string;
    stage: string;
    pathways: string;
    daysHeading: string;
    daysLabel: string;
    closedStays: string;
    openStays: string;
    count: string;
    median: string;
    p90: string;
    intervals: string;
    interval: string;
    examToReferral: string;
    referralToSurgery: string;
    dataQualityFlags: string;
  };
  deviations: {
    heading: string;
    total: string;
    byReason: string;
    byMove: string;
    reason: string;
    noReason: string;
    move: string;
    count: string;
    latest: string;
    movedOn: string;
    actor: string;
    pathway: string;
    none: string;
  };
  suggestions: {
    heading: string;
    chartLabel: string;
    code: string;
    shown: string;
    accepted: string;
    overridden: string;
    reasons: string;
    comments: string;
    givenOn: string;
    comment: string;
    none: string;
    noReason: string;
  };
  drill: {
    back: string;
    numeratorOf: string;
    complementOf: string;
    pathway: string;
    side: string;
    stage: string;
    site: string;
    cohortDate: string;
    report: string;
    more: string;
    none: string;
  };
  report: {
    back: string;
    print: string;
    pathway: string;
    side: string;
    stage: string;
    ruleSet: string;
    chain: string;
    chainIntact: string;
    chainBroken: string;
    eventsChecked: string;
    timeline: string;
    sequence: string;
    event: string;
    clinicalDate: string;
    recordedAt: string;
    by: string;
    actingFor: string;
    details: string;
    activeSuggestions: string;
    followed: string;
    enteredInError: string;
    none: string;
    deviations: string;
    overrides: string;
    move: string;
    reason: string;
    suggestion: string;
    comment: string;
  };
}

export type CsvFile = 'quality-indicators' | 'flow' | 'deviations' | 'suggestions' | 'pathways';
export const CSV_FILES: readonly CsvFile[] = ['quality-indicators', 'flow', 'deviations', 'suggestions', 'pathways'];

export const MESSAGES: Messages<AuditTexts> = {
  EN: {
    dashboardTitle: 'Audit dashboard',
    reportTitle: 'Pathway report',
    indicatorPathwaysTitle: 'Pathways behind an indicator',
    loading: 'Loading…',
    failed: 'The report could not be loaded',
    forbidden: 'This page is for auditors: your role may not read reports.',
    notFound: 'No such pathway.',
    reportDate: 'Report date',
    filters: {
      legend: 'Cohort',
      from: 'From (first exam)',
      to: 'To (first exam)',
      site: 'Site',
      side: 'Side',
      clinician: 'Clinician (first exam)',
      any: 'Any',
      apply: 'Apply filters',
      clear: 'Clear filters',
      invalidPeriod: 'The period ends before it starts.',
    },
    csv: {
      heading: 'Downloads (CSV)',
      intro: 'The same cohort as shown, for a spreadsheet.',
      failed: 'The download failed',
      files: {
        'quality-indicators': 'Quality indicators',
        flow: 'Flow per stage',
        deviations: 'Deviations',
        suggestions: 'Suggestions',
        pathways: 'Pathways',
      },
    },
    indicators: {
      heading: 'Quality indicators',
      intro: 'Numerator of denominator, as a percentage; select a count to see the pathways behind it.',
      chartLabel: 'Quality indicators, percentage of the denominator',
      names: {
        QI_CLINICAL_DIAGNOSIS: 'Diagnosed clinically, without imaging',
        QI_EXERCISE: 'Exercise therapy started',
        QI_WEIGHT: 'Weight management started (BMI 25 or more)',
        QI_CORE_BEFORE_REFERRAL: 'Core treatment 12 weeks or more before referral',
        QI_NSAID_GASTROPROTECTION: 'Oral NSAID with gastroprotection',
        QI_AVOIDED_TREATMENTS: 'Treatments to avoid started (strong opioids, hyaluronic acid, glucosamine)',
        QI_PROM_GAIN: 'Oxford Hip Score gain of 8 or more, 6 months after surgery',
      },
      higherIsBetter: 'higher is better',
      lowerIsBetter: 'lower is better',
      numerator: 'Numerator',
      denominator: 'Denominator',
      percentage: 'Percentage',
      noDenominator: 'no pathways',
      sources: 'Sources',
      pathwaysIn: 'in the numerator',
      pathwaysOut: 'not in it',
      separate: {
        unsuitableNonSurgicalCare: 'Referred with non-surgical care unsuitable (not counted)',
        weakOpioids: 'Weak opioids started',
        notYetDue: 'Operated less than 6 months ago (not yet due)',
        scoreMissing: 'Score missing',
      },
    },
    flow: {
      heading: 'Pathways per stage',
      perStageLabel: 'Pathways now in each stage',
      stage: 'Stage',
      pathways: 'Pathways now',
      daysHeading: 'Days in stage',
      daysLabel: 'Days in each stage, closed stays: median and 90th percentile',
      closedStays: 'Closed stays',
      openStays: 'Stays still open',
      count: 'Stays',
      median: 'Median (days)',
      p90: '90th percentile (days)',
      intervals: 'Intervals',
      interval: 'Interval',
      examToReferral: 'First exam to surgical referral',
      referralToSurgery: 'Surgical referral to surgery',
      dataQualityFlags: 'Left out (dated before their start)',
    },
    deviations: {
      heading: 'Deviations from the guideline',
      total: 'Stage moves against the guideline',
      byReason: 'By reason',
      byMove: 'By move',
      reason: 'Reason',
      noReason: '(no reason)',
      move: 'Move',
      count: 'Count',
      latest: 'The first recorded',
      movedOn: 'Moved on',
      actor: 'By',
      pathway: 'Pathway',
      none: 'No deviations in this cohort.',
    },
    suggestions: {
      heading: 'Suggestions: accepted and overridden',
      chartLabel: 'Feedback per suggestion: accepted and overridden',
      code: 'Suggestion',
      shown: 'Shown',
      accepted: 'Accepted',
      overridden: 'Overridden',
      reasons: 'Override reasons',
      comments: 'Override comments',
      givenOn: 'Given on',
      comment: 'Comment',
      none: 'No suggestions shown in this cohort.',
      noReason: 'no reason given',
    },
    drill: {
      back: 'Back to the dashboard',
      numeratorOf: 'In the numerator of',
      complementOf: 'In the denominator but not the numerator of',
      pathway: 'Pathway',
      side: 'Side',
      stage: 'Stage now',
      site: 'Site',
      cohortDate: 'First exam',
      report: 'Report',
      more: 'Show more',
      none: 'No pathways.',
    },
    report: {
      back: 'Back to the dashboard',
      print: 'Print',
      pathway: 'Pathway',
      side: 'Side',
      stage: 'Stage now',
      ruleSet: 'Rule set',
      chain: 'Audit trail',
      chainIntact: 'Hash chain verified: intact',
      chainBroken: 'Hash chain broken at event',
      eventsChecked: 'events checked',
      timeline: 'Timeline',
      sequence: '#',
      event: 'Event',
      clinicalDate: 'Clinical date',
      recordedAt: 'Recorded',
      by: 'By',
      actingFor: 'for',
      details: 'Details',
      activeSuggestions: 'Suggestions active before it',
      followed: 'Followed suggestion',
      enteredInError: 'Entered in error',
      none: 'None',
      deviations: 'Deviations',
      overrides: 'Overrides',
      move: 'Move',
      reason: 'Reason',
      suggestion: 'Suggestion',
      comment: 'Comment',
    },
  },
  NL: {
    dashboardTitle: 'Auditoverzicht',
    reportTitle: 'Rapport van een zorgpad',
    indicatorPathwaysTitle: 'Zorgpaden achter een indicator',
    loading: 'Laden…',
    failed: 'Het rapport kon niet geladen worden',
    forbidden: 'Deze pagina is voor auditors: uw rol mag geen rapporten lezen.',
    notFound: 'Dit zorgpad bestaat niet.',
    reportDate: 'Rapportdatum',
    filters: {
      legend: 'Cohorte',
      from: 'Van (eerste onderzoek)',
      to: 'Tot (eerste onderzoek)',
      site: 'Campus',
      side: 'Zijde',
      clinician: 'Arts (eerste onderzoek)',
      any: 'Alle',
      apply: 'Filters toepassen',
      clear: 'Filters wissen',
      invalidPeriod: 'De periode eindigt vóór ze begint.',
    },
    csv: {
      heading: 'Downloads (CSV)',
      intro: 'Dezelfde cohorte als getoond, voor een rekenblad.',
      failed: 'Het downloaden is mislukt',
      files: {
        'quality-indicators': 'Kwaliteitsindicatoren',
        flow: 'Doorstroming per fase',
        deviations: 'Afwijkingen',
        suggestions: 'Suggesties',
        pathways: 'Zorgpaden',
      },
    },
    indicators: {
      heading: 'Kwaliteitsindicatoren',
      intro: 'Teller van noemer, als percentage; kies een aantal om de zorgpaden erachter te zien.',
      chartLabel: 'Kwaliteitsindicatoren, percentage van de noemer',
      names: {
        QI_CLINICAL_DIAGNOSIS: 'Klinisch gediagnosticeerd, zonder beeldvorming',
        QI_EXERCISE: 'Oefentherapie gestart',
        QI_WEIGHT: 'Gewichtsbegeleiding gestart (BMI 25 of meer)',
        QI_CORE_BEFORE_REFERRAL: 'Kernbehandeling 12 weken of langer vóór verwijzing',
        QI_NSAID_GASTROPROTECTION: 'Oraal NSAID met maagbescherming',
        QI_AVOIDED_TREATMENTS: 'Te vermijden behandelingen gestart (sterke opioïden, hyaluronzuur, glucosamine)',
        QI_PROM_GAIN: 'Oxford Hip Score 8 of meer verbeterd, 6 maanden na de operatie',
      },
      higherIsBetter: 'hoger is beter',
      lowerIsBetter: 'lager is beter',
      numerator: 'Teller',
      denominator: 'Noemer',
      percentage: 'Percentage',
      noDenominator: 'geen zorgpaden',
      sources: 'Bronnen',
      pathwaysIn: 'in de teller',
      pathwaysOut: 'niet in de teller',
      separate: {
        unsuitableNonSurgicalCare: 'Verwezen met niet-chirurgische zorg ongeschikt (niet meegeteld)',
        weakOpioids: 'Zwakke opioïden gestart',
        notYetDue: 'Minder dan 6 maanden geleden geopereerd (nog niet te meten)',
        scoreMissing: 'Score ontbreekt',
      },
    },
    flow: {
      heading: 'Zorgpaden per fase',
      perStageLabel: 'Zorgpaden nu in elke fase',
      stage: 'Fase',
      pathways: 'Zorgpaden nu',
      daysHeading: 'Dagen in een fase',
      daysLabel: 'Dagen in elke fase, afgesloten verblijven: mediaan en 90e percentiel',
      closedStays: 'Afgesloten verblijven',
      openStays: 'Lopende verblijven',
      count: 'Verblijven',
      median: 'Mediaan (dagen)',
      p90: '90e percentiel (dagen)',
      intervals: 'Intervallen',
      interval: 'Interval',
      examToReferral: 'Eerste onderzoek tot verwijzing naar chirurgie',
      referralToSurgery: 'Verwijzing tot operatie',
      dataQualityFlags: 'Weggelaten (gedateerd vóór hun begin)',
    },
    deviations: {
      heading: 'Afwijkingen van de richtlijn',
      total: 'Faseovergangen tegen de richtlijn in',
      byReason: 'Per reden',
      byMove: 'Per overgang',
      reason: 'Reden',
      noReason: '(geen reden)',
      move: 'Overgang',
      count: 'Aantal',
      latest: 'De eerst geregistreerde',
      movedOn: 'Op',
      actor: 'Door',
      pathway: 'Zorgpad',
      none: 'Geen afwijkingen in deze cohorte.',
    },
    suggestions: {
      heading: 'Suggesties: aanvaard en overschreven',
      chartLabel: 'Terugkoppeling per suggestie: aanvaard en overschreven',
      code: 'Suggestie',
      shown: 'Getoond',
      accepted: 'Aanvaard',
      overridden: 'Overschreven',
      reasons: 'Redenen om te overschrijven',
      comments: 'Opmerkingen bij het overschrijven',
      givenOn: 'Op',
      comment: 'Opmerking',
      none: 'Geen suggesties getoond in deze cohorte.',
      noReason: 'geen reden opgegeven',
    },
    drill: {
      back: 'Terug naar het overzicht',
      numeratorOf: 'In de teller van',
      complementOf: 'In de noemer maar niet in de teller van',
      pathway: 'Zorgpad',
      side: 'Zijde',
      stage: 'Fase nu',
      site: 'Campus',
      cohortDate: 'Eerste onderzoek',
      report: 'Rapport',
      more: 'Meer tonen',
      none: 'Geen zorgpaden.',
    },
    report: {
      back: 'Terug naar het overzicht',
      print: 'Afdrukken',
      pathway: 'Zorgpad',
      side: 'Zijde',
      stage: 'Fase nu',
      ruleSet: 'Regelset',
      chain: 'Audittrail',
      chainIntact: 'Hashketen nagerekend: intact',
      chainBroken: 'Hashketen gebroken bij gebeurtenis',
      eventsChecked: 'gebeurtenissen nagekeken',
      timeline: 'Tijdlijn',
      sequence: 'nr.',
      event: 'Gebeurtenis',
      clinicalDate: 'Klinische datum',
      recordedAt: 'Geregistreerd',
      by: 'Door',
      actingFor: 'namens',
      details: 'Details',
      activeSuggestions: 'Suggesties actief ervoor',
      followed: 'Gevolgde suggestie',
      enteredInError: 'Foutief ingevoerd',
      none: 'Geen',
      deviations: 'Afwijkingen',
      overrides: 'Overschreven suggesties',
      move: 'Overgang',
      reason: 'Reden',
      suggestion: 'Suggestie',
      comment: 'Opmerking',
    },
  },
};
