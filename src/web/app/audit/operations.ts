import { graphql } from '../gql';

/**
 * The audit pages' GraphQL operations, typed from schema.graphql by GraphQL Code Generator (`npm run codegen`):
 * the existing reports API (auditor and admin roles), nothing of its own.
 */

/** Everything the dashboard shows, in one request: the indicators, the flow, the deviations and the suggestions. */
export const AuditDashboardQuery = graphql(`
  query AuditDashboard($filter: CohortFilter) {
    qualityIndicators(filter: $filter) {
      reportDate
      indicators {
        code
        numerator
        denominator
        percentage
        direction
        unsuitableNonSurgicalCare
        weakOpioids
        notYetDue
        scoreMissing
        citations {
          id
          title
          url
        }
      }
    }
    flowReport(filter: $filter) {
      stages {
        stage
        pathways
        closedStays {
          count
          medianDays
          p90Days
        }
        openStays {
          count
          medianDays
          p90Days
        }
      }
      examToReferral {
        count
        medianDays
        p90Days
        dataQualityFlags
      }
      referralToSurgery {
        count
        medianDays
        p90Days
        dataQualityFlags
      }
    }
    deviationsReport(filter: $filter, first: 10) {
      total
      byReason {
        reason
        count
      }
      byMove {
        fromStage
        toStage
        count
      }
      deviations {
        edges {
          node {
            pathwayId
            sequence
            fromStage
            toStage
            reason
            actor
            movedOn
          }
        }
      }
    }
    suggestionsReport(filter: $filter, first: 10) {
      suggestions {
        code
        shown
        accepted
        overridden
        overrideReasons {
          reasonCode
          count
        }
      }
      overrideComments {
        edges {
          node {
            code
            reasonCode
            comment
            givenOn
          }
        }
      }
    }
  }
`);

/** The pathways behind an indicator's numerator or its complement, a page at a time. */
export const IndicatorPathwaysQuery = graphql(`
  query IndicatorPathways($code: QualityIndicatorCode!, $group: QualityIndicatorGroup!, $filter: CohortFilter, $after: String) {
    qualityIndicatorPathways(code: $code, group: $group, filter: $filter, first: 50, after: $after) {
      edges {
        node {
          pathwayId
          side
          stage
          site
          cohortDate
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** One pathway for case review: the printable report. */
export const PathwayReportQuery = graphql(`
  query PathwayReport($pathwayId: ID!, $locale: Locale!) {
    pathwayReport(pathwayId: $pathwayId, locale: $locale) {
      ruleSetVersion
      pathway {
        id
        side
        stage
      }
      timeline {
        sequence
        type
        clinicalDate
        recordedAt
        actor
        actingFor
        role
        reason
        enteredInError
        followedSuggestion
        payload
        activeSuggestions {
          code
          indicator
          title
        }
      }
      deviations {
        sequence
        from
        to
        reason
        actor
        actingFor
        recordedAt
      }
      overrides {
        sequence
        code
        reasonCode
        comment
        actor
        actingFor
        recordedAt
      }
      auditTrail {
        intact
        eventsChecked
        firstBrokenSequence
      }
    }
  }
`);
