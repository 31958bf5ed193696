import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChecklistItemStatus, CloseReason, OverrideReasonCode, PathwayStage, PathwayTimelineQuery, SidebarPatientQuery } from '../gql/graphql';
import { RECORDING_EVENT_TYPES } from '../../../pathways/domain/pathway-events';
import { GraphqlError, graphqlRequest, idempotencyKey } from '../common/graphql';
import { brusselsDate, formatDate, todayInBrussels, useLocale, useMessages } from '../common/i18n';
import { IndicatorBadge, INDICATOR_ORDER } from '../common/indicator';
import { tokenClaims } from '../common/auth';
import { Notice, SignInNeeded } from '../common/layout';
import { ITEM_FORMS, type FieldSpec, type FormValues } from './checklist-forms';
import { CLOSE_REASON_LABELS, codesOf, EVENT_TYPE_LABELS, OVERRIDE_REASON_LABELS, SIDE_LABELS, STAGE_LABELS, STAGE_ORDER } from '../common/labels';
import { MESSAGES } from './messages';
import { PATHWAY_TIMELINE, SIDEBAR_PATIENT, WRITES, type WriteName } from './operations';

type Patient = SidebarPatientQuery['patient'];
type Pathway = Patient['pathways'][number];
type Suggestion = Pathway['nextSteps'][number];
type ChecklistItem = Pathway['checklist'][number];

/** Marked when the patient's pathways are first on screen (the browser test reads it). */
export const FIRST_RENDER_MARK = 'sidebar-rendered';

/** What changed on a pathway between the version a write was based on and the fresh one (shown after a CONFLICT). */
interface Changes {
  stage?: { from: PathwayStage; to: PathwayStage };
  items: { label: string; status: ChecklistItemStatus }[];
  entries: number;
}

type TimelineEvent = PathwayTimelineQuery['pathway']['timeline']['edges'][number]['node'];

/** What the page reads from a pathway's record: the day the current stage began, and the recordings, newest first. */
interface PathwayRecord {
  /** The clinical date of the last stage change, else of the opening. */
  since?: string;
  /** Only recordings can be marked entered in error (the contract's corrections). */
  recordings: TimelineEvent[];
}

const RECORDING_TYPES: ReadonlySet<string> = new Set(RECORDING_EVENT_TYPES);

/** The pathway's record, read page by page. */
async function readRecord(pathwayId: string): Promise<PathwayRecord> {
  const record: PathwayRecord = { recordings: [] };
  let after: string | null | undefined;
  do {
    const { pathway } = await graphqlRequest(PATHWAY_TIMELINE, { id: pathwayId, after });
    for (const { node } of pathway.timeline.edges) {
      if (node.type === 'STAGE_CHANGED' || node.type === 'PATHWAY_OPENED') record.since = node.clinicalDate ?? brusselsDate(node.recordedAt);
      if (RECORDING_TYPES.has(node.type)) record.recordings.unshift(node);
    }
    after = pathway.timeline.pageInfo.hasNextPage ? pathway.timeline.pageInfo.endCursor : undefined;
  } while (after);
  return record;
}

/** Whole days between two YYYY-MM-DD dates. */
function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
}

function changesBetween(before: Pathway, after: Pathway): Changes {
  const earlier = new Map(before.checklist.map((item) => [item.code, item.status]));
  return {
    stage: before.stage === after.stage ? undefined : { from: before.stage, to: after.stage },
    items: after.checklist.filter((item) => earlier.get(item.code) !== item.status).map(({ label, status }) => ({ label, status })),
    entries: after.version - before.version,
  };
}

