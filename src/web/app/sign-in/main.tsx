import { useState } from 'preact/hooks';
import { storeAccessToken } from '../common/auth';
import { useMessages, type Messages } from '../common/i18n';
import { Notice, renderPage, Shell } from '../common/layout';

/** Development sign-in: mints a token through the service's development-only POST /auth/dev-token. */
const ROLES = ['CLINICIAN', 'AUDITOR', 'INTEGRATION', 'ADMIN'] as const;

const MESSAGES: Messages<{
  title: string;
  intro: string;
  user: string;
  role: string;
  actingFor: string;
  submit: string;
  failed: string;
  signedIn: string;
  continue: string;
  roles: Record<(typeof ROLES)[number], string>;
}> = {
  EN: {
    title: 'Sign in (development)',
    intro: 'Development only: this page mints a token signed with the development secret. In production the EHR launch brings the token.',
    user: 'User name',
    role: 'Role',
    actingFor: 'Acting for (clinician, integrations only)',
    submit: 'Sign in',
    failed: 'Signing in failed',
    signedIn: 'Signed in.',
    continue: 'Continue',
    roles: { CLINICIAN: 'Clinician', AUDITOR: 'Auditor', INTEGRATION: 'Integration (EHR)', ADMIN: 'Administrator' },
  },
  NL: {
    title: 'Aanmelden (ontwikkeling)',
    intro: 'Enkel voor ontwikkeling: deze pagina maakt een token met het ontwikkelgeheim. In productie brengt de start vanuit het EPD het token mee.',
    user: 'Gebruikersnaam',
    role: 'Rol',
    actingFor: 'Namens (arts, enkel voor integraties)',
    submit: 'Aanmelden',
    failed: 'Aanmelden mislukt',
    signedIn: 'Aangemeld.',
    continue: 'Verder',
    roles: { CLINICIAN: 'Arts', AUDITOR: 'Auditor', INTEGRATION: 'Integratie (EPD)', ADMIN: 'Beheerder' },
  },
};

/** Where to go after signing in: a page of ours only (never another site). */
function returnAddress(): string | undefined {
  const target = new URLSearchParams(location.search).get('return');
  return target !== null && /^\/app\/[^/]/.test(target) ? target : undefined;
}

function SignIn() {
  const messages = useMessages(MESSAGES);
  const [sub, setSub] = useState('dr.peeters');
  const [role, setRole] = useState<(typeof ROLES)[number]>('CLINICIAN');
  const [actingFor, setActingFor] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'failed' | 'done'>('idle');

  const submit = async (event: Event) => {
    event.preventDefault();
    setState('busy');
    const response = await fetch('/auth/dev-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub, role, ...(role === 'INTEGRATION' && actingFor !== '' && { actingFor }) }),
    }).catch(() => undefined);
    const body = response?.ok ? ((await response.json()) as { token: string }) : undefined;
    if (!body) return setState('failed');
    storeAccessToken(body.token);
    const target = returnAddress() ?? (role === 'AUDITOR' ? '/app/audit' : undefined);
    if (target) location.assign(target);
    else setState('done');
  };

  return (
    <Shell title={messages.title}>
      <p>{messages.intro}</p>
      <form onSubmit={(event) => void submit(event)}>
        <div class="row">
          <label>
            {messages.user}
            <input name="sub" required value={sub} autoComplete="username" onInput={(event) => setSub(event.currentTarget.value)} />
          </label>
          <label>
            {messages.role}
            <select name="role" value={role} onChange={(event) => setRole(event.currentTarget.value as (typeof ROLES)[number])}>
              {ROLES.map((value) => (
                <option key={value} value={value}>
                  {messages.roles[value]}
                </option>
              ))}
            </select>
          </label>
          {role === 'INTEGRATION' && (
            <label>
              {messages.actingFor}
              <input name="actingFor" required value={actingFor} onInput={(event) => setActingFor(event.currentTarget.value)} />
            </label>
          )}
          <button type="submit" disabled={state === 'busy'}>
            {messages.submit}
          </button>
        </div>
      </form>
      {state === 'failed' && <Notice kind="error">{messages.failed}</Notice>}
      {state === 'done' && <Notice kind="success">{messages.signedIn}</Notice>}
    </Shell>
  );
}

renderPage(<SignIn />);
