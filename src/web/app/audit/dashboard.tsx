import { useEffect, useState } from 'preact/hooks';
import type { AuditDashboardQuery, HipSide, PathwayStage, QualityIndicatorGroup } from '../gql/graphql';
import { formatDate, useLocale, useMessages } from '../common/i18n';
import { Notice, Shell } from '../common/layout';
import { downloadCsv } from './csv';
import { cohortFilter, filterFromSearch, filterParameters, filterSearch, pathwayReportHref, periodReversed, type AuditFilter } from './filters';
import { formatNumber, formatPercentage } from './format';
import { OVERRIDE_REASON_LABELS, SIDE_LABELS, STAGE_LABELS, STAGE_ORDER } from '../common/labels';
import { CSV_FILES, MESSAGES, type CsvFile } from './messages';
import { AuditDashboardQuery as DASHBOARD } from './operations';
import { useQuery } from './query';
import { Loading, QueryFailure, useDocumentTitle } from './status';

type Data = AuditDashboardQuery;
type Texts = (typeof MESSAGES)['EN'];
type ChartsModule = typeof import('./charts');

/** chart.js comes in its own chunk, loaded once the dashboard renders: the tables show without waiting for it. */
let chartsModule: Promise<ChartsModule> | undefined;
function useCharts(): ChartsModule | undefined {
  const [charts, setCharts] = useState<ChartsModule>();
  useEffect(() => {
    (chartsModule ??= import('./charts')).then(setCharts, () => undefined);
  }, []);
  return charts;
}

/** A `performance.mark` set when the dashboard's figures first show. */
export const RENDERED_MARK = 'audit-dashboard-rendered';

/** The address of the pathways behind an indicator's numerator or complement, in the same cohort. */
export function indicatorPathwaysHref(code: string, group: QualityIndicatorGroup, filter: AuditFilter): string {
  const parameters = filterParameters(filter);
  parameters.set('group', group);
  return `/app/audit/indicators/${code}?${parameters.toString()}`;
}

export function Dashboard() {
  const messages = useMessages(MESSAGES);
  const [filter, setFilter] = useState<AuditFilter>(() => filterFromSearch(location.search));
  const search = filterSearch(filter);
  const state = useQuery(DASHBOARD, { filter: cohortFilter(filter) }, search);
  const charts = useCharts();
  useDocumentTitle(messages.dashboardTitle);

  useEffect(() => {
    // When the figures first show: the browser test reads it for the first-render figure.
    if (state.status === 'done' && performance.getEntriesByName(RENDERED_MARK).length === 0) performance.mark(RENDERED_MARK);
  }, [state.status]);

  useEffect(() => {
    const follow = () => setFilter(filterFromSearch(location.search));
    addEventListener('popstate', follow);
    return () => removeEventListener('popstate', follow);
  }, []);

  const apply = (next: AuditFilter) => {
    if (filterSearch(next) !== search) history.pushState(null, '', `/app/audit${filterSearch(next)}`);
    setFilter(filterFromSearch(filterSearch(next)));
  };

  return (
    <Shell title={messages.dashboardTitle} wide>
      <FilterForm key={search} filter={filter} onApply={apply} />
      {state.status === 'failed' && <QueryFailure error={state.error} />}
      {state.status === 'loading' && <Loading />}
      {state.data && (
        <div class={state.status === 'loading' ? 'stale' : undefined} aria-busy={state.status === 'loading'}>
          <ReportDate data={state.data} />
          <Indicators data={state.data} filter={filter} charts={charts} />
          <Flow data={state.data} charts={charts} />
          <Deviations data={state.data} filter={filter} />
          <Suggestions data={state.data} charts={charts} />
          <Downloads filter={filter} />
        </div>
      )}
    </Shell>
  );
}