function ageOf(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The message of a refusal for this page's reader: its reason's or code's text, or the service's own message (it names the field and rule). */
export function useErrorText(): (error: unknown) => string {
  const messages = useMessages(MESSAGES);
  return (error) => {
    if (!(error instanceof GraphqlError)) return messages.errors.INTERNAL_SERVER_ERROR;
    return messages.errors[error.reason ?? ''] ?? messages.errors[error.code] ?? error.message;
  };
}

/**
 * Runs a write with an idempotency key that stays the same while the same write is retried (a payload sent again
 * after a failed answer is answered once), and a new one for another payload.
 */
function useWrite() {
  const keys = useRef(new Map<string, string>());
  return async (write: WriteName, input: Record<string, unknown>) => {
    const payload = JSON.stringify([write, input]);
    const key = keys.current.get(payload) ?? idempotencyKey(write);
    keys.current.set(payload, key);
    // Each document's input type is checked against the schema by codegen; the form builds its fields by name.
    const operation = WRITES[write] as unknown as Parameters<typeof graphqlRequest<unknown, { input: Record<string, unknown> }>>[0];
    const result = await graphqlRequest(operation, { input: { ...input, idempotencyKey: key } });
    keys.current.delete(payload);
    return result;
  };
}

export function PatientSidebar({ patientId }: { patientId: string }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const errorText = useErrorText();
  const [state, setState] = useState<Patient | undefined>();
  const [error, setError] = useState<unknown>();
  const [changes, setChanges] = useState<Record<string, Changes | undefined>>({});
  const marked = useRef(false);

  const reload = async (): Promise<Patient | undefined> => {
    try {
      const { patient: fresh } = await graphqlRequest(SIDEBAR_PATIENT, { id: patientId, locale });
      setState(fresh);
      setError(undefined);
      return fresh;
    } catch (caught) {
      setError(caught);
      return undefined;
    }
  };

  useEffect(() => {
    void reload();
  }, [patientId, locale]);

  useEffect(() => {
    if (state && !marked.current) {
      marked.current = true;
      performance.mark(FIRST_RENDER_MARK);
    }
  }, [state]);

  /** After a refused write on a stale version: the fresh state, and what changed since the version the page showed. */
  const refreshAfterConflict = async (pathwayId: string) => {
    const before = state?.pathways.find((pathway) => pathway.id === pathwayId);
    const fresh = await reload();
    const after = fresh?.pathways.find((pathway) => pathway.id === pathwayId);
    if (before && after) setChanges((current) => ({ ...current, [pathwayId]: changesBetween(before, after) }));
  };

  if (error instanceof GraphqlError && error.code === 'UNAUTHENTICATED') return <SignInNeeded />;
  if (error && !state) return <Notice kind="error">{errorText(error)}</Notice>;
  if (!state) return <p role="status">{messages.loading}</p>;

  const patient = state;
  // The hip with the most urgent suggestion comes first, so a critical card is never below the fold.
  const pathways = [...patient.pathways].sort((a, b) => mostUrgent(a) - mostUrgent(b));
  const can = permissionsOf(tokenClaims()?.roles ?? []);
  return (
    <>
      <section aria-labelledby="patient-heading" class="patient-header">
        <h2 id="patient-heading">
          {messages.patient} {patient.identifier.value}
        </h2>
        <p>
          {messages.born} {formatDate(patient.birthDate, locale)} ({ageOf(patient.birthDate, brusselsDate(pathways[0]?.evaluatedAt))} {messages.years}
          ), {messages.sex[patient.sex]}
        </p>
      </section>
      {error !== undefined && <Notice kind="error">{errorText(error)}</Notice>}
      {pathways.length === 0 && <p>{messages.noOpenPathway}</p>}
      {pathways.map((pathway) => (
        <PathwayPanel
          key={pathway.id}
          pathway={pathway}
          can={can}
          changes={changes[pathway.id]}
          onWritten={async () => {
            setChanges((current) => ({ ...current, [pathway.id]: undefined }));
            await reload();
          }}
          onConflict={() => refreshAfterConflict(pathway.id)}
        />
      ))}
    </>
  );
}

/** The rank in INDICATOR_ORDER of a pathway's most urgent suggestion (critical is 0); past the end when it has none. */
function mostUrgent(pathway: Pathway): number {
  return Math.min(INDICATOR_ORDER.length, ...pathway.nextSteps.map((suggestion) => INDICATOR_ORDER.indexOf(suggestion.indicator)));
}

/**
 * What the signed-in user may do here, as the README's roles table says (the service refuses the
 * rest anyway): clinicians record, move stages and give feedback; integrations give feedback;
 * auditors and admins only read.
 */
interface Permissions {
  record: boolean;
  giveFeedback: boolean;
}

function permissionsOf(roles: readonly string[]): Permissions {
  const record = roles.includes('CLINICIAN');
  return { record, giveFeedback: record || roles.includes('INTEGRATION') };
}

interface PanelProps {
  pathway: Pathway;
  can: Permissions;
  changes?: Changes;
  onWritten: () => Promise<void>;
  onConflict: () => Promise<void>;
}

type WriteAnswer = { ok: true } | { ok: false; code: string; message: string };

/**
 * A form's write of the pathway: the fresh state after it, or after a CONFLICT the fresh state and what changed.
 * `busy` while it runs; `result` says `success` after it, or the refusal, but for the codes the form `handles` itself.
 */
function useSubmit({ onWritten, onConflict }: Pick<PanelProps, 'onWritten' | 'onConflict'>) {
  const write = useWrite();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'error' | 'success'; text: string } | undefined>();
  const run = async (name: WriteName, input: Record<string, unknown>): Promise<WriteAnswer> => {
    try {
      await write(name, input);
      await onWritten();
      return { ok: true };
    } catch (error) {
      if (error instanceof GraphqlError && error.code === 'CONFLICT' && error.reason === 'STALE_VERSION') await onConflict();
      return { ok: false, code: error instanceof GraphqlError ? error.code : 'INTERNAL_SERVER_ERROR', message: errorText(error) };
    }
  };
  const submit = async (name: WriteName, input: Record<string, unknown>, { success, handles = [] }: { success: string; handles?: string[] }) => {
    setBusy(true);
    const answer = await run(name, input);
    setBusy(false);
    if (answer.ok) setResult({ kind: 'success', text: success });
    else setResult(handles.includes(answer.code) ? undefined : { kind: 'error', text: answer.message });
    return answer;
  };
  return { submit, busy, result, setResult };
}

