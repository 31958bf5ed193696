import type { CohortFilter, HipSide } from '../gql/graphql';

/**
 * The dashboard's cohort filters, kept in the address's query string (`?from=2026-01-01&side=LEFT&site=CAMPUS-A`), so a
 * filtered view can be bookmarked, shared and reloaded: the period (first exam's date, both days included), site,
 * side and clinician. Values that cannot be a filter are ignored when read.
 */
export interface AuditFilter {
  from?: string;
  to?: string;
  site?: string;
  side?: HipSide;
  clinician?: string;
}

export const FILTER_KEYS = ['from', 'to', 'site', 'side', 'clinician'] as const satisfies readonly (keyof AuditFilter)[];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function filterFromSearch(search: string): AuditFilter {
  const parameters = new URLSearchParams(search);
  const text = (key: string) => parameters.get(key)?.trim() || undefined;
  const date = (key: string) => {
    const value = text(key);
    return value !== undefined && DATE.test(value) ? value : undefined;
  };
  const side = text('side');
  return {
    from: date('from'),
    to: date('to'),
    site: text('site'),
    side: side === 'LEFT' || side === 'RIGHT' ? side : undefined,
    clinician: text('clinician'),
  };
}

/** The filter as URL parameters, in a fixed order, empty values left out. */
export function filterParameters(filter: AuditFilter): URLSearchParams {
  const parameters = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key]?.trim();
    if (value) parameters.set(key, value);
  }
  return parameters;
}

/** `?from=…&site=…`, or '' without filters. */
export function filterSearch(filter: AuditFilter): string {
  const query = filterParameters(filter).toString();
  return query === '' ? '' : `?${query}`;
}

/** The GraphQL `CohortFilter` of the reports (a filter read by `filterFromSearch`: no empty values). */
export function cohortFilter({ from, to, site, side, clinician }: AuditFilter): CohortFilter {
  return { from, to, site, side, clinician };
}

/** A period whose end is before its start (the reports would answer an empty cohort). */
export function periodReversed(filter: AuditFilter): boolean {
  return filter.from !== undefined && filter.to !== undefined && filter.to < filter.from;
}

/** A pathway's report, carrying the cohort along so that its way back leads to the same dashboard. */
export function pathwayReportHref(pathwayId: string, filter: AuditFilter): string {
  return `/app/audit/pathways/${encodeURIComponent(pathwayId)}${filterSearch(filter)}`;
}