function FilterForm({ filter, onApply }: { filter: AuditFilter; onApply: (filter: AuditFilter) => void }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const [draft, setDraft] = useState<AuditFilter>(filter);
  const [reversed, setReversed] = useState(false);
  const field = (key: keyof AuditFilter) => ({
    name: key,
    value: draft[key] ?? '',
    onInput: (event: Event) => setDraft({ ...draft, [key]: (event.currentTarget as HTMLInputElement).value || undefined }),
  });
  const submit = (event: Event) => {
    event.preventDefault();
    setReversed(periodReversed(draft));
    if (!periodReversed(draft)) onApply(draft);
  };
  return (
    <form class="audit-filters" onSubmit={submit} aria-describedby={reversed ? 'period-error' : undefined}>
      <fieldset>
        <legend>{messages.filters.legend}</legend>
        <div class="row">
          <label>
            {messages.filters.from}
            <input type="date" {...field('from')} aria-invalid={reversed} />
          </label>
          <label>
            {messages.filters.to}
            <input type="date" {...field('to')} aria-invalid={reversed} />
          </label>
          <label>
            {messages.filters.site}
            <input type="text" maxLength={100} {...field('site')} />
          </label>
          <label>
            {messages.filters.side}
            <select
              name="side"
              value={draft.side ?? ''}
              onChange={(event) => setDraft({ ...draft, side: (event.currentTarget.value || undefined) as HipSide | undefined })}
            >
              <option value="">{messages.filters.any}</option>
              <option value="LEFT">{SIDE_LABELS.LEFT[locale]}</option>
              <option value="RIGHT">{SIDE_LABELS.RIGHT[locale]}</option>
            </select>
          </label>
          <label>
            {messages.filters.clinician}
            <input type="text" maxLength={100} autoComplete="off" {...field('clinician')} />
          </label>
          <button type="submit">{messages.filters.apply}</button>
          <button type="button" class="secondary" onClick={() => onApply({})}>
            {messages.filters.clear}
          </button>
        </div>
        {reversed && (
          <p id="period-error" class="field-error" role="alert">
            {messages.filters.invalidPeriod}
          </p>
        )}
      </fieldset>
    </form>
  );
}

function ReportDate({ data }: { data: Data }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  return (
    <p class="muted">
      {messages.reportDate}: {formatDate(data.qualityIndicators.reportDate, locale)}
    </p>
  );
}