function PathwayPanel(props: PanelProps) {
  const { pathway, changes } = props;
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const headingId = `pathway-${pathway.id}`;
  const [record, setRecord] = useState<PathwayRecord | undefined>();
  useEffect(() => {
    readRecord(pathway.id).then(setRecord, () => setRecord(undefined));
  }, [pathway.id, pathway.version]);
  const since = record?.since;
  return (
    <section class="pathway" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {SIDE_LABELS[pathway.side][locale]}: {STAGE_LABELS[pathway.stage][locale]}
      </h2>
      <p class="muted" aria-live="polite">
        {since === undefined ? '…' : messages.daysInStage(daysBetween(since, brusselsDate(pathway.evaluatedAt)))}
      </p>
      <ol class="stepper" aria-label={messages.stepper}>
        {STAGE_ORDER.map((stage) => (
          <li key={stage} class={stage === pathway.stage ? 'current' : undefined} aria-current={stage === pathway.stage ? 'step' : undefined}>
            <span>{STAGE_LABELS[stage][locale]}</span>
            {stage === pathway.stage && <span class="stepper-now">({messages.currentStage})</span>}
          </li>
        ))}
      </ol>
      {changes && <ConflictNotice changes={changes} />}
      <Suggestions {...props} />
      <Checklist {...props} />
      {record && <Recordings {...props} recordings={record.recordings} />}
      {props.can.record && <StageMove {...props} />}
    </section>
  );
}

