import type { PathwayReportQuery } from '../gql/graphql';
import { formatDate, useLocale, useMessages } from '../common/i18n';
import { IndicatorBadge } from '../common/indicator';
import { Notice, Shell } from '../common/layout';
import { filterFromSearch, filterSearch } from './filters';
import { formatInstant } from './format';
import { EVENT_TYPE_LABELS, OVERRIDE_REASON_LABELS, SIDE_LABELS, STAGE_LABELS } from '../common/labels';
import { MESSAGES } from './messages';
import { PathwayReportQuery as PATHWAY_REPORT } from './operations';
import { useQuery } from './query';
import { Loading, QueryFailure, useDocumentTitle } from './status';

type Review = PathwayReportQuery['pathwayReport'];

/**
 * One pathway for case review, made to be printed (audit.css's print rules): the pathway, its audit trail verified,
 * every event with who recorded it, the suggestions active just before it and the one it followed, its deviations
 * and its overrides.
 */
export function PathwayReport({ pathwayId }: { pathwayId: string }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const state = useQuery(PATHWAY_REPORT, { pathwayId, locale }, `${pathwayId}:${locale}`);
  useDocumentTitle(`${messages.reportTitle} ${pathwayId}`);
  return (
    <Shell title={messages.reportTitle} wide>
      <nav class="no-print report-tools">
        <a href={`/app/audit${filterSearch(filterFromSearch(location.search))}`}>← {messages.report.back}</a>
        <button type="button" onClick={() => print()} disabled={state.status !== 'done'}>
          {messages.report.print}
        </button>
      </nav>
      {state.status === 'failed' && <QueryFailure error={state.error} />}
      {state.status === 'loading' && !state.data && <Loading />}
      {state.data && <Report review={state.data.pathwayReport} />}
    </Shell>
  );
}

function Report({ review }: { review: Review }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const texts = messages.report;
  const who = (actor: string, actingFor: string | null | undefined) => (actingFor ? `${actor} ${texts.actingFor} ${actingFor}` : actor);
  return (
    <article class="pathway-report">
      <dl class="report-summary">
        <div>
          <dt>{texts.pathway}</dt>
          <dd class="code">{review.pathway.id}</dd>
        </div>
        <div>
          <dt>{texts.side}</dt>
          <dd>{SIDE_LABELS[review.pathway.side][locale]}</dd>
        </div>
        <div>
          <dt>{texts.stage}</dt>
          <dd>{STAGE_LABELS[review.pathway.stage][locale]}</dd>
        </div>
        <div>
          <dt>{texts.ruleSet}</dt>
          <dd>{review.ruleSetVersion}</dd>
        </div>
      </dl>

      <h2>{texts.chain}</h2>
      <Notice kind={review.auditTrail.intact ? 'success' : 'error'}>
        <p class="chain-status">
          <span aria-hidden="true">{review.auditTrail.intact ? '✔ ' : '✖ '}</span>
          {review.auditTrail.intact ? texts.chainIntact : `${texts.chainBroken} ${review.auditTrail.firstBrokenSequence ?? '?'}`} (
          {review.auditTrail.eventsChecked} {texts.eventsChecked})
        </p>
      </Notice>

      <h2 id="timeline-heading">{texts.timeline}</h2>
      <div class="table-scroll">
        <table class="timeline" aria-labelledby="timeline-heading">
          <thead>
            <tr>
              <th scope="col">{texts.sequence}</th>
              <th scope="col">{texts.event}</th>
              <th scope="col">{texts.clinicalDate}</th>
              <th scope="col">{texts.recordedAt}</th>
              <th scope="col">{texts.by}</th>
              <th scope="col">{texts.details}</th>
              <th scope="col">{texts.activeSuggestions}</th>
            </tr>
          </thead>
          <tbody>
            {review.timeline.map((event) => (
              <tr key={event.sequence} class={event.enteredInError ? 'entered-in-error' : undefined}>
                <td class="number">{event.sequence}</td>
                <th scope="row">
                  {EVENT_TYPE_LABELS[event.type]?.[locale] ?? event.type}
                  {event.enteredInError && <span class="tag">{texts.enteredInError}</span>}
                </th>
                <td>{event.clinicalDate ? formatDate(event.clinicalDate, locale) : '–'}</td>
                <td>{formatInstant(event.recordedAt, locale)}</td>
                <td>
                  {who(event.actor, event.actingFor)}
                  <br />
                  <span class="muted">{event.role}</span>
                </td>
                <td>
                  <Payload payload={event.payload} />
                  {event.reason && (
                    <p>
                      {texts.reason}: {event.reason}
                    </p>
                  )}
                  {event.followedSuggestion && (
                    <p class="followed">
                      <span aria-hidden="true">✔ </span>
                      {texts.followed}: <span class="code">{event.followedSuggestion}</span>
                    </p>
                  )}
                </td>
                <td>
                  {event.activeSuggestions.length === 0 ? (
                    <span class="muted">{texts.none}</span>
                  ) : (
                    <ul class="plain active-suggestions">
                      {event.activeSuggestions.map((suggestion) => (
                        <li key={suggestion.code}>
                          <IndicatorBadge indicator={suggestion.indicator} locale={locale} /> {suggestion.title}{' '}
                          <span class="code muted">{suggestion.code}</span>
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

      <h2 id="deviations-heading">{texts.deviations}</h2>
      {review.deviations.length === 0 ? (
        <p class="muted">{texts.none}</p>
      ) : (
        <table aria-labelledby="deviations-heading">
          <thead>
            <tr>
              <th scope="col">{texts.sequence}</th>
              <th scope="col">{texts.move}</th>
              <th scope="col">{texts.reason}</th>
              <th scope="col">{texts.by}</th>
              <th scope="col">{texts.recordedAt}</th>
            </tr>
          </thead>
          <tbody>
            {review.deviations.map((deviation) => (
              <tr key={deviation.sequence}>
                <td class="number">{deviation.sequence}</td>
                <td>
                  {STAGE_LABELS[deviation.from][locale]} → {STAGE_LABELS[deviation.to][locale]}
                </td>
                <td>{deviation.reason ?? '–'}</td>
                <td>{who(deviation.actor, deviation.actingFor)}</td>
                <td>{formatInstant(deviation.recordedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="overrides-heading">{texts.overrides}</h2>
      {review.overrides.length === 0 ? (
        <p class="muted">{texts.none}</p>
      ) : (
        <table aria-labelledby="overrides-heading">
          <thead>
            <tr>
              <th scope="col">{texts.sequence}</th>
              <th scope="col">{texts.suggestion}</th>
              <th scope="col">{texts.reason}</th>
              <th scope="col">{texts.comment}</th>
              <th scope="col">{texts.by}</th>
              <th scope="col">{texts.recordedAt}</th>
            </tr>
          </thead>
          <tbody>
            {review.overrides.map((override) => (
              <tr key={override.sequence}>
                <td class="number">{override.sequence}</td>
                <td class="code">{override.code}</td>
                <td>{override.reasonCode ? OVERRIDE_REASON_LABELS[override.reasonCode][locale] : '–'}</td>
                <td>{override.comment ?? '–'}</td>
                <td>{who(override.actor, override.actingFor)}</td>
                <td>{formatInstant(override.recordedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

/** An event's recorded values, as name: value pairs (lists joined, objects as JSON). */
function Payload({ payload }: { payload: Record<string, unknown> }) {
  const entries = Object.entries(payload).filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (entries.length === 0) return null;
  return (
    <dl class="payload">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{payloadValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function payloadValue(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : value.map(payloadValue).join(', ');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