function Indicators({ data, filter, charts }: { data: Data; filter: AuditFilter; charts?: ChartsModule }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const texts = messages.indicators;
  const indicators = data.qualityIndicators.indicators;
  return (
    <section aria-labelledby="indicators-heading">
      <h2 id="indicators-heading">{texts.heading}</h2>
      <p>{texts.intro}</p>
      {charts && (
        <charts.BarChart
          label={texts.chartLabel}
          horizontal
          max={100}
          unit=" %"
          categories={indicators.map(({ code }) => texts.names[code])}
          series={[{ label: texts.percentage, values: indicators.map(({ percentage }) => percentage) }]}
        />
      )}
      <div class="table-scroll">
        <table class="indicators">
          <caption>{texts.chartLabel}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.heading}</th>
              <th scope="col" class="number">
                {texts.numerator}
              </th>
              <th scope="col" class="number">
                {texts.denominator}
              </th>
              <th scope="col" class="number">
                {texts.percentage}
              </th>
              <th scope="col">{texts.sources}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((indicator) => (
              <tr key={indicator.code} id={`indicator-${indicator.code}`}>
                <th scope="row">
                  <span class="indicator-name">{texts.names[indicator.code]}</span>
                  <span class="direction">
                    {indicator.direction === 'HIGHER_IS_BETTER' ? '▲ ' : '▼ '}
                    {indicator.direction === 'HIGHER_IS_BETTER' ? texts.higherIsBetter : texts.lowerIsBetter}
                  </span>
                  <SeparateCounts indicator={indicator} texts={texts} />
                </th>
                <td class="number">
                  <a href={indicatorPathwaysHref(indicator.code, 'NUMERATOR', filter)}>
                    {formatNumber(indicator.numerator, locale)}
                    <span class="visually-hidden">
                      {' '}
                      {texts.pathwaysIn}: {texts.names[indicator.code]}
                    </span>
                  </a>
                </td>
                <td class="number">
                  {formatNumber(indicator.denominator, locale)}
                  <br />
                  <a class="complement" href={indicatorPathwaysHref(indicator.code, 'COMPLEMENT', filter)}>
                    {formatNumber(indicator.denominator - indicator.numerator, locale)} {texts.pathwaysOut}
                    <span class="visually-hidden">: {texts.names[indicator.code]}</span>
                  </a>
                </td>
                <td class="number">
                  <Meter percentage={indicator.percentage} />
                  {indicator.percentage === null ? texts.noDenominator : formatPercentage(indicator.percentage, locale)}
                </td>
                <td>
                  <ul class="citations">
                    {indicator.citations.map((citation) => (
                      <li key={citation.id}>
                        <a href={citation.url} title={citation.title} rel="noreferrer" target="_blank">
                          {citation.id}
                        </a>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A small bar in the table itself (decorative: the percentage is written beside it). */
function Meter({ percentage }: { percentage: number | null }) {
  if (percentage === null) return null;
  return (
    <span class="meter" aria-hidden="true">
      <span class="meter-fill" style={{ width: `${Math.min(100, Math.max(0, percentage))}%` }} />
    </span>
  );
}

function SeparateCounts({ indicator, texts }: { indicator: Data['qualityIndicators']['indicators'][number]; texts: Texts['indicators'] }) {
  const { locale } = useLocale();
  const counts = (['unsuitableNonSurgicalCare', 'weakOpioids', 'notYetDue', 'scoreMissing'] as const).filter((key) => indicator[key] !== null);
  if (counts.length === 0) return null;
  return (
    <ul class="separate-counts">
      {counts.map((key) => (
        <li key={key}>
          {texts.separate[key]}: {formatNumber(indicator[key], locale)}
        </li>
      ))}
    </ul>
  );
}

function Flow({ data, charts }: { data: Data; charts?: ChartsModule }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const texts = messages.flow;
  const stages = STAGE_ORDER.map((stage) => data.flowReport.stages.find((flow) => flow.stage === stage)).filter((flow) => flow !== undefined);
  const withStays = stages.filter((flow) => flow.closedStays !== null);
  const days = (value: number | null | undefined) => formatNumber(value, locale);
  return (
    <>
      <section aria-labelledby="flow-heading">
        <h2 id="flow-heading">{texts.heading}</h2>
        <div class="figure-row">
          {charts && (
            <charts.BarChart
              label={texts.perStageLabel}
              categories={stages.map(({ stage }) => STAGE_LABELS[stage][locale])}
              series={[{ label: texts.pathways, values: stages.map(({ pathways }) => pathways) }]}
            />
          )}
          <table>
            <caption>{texts.perStageLabel}</caption>
            <thead>
              <tr>
                <th scope="col">{texts.stage}</th>
                <th scope="col" class="number">
                  {texts.pathways}
                </th>
              </tr>
            </thead>
            <tbody>
              {stages.map(({ stage, pathways }) => (
                <tr key={stage}>
                  <th scope="row">{STAGE_LABELS[stage][locale]}</th>
                  <td class="number">{formatNumber(pathways, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="days-heading">
        <h2 id="days-heading">{texts.daysHeading}</h2>
        {charts && (
          <charts.BarChart
            label={texts.daysLabel}
            categories={withStays.map(({ stage }) => STAGE_LABELS[stage][locale])}
            series={[
              { label: texts.median, values: withStays.map(({ closedStays }) => closedStays?.medianDays ?? null) },
              { label: texts.p90, values: withStays.map(({ closedStays }) => closedStays?.p90Days ?? null) },
            ]}
          />
        )}
        <div class="table-scroll">
          <table>
            <caption>{texts.daysHeading}</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {texts.stage}
                </th>
                <th scope="colgroup" colSpan={3}>
                  {texts.closedStays}
                </th>
                <th scope="colgroup" colSpan={3}>
                  {texts.openStays}
                </th>
              </tr>
              <tr>
                {[0, 1].map((group) =>
                  [texts.count, texts.median, texts.p90].map((heading) => (
                    <th key={`${group}${heading}`} scope="col" class="number">
                      {heading}
                    </th>
                  )),
                )}
              </tr>
            </thead>
            <tbody>
              {stages.map(({ stage, closedStays, openStays }) => (
                <tr key={stage}>
                  <th scope="row">{STAGE_LABELS[stage][locale]}</th>
                  {[closedStays, openStays].map((stays, group) => [
                    <td key={`${group}c`} class="number">
                      {days(stays?.count)}
                    </td>,
                    <td key={`${group}m`} class="number">
                      {days(stays?.medianDays)}
                    </td>,
                    <td key={`${group}p`} class="number">
                      {days(stays?.p90Days)}
                    </td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <table>
          <caption>{texts.intervals}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.interval}</th>
              <th scope="col" class="number">
                {texts.count}
              </th>
              <th scope="col" class="number">
                {texts.median}
              </th>
              <th scope="col" class="number">
                {texts.p90}
              </th>
              <th scope="col" class="number">
                {texts.dataQualityFlags}
              </th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                [texts.examToReferral, data.flowReport.examToReferral],
                [texts.referralToSurgery, data.flowReport.referralToSurgery],
              ] as const
            ).map(([label, interval]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td class="number">{days(interval.count)}</td>
                <td class="number">{days(interval.medianDays)}</td>
                <td class="number">{days(interval.p90Days)}</td>
                <td class="number">{days(interval.dataQualityFlags)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function Deviations({ data, filter }: { data: Data; filter: AuditFilter }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const texts = messages.deviations;
  const report = data.deviationsReport;
  const stage = (value: PathwayStage | null) => (value === null ? '–' : STAGE_LABELS[value][locale]);
  return (
    <section aria-labelledby="deviations-heading">
      <h2 id="deviations-heading">{texts.heading}</h2>
      <p>
        {texts.total}: <strong data-testid="deviations-total">{formatNumber(report.total, locale)}</strong>
      </p>
      {report.total === 0 ? (
        <p class="muted">{texts.none}</p>
      ) : (
        <div class="columns">
          <table>
            <caption>{texts.byReason}</caption>
            <thead>
              <tr>
                <th scope="col">{texts.reason}</th>
                <th scope="col" class="number">
                  {texts.count}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.byReason.map(({ reason, count }) => (
                <tr key={reason ?? ''}>
                  <th scope="row">{reason ?? texts.noReason}</th>
                  <td class="number">{formatNumber(count, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>{texts.byMove}</caption>
            <thead>
              <tr>
                <th scope="col">{texts.move}</th>
                <th scope="col" class="number">
                  {texts.count}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.byMove.map(({ fromStage, toStage, count }) => (
                <tr key={`${fromStage}-${toStage}`}>
                  <th scope="row">
                    {stage(fromStage)} → {stage(toStage)}
                  </th>
                  <td class="number">{formatNumber(count, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>{texts.latest}</caption>
            <thead>
              <tr>
                <th scope="col">{texts.movedOn}</th>
                <th scope="col">{texts.move}</th>
                <th scope="col">{texts.reason}</th>
                <th scope="col">{texts.actor}</th>
                <th scope="col">{texts.pathway}</th>
              </tr>
            </thead>
            <tbody>
              {report.deviations.edges.map(({ node }) => (
                <tr key={`${node.pathwayId}-${node.sequence}`}>
                  <td>{formatDate(node.movedOn, locale)}</td>
                  <td>
                    {stage(node.fromStage)} → {stage(node.toStage)}
                  </td>
                  <td>{node.reason ?? texts.noReason}</td>
                  <td>{node.actor}</td>
                  <td>
                    <a href={pathwayReportHref(node.pathwayId, filter)}>
                      {messages.drill.report}
                      <span class="visually-hidden"> {node.pathwayId}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Suggestions({ data, charts }: { data: Data; charts?: ChartsModule }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const texts = messages.suggestions;
  const usage = data.suggestionsReport.suggestions;
  const withFeedback = usage.filter(({ accepted, overridden }) => accepted + overridden > 0);
  const comments = data.suggestionsReport.overrideComments.edges;
  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">{texts.heading}</h2>
      {usage.length === 0 && <p class="muted">{texts.none}</p>}
      {charts && withFeedback.length > 0 && (
        <charts.BarChart
          label={texts.chartLabel}
          horizontal
          categories={withFeedback.map(({ code }) => code)}
          series={[
            { label: texts.accepted, values: withFeedback.map(({ accepted }) => accepted) },
            { label: texts.overridden, values: withFeedback.map(({ overridden }) => overridden) },
          ]}
        />
      )}
      {usage.length > 0 && (
        <div class="table-scroll">
          <table class="suggestions">
            <caption>{texts.chartLabel}</caption>
            <thead>
              <tr>
                <th scope="col">{texts.code}</th>
                <th scope="col" class="number">
                  {texts.shown}
                </th>
                <th scope="col" class="number">
                  {texts.accepted}
                </th>
                <th scope="col" class="number">
                  {texts.overridden}
                </th>
                <th scope="col">{texts.reasons}</th>
              </tr>
            </thead>
            <tbody>
              {usage.map((suggestion) => (
                <tr key={suggestion.code}>
                  <th scope="row" class="code">
                    {suggestion.code}
                  </th>
                  <td class="number">{formatNumber(suggestion.shown, locale)}</td>
                  <td class="number">{formatNumber(suggestion.accepted, locale)}</td>
                  <td class="number">{formatNumber(suggestion.overridden, locale)}</td>
                  <td>
                    {suggestion.overrideReasons.length > 0 && (
                      <ul class="plain">
                        {suggestion.overrideReasons.map(({ reasonCode, count }) => (
                          <li key={reasonCode ?? ''}>
                            {reasonCode ? OVERRIDE_REASON_LABELS[reasonCode][locale] : texts.noReason}: {formatNumber(count, locale)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {comments.length > 0 && (
        <table>
          <caption>{texts.comments}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.code}</th>
              <th scope="col">{texts.reasons}</th>
              <th scope="col">{texts.givenOn}</th>
              <th scope="col">{texts.comment}</th>
            </tr>
          </thead>
          <tbody>
            {comments.map(({ node }, index) => (
              <tr key={index}>
                <td class="code">{node.code}</td>
                <td>{node.reasonCode ? OVERRIDE_REASON_LABELS[node.reasonCode][locale] : texts.noReason}</td>
                <td>{formatDate(node.givenOn, locale)}</td>
                <td>{node.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Downloads({ filter }: { filter: AuditFilter }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const [failed, setFailed] = useState<CsvFile>();
  const download = (file: CsvFile) => {
    setFailed(undefined);
    downloadCsv(file, filter, locale).catch(() => setFailed(file));
  };
  return (
    <section aria-labelledby="downloads-heading" class="no-print">
      <h2 id="downloads-heading">{messages.csv.heading}</h2>
      <p>{messages.csv.intro}</p>
      <ul class="downloads">
        {CSV_FILES.map((file) => (
          <li key={file}>
            <button type="button" class="secondary" onClick={() => download(file)}>
              {messages.csv.files[file]} ({file}.csv)
            </button>
          </li>
        ))}
      </ul>
      {failed && (
        <Notice kind="error">
          {messages.csv.failed}: {failed}.csv
        </Notice>
      )}
    </section>
  );
}