function ConflictNotice({ changes }: { changes: Changes }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  return (
    <Notice kind="info">
      <p>{messages.conflict}</p>
      <p>
        <strong>{messages.changes}</strong>
      </p>
      <ul class="changes">
        {changes.stage && <li>{messages.changedStage(STAGE_LABELS[changes.stage.from][locale], STAGE_LABELS[changes.stage.to][locale])}</li>}
        {changes.items.map((item) => (
          <li key={item.label}>{messages.changedItem(item.label, messages.status[item.status])}</li>
        ))}
        <li>{messages.changedOther(changes.entries)}</li>
      </ul>
    </Notice>
  );
}

function Suggestions(props: PanelProps) {
  const messages = useMessages(MESSAGES);
  const { pathway } = props;
  const sorted = [...pathway.nextSteps].sort((a, b) => INDICATOR_ORDER.indexOf(a.indicator) - INDICATOR_ORDER.indexOf(b.indicator));
  return (
    <section aria-labelledby={`suggestions-${pathway.id}`}>
      <h3 id={`suggestions-${pathway.id}`}>{messages.suggestions}</h3>
      {sorted.length === 0 && <p>{messages.noSuggestions}</p>}
      <ul class="cards">
        {sorted.map((suggestion) => (
          <SuggestionCard key={suggestion.code} suggestion={suggestion} {...props} />
        ))}
      </ul>
    </section>
  );
}

