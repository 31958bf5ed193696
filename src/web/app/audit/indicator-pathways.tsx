import { useEffect, useState } from 'preact/hooks';
import type { IndicatorPathwaysQuery, QualityIndicatorCode, QualityIndicatorGroup } from '../gql/graphql';
import { graphqlRequest, GraphqlError } from '../common/graphql';
import { formatDate, useLocale, useMessages } from '../common/i18n';
import { Shell } from '../common/layout';
import { cohortFilter, filterFromSearch, filterSearch, pathwayReportHref } from './filters';
import { SIDE_LABELS, STAGE_LABELS } from '../common/labels';
import { MESSAGES } from './messages';
import { IndicatorPathwaysQuery as INDICATOR_PATHWAYS } from './operations';
import { Loading, QueryFailure, useDocumentTitle } from './status';

type Row = IndicatorPathwaysQuery['qualityIndicatorPathways']['edges'][number]['node'];

/** The drill-down from an indicator: its numerator's pathways, or its complement's, in the dashboard's cohort, 50 at a time. */
export function IndicatorPathways({ code }: { code: string }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const parameters = new URLSearchParams(location.search);
  const group: QualityIndicatorGroup = parameters.get('group') === 'COMPLEMENT' ? 'COMPLEMENT' : 'NUMERATOR';
  const filter = filterFromSearch(location.search);
  const name = (messages.indicators.names as Record<string, string | undefined>)[code] ?? code;
  const [rows, setRows] = useState<Row[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'done' | GraphqlError>('loading');
  useDocumentTitle(`${messages.indicatorPathwaysTitle}: ${name}`);

  const load = (after?: string) => {
    setState('loading');
    graphqlRequest(INDICATOR_PATHWAYS, { code: code as QualityIndicatorCode, group, filter: cohortFilter(filter), after }).then(
      ({ qualityIndicatorPathways: page }) => {
        setRows((previous) => [...(after ? previous : []), ...page.edges.map(({ node }) => node)]);
        setNext(page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
        setState('done');
      },
      (error: unknown) => setState(error instanceof GraphqlError ? error : new GraphqlError(String(error), 'INTERNAL_SERVER_ERROR')),
    );
  };
  useEffect(() => load(), []);

  return (
    <Shell title={messages.indicatorPathwaysTitle} wide>
      <nav class="no-print">
        <a href={`/app/audit${filterSearch(filter)}`}>← {messages.drill.back}</a>
      </nav>
      <h2>
        {group === 'NUMERATOR' ? messages.drill.numeratorOf : messages.drill.complementOf}: {name}
      </h2>
      {state instanceof GraphqlError && <QueryFailure error={state} />}
      {state === 'done' && rows.length === 0 && <p>{messages.drill.none}</p>}
      {rows.length > 0 && (
        <table class="pathways">
          <caption class="visually-hidden">
            {group === 'NUMERATOR' ? messages.drill.numeratorOf : messages.drill.complementOf}: {name}
          </caption>
          <thead>
            <tr>
              <th scope="col">{messages.drill.pathway}</th>
              <th scope="col">{messages.drill.side}</th>
              <th scope="col">{messages.drill.stage}</th>
              <th scope="col">{messages.drill.site}</th>
              <th scope="col">{messages.drill.cohortDate}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.pathwayId}>
                <th scope="row">
                  <a href={pathwayReportHref(row.pathwayId, filter)}>
                    <span class="code">{row.pathwayId}</span>
                    <span class="visually-hidden"> ({messages.drill.report})</span>
                  </a>
                </th>
                <td>{SIDE_LABELS[row.side][locale]}</td>
                <td>{STAGE_LABELS[row.stage][locale]}</td>
                <td>{row.site ?? '–'}</td>
                <td>{formatDate(row.cohortDate, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state === 'loading' && <Loading />}
      {next && state === 'done' && (
        <button type="button" class="secondary" onClick={() => load(next)}>
          {messages.drill.more}
        </button>
      )}
    </Shell>
  );
}
