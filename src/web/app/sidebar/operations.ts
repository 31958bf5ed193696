import { graphql } from '../gql';

/**
 * The sidebar's GraphQL operations, typed from schema.graphql by GraphQL Code Generator (`npm run codegen`): a field
 * the schema does not have fails the build.
 */

export const SIDEBAR_PATIENT = graphql(`
  query SidebarPatient($id: ID!, $locale: Locale!) {
    patient(id: $id) {
      id
      birthDate
      sex
      identifier {
        system
        value
      }
      pathways(openOnly: true) {
        id
        side
        stage
        allowedMoves
        version
        site
        openedAt
        evaluatedAt
        deviationCount
        nextSteps(locale: $locale) {
          code
          indicator
          title
          detail
          citations {
            id
            title
            url
          }
          explanation {
            text
          }
        }
        checklist(locale: $locale) {
          code
          status
          label
          reason
        }
      }
    }
  }
`);

/**
 * A pathway's record, a page at a time, for the day the current stage began (the last stage change) and the list of
 * recordings: read after the first render, page by page (oldest first, 50 events a page: 100 would pass the API's
 * query cost limit of 5,000).
 */
export const PATHWAY_TIMELINE = graphql(`
  query PathwayTimeline($id: ID!, $after: String) {
    pathway(id: $id) {
      timeline(first: 50, after: $after) {
        edges {
          node {
            sequence
            type
            clinicalDate
            recordedAt
            enteredInError
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** A card link names a pathway (`/app/pathways/:id`): its patient. */
export const PATHWAY_PATIENT = graphql(`
  query PathwayPatient($id: ID!) {
    pathway(id: $id) {
      id
      patientId
    }
  }
`);

export const LAUNCH_PATIENT = graphql(`
  query LaunchPatient($iss: String!, $patient: String!, $fhirAccessToken: String) {
    launchPatient(iss: $iss, patient: $patient, fhirAccessToken: $fhirAccessToken) {
      id
    }
  }
`);

/** Every write of the page, by mutation name: each answers the pathway's new version. */
export const WRITES = {
  recordClinicalExam: graphql(`
    mutation RecordClinicalExam($input: RecordClinicalExamInput!) {
      recordClinicalExam(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  recordRedFlagScreening: graphql(`
    mutation RecordRedFlagScreening($input: RecordRedFlagScreeningInput!) {
      recordRedFlagScreening(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  recordRiskFactors: graphql(`
    mutation RecordRiskFactors($input: RecordRiskFactorsInput!) {
      recordRiskFactors(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  recordXrayOrdered: graphql(`
    mutation RecordXrayOrdered($input: RecordXrayOrderedInput!) {
      recordXrayOrdered(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  recordXrayResult: graphql(`
    mutation RecordXrayResult($input: RecordXrayResultInput!) {
      recordXrayResult(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  startTreatment: graphql(`
    mutation StartTreatment($input: StartTreatmentInput!) {
      startTreatment(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  stopTreatment: graphql(`
    mutation StopTreatment($input: StopTreatmentInput!) {
      stopTreatment(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  recordNsaidRiskFactors: graphql(`
    mutation RecordNsaidRiskFactors($input: RecordNsaidRiskFactorsInput!) {
      recordNsaidRiskFactors(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  recordPatientReportedOutcomes: graphql(`
    mutation RecordPatientReportedOutcomes($input: RecordPatientReportedOutcomesInput!) {
      recordPatientReportedOutcomes(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  recordSurgicalIndication: graphql(`
    mutation RecordSurgicalIndication($input: RecordSurgicalIndicationInput!) {
      recordSurgicalIndication(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  recordSurgicalRiskFactors: graphql(`
    mutation RecordSurgicalRiskFactors($input: RecordSurgicalRiskFactorsInput!) {
      recordSurgicalRiskFactors(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  documentSharedDecision: graphql(`
    mutation DocumentSharedDecision($input: DocumentSharedDecisionInput!) {
      documentSharedDecision(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  recordNoAnalgesiaNeeded: graphql(`
    mutation RecordNoAnalgesiaNeeded($input: RecordNoAnalgesiaNeededInput!) {
      recordNoAnalgesiaNeeded(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  planFollowUp: graphql(`
    mutation PlanFollowUp($input: PlanFollowUpInput!) {
      planFollowUp(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  recordSurgery: graphql(`
    mutation RecordSurgery($input: RecordSurgeryInput!) {
      recordSurgery(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  recordPostoperativeOutcome: graphql(`
    mutation RecordPostoperativeOutcome($input: RecordPostoperativeOutcomeInput!) {
      recordPostoperativeOutcome(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  changeStage: graphql(`
    mutation ChangeStage($input: ChangeStageInput!) {
      changeStage(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  markChecklistItemNotApplicable: graphql(`
    mutation MarkChecklistItemNotApplicable($input: MarkChecklistItemNotApplicableInput!) {
      markChecklistItemNotApplicable(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  markEnteredInError: graphql(`
    mutation MarkEnteredInError($input: MarkEnteredInErrorInput!) {
      markEnteredInError(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
  giveSuggestionFeedback: graphql(`
    mutation GiveSuggestionFeedback($input: GiveSuggestionFeedbackInput!) {
      giveSuggestionFeedback(input: $input) {
        replayed
        pathway {
          id
          version
        }
      }
    }
  `),
};

export type WriteName = keyof typeof WRITES;