function SuggestionCard({ suggestion, ...props }: PanelProps & { suggestion: Suggestion }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const { submit, busy, result } = useSubmit(props);
  const [overriding, setOverriding] = useState(false);
  const [reasonCode, setReasonCode] = useState<OverrideReasonCode>('CLINICAL_JUDGEMENT');
  const [comment, setComment] = useState('');
  const id = `${props.pathway.id}-${suggestion.code}`;

  const send = async (outcome: 'ACCEPTED' | 'OVERRIDDEN') => {
    const input = {
      pathwayId: props.pathway.id,
      expectedVersion: props.pathway.version,
      code: suggestion.code,
      outcome,
      ...(outcome === 'OVERRIDDEN' && { reasonCode, comment }),
    };
    const answer = await submit('giveSuggestionFeedback', input, { success: outcome === 'ACCEPTED' ? messages.accepted : messages.overridden });
    if (answer.ok) setOverriding(false);
  };

  return (
    <li class={`card card-${suggestion.indicator.toLowerCase()}`} aria-labelledby={`${id}-title`}>
      <IndicatorBadge indicator={suggestion.indicator} locale={locale} />
      <h4 id={`${id}-title`}>{suggestion.title}</h4>
      <p>{suggestion.detail}</p>
      <details>
        <summary>{messages.whyAndSources}</summary>
        <p>{suggestion.explanation.text}</p>
        <p>{messages.sources}:</p>
        <ul>
          {suggestion.citations.map((citation) => (
            <li key={citation.id}>
              <a href={citation.url} target="_blank" rel="noopener noreferrer">
                {citation.title}
              </a>
            </li>
          ))}
        </ul>
      </details>
      {props.can.giveFeedback && !overriding && (
        <div class="row">
          <button type="button" disabled={busy} onClick={() => void send('ACCEPTED')}>
            {messages.accept}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => setOverriding(true)}>
            {messages.override}
          </button>
        </div>
      )}
      {overriding && (
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void send('OVERRIDDEN');
          }}
        >
          <label>
            {messages.overrideReason}
            <select value={reasonCode} onChange={(event) => setReasonCode(event.currentTarget.value as OverrideReasonCode)}>
              {codesOf(OVERRIDE_REASON_LABELS).map((code) => (
                <option key={code} value={code}>
                  {OVERRIDE_REASON_LABELS[code][locale]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {messages.comment}
            <textarea required rows={2} maxLength={2000} value={comment} onInput={(event) => setComment(event.currentTarget.value)} />
          </label>
          <SubmitOrCancel label={messages.sendOverride} busy={busy} onCancel={() => setOverriding(false)} />
        </form>
      )}
      {result && <Notice kind={result.kind}>{result.text}</Notice>}
    </li>
  );
}

function Checklist(props: PanelProps) {
  const messages = useMessages(MESSAGES);
  const { pathway } = props;
  return (
    <section aria-labelledby={`checklist-${pathway.id}`}>
      <h3 id={`checklist-${pathway.id}`}>{messages.checklist}</h3>
      {pathway.checklist.length === 0 && <p>{messages.checklistEmpty}</p>}
      <ul class="checklist">
        {pathway.checklist.map((item) => (
          <ChecklistRow key={item.code} item={item} {...props} />
        ))}
      </ul>
    </section>
  );
}

/** What was recorded on the hip, newest first, collapsed; a clinician can mark a recording entered in error, with what was wrong. */
function Recordings({ recordings, ...props }: PanelProps & { recordings: TimelineEvent[] }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  return (
    <details class="recordings">
      <summary>{messages.recordings}</summary>
      {recordings.length === 0 && <p>{messages.noRecordings}</p>}
      <ul>
        {recordings.map((event) => (
          <li key={event.sequence}>
            <span class={event.enteredInError ? 'entered-in-error' : undefined}>
              {EVENT_TYPE_LABELS[event.type]?.[locale] ?? event.type}
              {event.clinicalDate && `, ${formatDate(event.clinicalDate, locale)}`}
            </span>
            {event.enteredInError && <span class="muted"> ({messages.enteredInError})</span>}
            {props.can.record && !event.enteredInError && <EnteredInErrorForm event={event} {...props} />}
          </li>
        ))}
      </ul>
    </details>
  );
}

function EnteredInErrorForm({ event, ...props }: PanelProps & { event: TimelineEvent }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const { submit, busy, result } = useSubmit(props);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const label = `${EVENT_TYPE_LABELS[event.type]?.[locale] ?? event.type} ${event.clinicalDate ?? ''}`.trim();

  const send = async (submitted: Event) => {
    submitted.preventDefault();
    await submit(
      'markEnteredInError',
      { pathwayId: props.pathway.id, expectedVersion: props.pathway.version, targetSequence: event.sequence, reason },
      { success: messages.markedEnteredInError },
    );
  };

  return (
    <>
      {!open && (
        <button type="button" class="link-button" onClick={() => setOpen(true)}>
          {messages.markEnteredInError}
          <span class="visually-hidden">: {label}</span>
        </button>
      )}
      {open && (
        <form class="inline-form" onSubmit={(submitted) => void send(submitted)}>
          <label>
            {messages.enteredInErrorReason}
            <input type="text" required maxLength={500} value={reason} onInput={(input) => setReason(input.currentTarget.value)} />
          </label>
          <SubmitOrCancel label={messages.markEnteredInError} busy={busy} onCancel={() => setOpen(false)} />
        </form>
      )}
      {result && <Notice kind={result.kind}>{result.text}</Notice>}
    </>
  );
}

/** One item: ticking it opens its form; what was typed stays while the form is open, a CONFLICT included. */
function ChecklistRow({ item, ...props }: PanelProps & { item: ChecklistItem }) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const { submit, busy, result, setResult } = useSubmit(props);
  const form = ITEM_FORMS[item.code];
  const [mode, setMode] = useState<'closed' | 'record' | 'notApplicable'>('closed');
  const [values, setValues] = useState<FormValues>({});
  const [clinicalDate, setClinicalDate] = useState(todayInBrussels());
  const [reason, setReason] = useState('');
  const id = `${props.pathway.id}-${item.code}`;
  const done = item.status === 'DONE';

  const send = async (event: Event) => {
    event.preventDefault();
    const base = { pathwayId: props.pathway.id, expectedVersion: props.pathway.version };
    const { write, input } =
      mode === 'notApplicable' ? { write: 'markChecklistItemNotApplicable' as const, input: { item: item.code, reason } } : form.toWrite(values);
    const answer = await submit(write, { ...base, ...(mode === 'record' && { clinicalDate }), ...input }, { success: messages.recorded });
    if (answer.ok) {
      setMode('closed');
      setValues({});
      setReason('');
    }
  };

  return (
    <li class={`checklist-item status-${item.status.toLowerCase()}`}>
      <label class="checklist-tick">
        <input
          type="checkbox"
          checked={done || mode === 'record'}
          disabled={!props.can.record || done || item.status === 'NOT_APPLICABLE'}
          aria-describedby={`${id}-status`}
          onChange={(event) => {
            setResult(undefined);
            setMode(event.currentTarget.checked ? 'record' : 'closed');
          }}
        />
        <span>{item.label}</span>
      </label>
      <span id={`${id}-status`} class="checklist-status">
        {messages.status[item.status]}
        {item.reason && `: ${item.reason}`}
      </span>
      {props.can.record && item.status === 'TODO' && mode === 'closed' && (
        <button type="button" class="link-button" onClick={() => setMode('notApplicable')}>
          {messages.markNotApplicable}
          <span class="visually-hidden">: {item.label}</span>
        </button>
      )}
      {mode !== 'closed' && (
        <form class="inline-form" aria-label={item.label} onSubmit={(event) => void send(event)}>
          {mode === 'record' && (
            <>
              {form.fields.map((field) => (
                <FormField key={field.name} idPrefix={id} field={field} values={values} onChange={setValues} />
              ))}
              <label>
                {form.dateLabel ? form.dateLabel[locale] : messages.date}
                <input
                  type="date"
                  required
                  max={todayInBrussels()}
                  value={clinicalDate}
                  onInput={(event) => setClinicalDate(event.currentTarget.value)}
                />
              </label>
            </>
          )}
          {mode === 'notApplicable' && (
            <label>
              {messages.notApplicableReason}
              <input type="text" required maxLength={500} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
            </label>
          )}
          <SubmitOrCancel
            label={mode === 'notApplicable' ? messages.markNotApplicable : messages.record}
            busy={busy}
            onCancel={() => setMode('closed')}
          />
        </form>
      )}
      {result && <Notice kind={result.kind}>{result.text}</Notice>}
    </li>
  );
}

