import { render, type ComponentChildren } from 'preact';
import { devSignInAvailable, signInHref, signOut, tokenClaims } from './auth';
import { LOCALES, LocaleProvider, useLocale, useMessages, type Messages } from './i18n';
import './styles.css';

/**
 * The page shell every page uses:
 *
 *     renderPage(<App />);                    // in <page>/main.tsx: mounts into #root inside the LocaleProvider
 *     <Shell title="...">...</Shell>          // skip link, header (title, language switch, user, sign out), <main>
 *     <Notice kind="error">...</Notice>       // role=alert for errors, role=status otherwise
 *     <SignInNeeded />                        // no valid token (or it was refused): sign-in link (development) or launch hint
 *
 * Styles: ./styles.css (imported here; pages may import their own CSS). No inline styles or scripts (CSP).
 */
const SHELL_MESSAGES: Messages<{
  service: string;
  skip: string;
  language: string;
  signedInAs: string;
  signOut: string;
  signInNeeded: string;
  signIn: string;
  launchHint: string;
}> = {
  EN: {
    service: 'Hip osteoarthritis pathway',
    skip: 'Skip to content',
    language: 'Language',
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    signInNeeded: 'You are not signed in, or your session has ended.',
    signIn: 'Sign in',
    launchHint: 'Open this page again from your EHR.',
  },
  NL: {
    service: 'Zorgpad heupartrose',
    skip: 'Naar de inhoud',
    language: 'Taal',
    signedInAs: 'Aangemeld als',
    signOut: 'Afmelden',
    signInNeeded: 'U bent niet aangemeld, of uw sessie is verlopen.',
    signIn: 'Aanmelden',
    launchHint: 'Open deze pagina opnieuw vanuit uw EPD.',
  },
};

export function renderPage(page: ComponentChildren): void {
  render(<LocaleProvider>{page}</LocaleProvider>, document.getElementById('root')!);
}

export function Shell({ title, children, wide = false }: { title: string; children: ComponentChildren; wide?: boolean }) {
  const messages = useMessages(SHELL_MESSAGES);
  const { locale, setLocale } = useLocale();
  const claims = tokenClaims();
  return (
    <>
      <a class="skip-link" href="#main">
        {messages.skip}
      </a>
      <header class="shell-header">
        <p class="shell-service">{messages.service}</p>
        <div class="shell-tools">
          <label class="shell-language">
            <span>{messages.language}</span>
            <select value={locale} onChange={(event) => setLocale(event.currentTarget.value as (typeof LOCALES)[number])}>
              {LOCALES.map((value) => (
                <option key={value} value={value}>
                  {value === 'EN' ? 'English' : 'Nederlands'}
                </option>
              ))}
            </select>
          </label>
          {claims && (
            <span class="shell-user">
              {messages.signedInAs} <strong>{claims.sub}</strong>{' '}
              <button
                type="button"
                class="link-button"
                onClick={() => {
                  signOut();
                  location.reload();
                }}
              >
                {messages.signOut}
              </button>
            </span>
          )}
        </div>
        <h1>{title}</h1>
      </header>
      <main id="main" tabIndex={-1} class={wide ? 'wide' : undefined}>
        {children}
      </main>
    </>
  );
}

export function Notice({ kind, children }: { kind: 'error' | 'info' | 'success'; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** Sign-in link in development (the sign-in page exists there), else the hint to launch from the EHR. */
export function SignInNeeded() {
  const messages = useMessages(SHELL_MESSAGES);
  return (
    <Notice kind="error">
      <p>{messages.signInNeeded}</p>
      <p>{devSignInAvailable() ? <a href={signInHref()}>{messages.signIn}</a> : messages.launchHint}</p>
    </Notice>
  );
}
