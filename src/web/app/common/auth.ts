/**
 * The bearer token of the pages, kept in sessionStorage (one tab, gone when it closes).
 *
 * - `takeLaunchFragment()`: reads `#access_token=...` (and any other fragment parameter, e.g. `fhir_access_token`)
 *   from the address, stores the access token and removes the fragment from the address bar (history.replaceState).
 *   Fragments never reach a server or its logs; tokens never travel in a query string.
 * - `accessToken()`, `storeAccessToken(token)`, `signOut()`.
 * - `tokenClaims()`: the token's subject and roles, read for display and per-user settings only (the service verifies).
 * - `devSignInAvailable()`: whether the development sign-in page exists (the service says so in a meta tag).
 */
const TOKEN_KEY = 'heupartrose.accessToken';

export interface TokenClaims {
  sub: string;
  roles: string[];
  /** Seconds since the epoch. */
  exp?: number;
}

export function accessToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export function storeAccessToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The parameters of the address's fragment; stores `access_token` and removes the fragment from the address bar. */
export function takeLaunchFragment(): URLSearchParams {
  const parameters = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (location.hash !== '') history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  const token = parameters.get('access_token');
  if (token) storeAccessToken(token);
  return parameters;
}

/** The token's claims, undefined without a token, when it cannot be read or when it has expired. */
export function tokenClaims(): TokenClaims | undefined {
  const token = accessToken();
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Partial<TokenClaims>;
    if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles)) return undefined;
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) return undefined;
    return { sub: claims.sub, roles: claims.roles.filter((role): role is string => typeof role === 'string'), exp: claims.exp };
  } catch {
    return undefined;
  }
}

/** The sign-in page (development) with a return address, or undefined where tokens come from the EHR's launch only. */
export function signInHref(): string {
  return `/app/sign-in?return=${encodeURIComponent(location.pathname + location.search)}`;
}

/** True where the service mints development tokens (`<meta name="dev-sign-in" content="on">`, set by the service). */
export function devSignInAvailable(): boolean {
  return document.querySelector('meta[name="dev-sign-in"]')?.getAttribute('content') === 'on';
}