/** A form's last row: its submit button (disabled while it is sent) and a cancel button that closes it. */
function SubmitOrCancel({ label, busy, onCancel }: { label: string; busy: boolean; onCancel: () => void }) {
  const messages = useMessages(MESSAGES);
  return (
    <div class="row">
      <button type="submit" disabled={busy}>
        {label}
      </button>
      <button type="button" class="secondary" onClick={onCancel}>
        {messages.cancel}
      </button>
    </div>
  );
}

function FormField({
  idPrefix,
  field,
  values,
  onChange,
}: {
  idPrefix: string;
  field: FieldSpec;
  values: FormValues;
  onChange: (values: FormValues) => void;
}) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const set = (value: FormValues[string]) => onChange({ ...values, [field.name]: value });
  const value = values[field.name];
  switch (field.kind) {
    case 'integer':
    case 'decimal':
      return (
        <label>
          {field.label[locale]}
          <input
            type="number"
            inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'}
            required
            min={field.min}
            max={field.max}
            step={field.kind === 'integer' ? 1 : 0.1}
            value={typeof value === 'string' ? value : ''}
            onInput={(event) => set(event.currentTarget.value)}
          />
        </label>
      );
    case 'date':
      return (
        <label>
          {field.label[locale]}
          <input type="date" required value={typeof value === 'string' ? value : ''} onInput={(event) => set(event.currentTarget.value)} />
        </label>
      );
    case 'yesNo':
    case 'one': {
      const options: [string, string][] =
        'options' in field
          ? Object.entries(field.options).map(([code, text]) => [code, text[locale]])
          : [
              ['yes', messages.yes],
              ['no', messages.no],
            ];
      return (
        <fieldset>
          <legend>{field.label[locale]}</legend>
          {options.map(([code, text]) => (
            <label key={code} class="choice">
              <input type="radio" name={`${idPrefix}-${field.name}`} required value={code} checked={value === code} onChange={() => set(code)} />
              {text}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'many': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset>
          <legend>{field.label[locale]}</legend>
          {Object.entries(field.options).map(([code, text]) => (
            <label key={code} class="choice">
              <input
                type="checkbox"
                value={code}
                checked={chosen.includes(code)}
                onChange={(event) => set(event.currentTarget.checked ? [...chosen, code] : chosen.filter((other) => other !== code))}
              />
              {text[locale]}
            </label>
          ))}
        </fieldset>
      );
    }
  }
}

const DEVIATION_REASON_REQUIRED = 'DEVIATION_REASON_REQUIRED';

/** Moves the pathway; when the guideline does not support the move, asks the deviation reason and sends again. */
function StageMove(props: PanelProps) {
  const messages = useMessages(MESSAGES);
  const { locale } = useLocale();
  const { submit, busy, result } = useSubmit(props);
  const { pathway } = props;
  const [to, setTo] = useState<PathwayStage | ''>('');
  const [closeReason, setCloseReason] = useState<CloseReason>('COMPLETED');
  const [deviationNeeded, setDeviationNeeded] = useState(false);
  const [deviationReason, setDeviationReason] = useState('');
  const id = `move-${pathway.id}`;

  const send = async (event: Event) => {
    event.preventDefault();
    if (to === '') return;
    const answer = await submit(
      'changeStage',
      {
        pathwayId: pathway.id,
        expectedVersion: pathway.version,
        to,
        ...(to === 'CLOSED' && { closeReason }),
        ...(deviationNeeded && { deviationReason }),
      },
      { success: messages.moved, handles: [DEVIATION_REASON_REQUIRED] },
    );
    if (answer.ok) {
      setTo('');
      setDeviationNeeded(false);
      setDeviationReason('');
    } else if (answer.code === DEVIATION_REASON_REQUIRED) setDeviationNeeded(true);
  };

  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{messages.moveStage}</h3>
      <form class="inline-form" onSubmit={(event) => void send(event)}>
        <label>
          {messages.moveTo}
          <select
            required
            value={to}
            onChange={(event) => {
              setTo(event.currentTarget.value as PathwayStage);
              setDeviationNeeded(false);
            }}
          >
            <option value="" disabled>
              …
            </option>
            {pathway.allowedMoves.map((stage) => (
              <option key={stage} value={stage}>
                {STAGE_LABELS[stage][locale]}
              </option>
            ))}
          </select>
        </label>
        {to === 'CLOSED' && (
          <label>
            {messages.closeReason}
            <select value={closeReason} onChange={(event) => setCloseReason(event.currentTarget.value as CloseReason)}>
              {codesOf(CLOSE_REASON_LABELS).map((code) => (
                <option key={code} value={code}>
                  {CLOSE_REASON_LABELS[code][locale]}
                </option>
              ))}
            </select>
          </label>
        )}
        {deviationNeeded && (
          <>
            <Notice kind="info">{messages.deviationExplained}</Notice>
            <label>
              {messages.deviationReason}
              <textarea
                required
                rows={2}
                maxLength={2000}
                value={deviationReason}
                onInput={(event) => setDeviationReason(event.currentTarget.value)}
              />
            </label>
          </>
        )}
        <div class="row">
          <button type="submit" disabled={busy || to === ''}>
            {messages.move}
          </button>
        </div>
      </form>
      {result && <Notice kind={result.kind}>{result.text}</Notice>}
    </section>
  );
}
