import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * The browser harness of the web pages' tests: Debian's chromium (installed by .ci/run) driven by playwright-core,
 * headless, against the real service (a TestApp listening on a port, or `node dist/main.js`).
 *
 *     const browser = useBrowser();                        // one chromium for the enclosing describe
 *     const { page, problems } = await openPage(browser(), `${baseUrl}/app/...`, { width: 400 });
 *     await signIn(page, baseUrl, { sub: 'dr.peeters', role: 'CLINICIAN' });   // the development sign-in page
 *     expect(await axeViolations(page)).toEqual([]);       // no serious or critical axe-core violation
 *     await saveScreenshot(page, 'sidebar', { readme: true }); // test-results/, and docs/images/ with UPDATE_SCREENSHOTS=1
 *     expect(problems).toEqual([]);                        // console errors, CSP violations, failed requests, page errors
 *
 * Browser suites run on PGlite only (`describeInBrowser`): on PostgreSQL runs they are skipped, to keep CI time down.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags CI needs (it runs as root: no sandbox) and those that keep chromium from calling home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const RESULTS_DIR = path.resolve(process.cwd(), 'test-results');
export const README_IMAGES_DIR = path.resolve(process.cwd(), 'docs/images');

/** `describe` on PGlite; on PostgreSQL (DATABASE_URL set) the suite is skipped, and its name says so. */
export function describeInBrowser(name: string, suite: () => void): void {
  if (process.env.DATABASE_URL) describe.skip(`${name} (browser suite: skipped on PostgreSQL, runs on PGlite)`, suite);
  else describe(`${name} (in chromium, on PGlite)`, suite);
}

/** Headless chromium with a fresh profile (playwright gives each launch its own temporary user-data-dir). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** One chromium for the enclosing describe, launched in a beforeAll and closed in an afterAll. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  return () => {
    if (!browser) throw new Error('The browser starts in beforeAll: use it in tests and hooks only');
    return browser;
  };
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors (CSP violations among them), uncaught page errors and failed requests, as they happen. */
  problems: string[];
}

/** A new context (its own storage, as a second session would have) and page at `url`, `width` px wide. */
export async function openPage(browser: Browser, url: string, { width = 400, height = 900 } = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // A refusal the page handles (an HTTP 4xx answer) is logged by chromium as "Failed to load resource": not a problem.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // net::ERR_ABORTED is a request the page abandoned by navigating away (the launch page does, to the sidebar), not a failure.
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    if (error !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${error}`);
  });
  await page.goto(url);
  return { context, page, problems };
}

/** Signs in through the development sign-in page (in English), then comes back to `returnTo` (default: the page's address). */
export async function signIn(page: Page, baseUrl: string, { sub, role, returnTo }: { sub: string; role: string; returnTo?: string }): Promise<void> {
  const target = returnTo ?? new URL(page.url()).pathname;
  await page.goto(`${baseUrl}/app/sign-in?return=${encodeURIComponent(target)}`);
  await page.getByLabel('User name').fill(sub);
  await page.getByLabel('Role').selectOption(role);
  await Promise.all([page.waitForURL((url) => url.pathname === target.split('?')[0]), page.getByRole('button', { name: 'Sign in' }).click()]);
}

let axeSource: Promise<string> | undefined;

/**
 * axe-core run on the page as it is now: its serious and critical violations, one line each (rule, impact, the
 * elements). axe.min.js comes from node_modules and is evaluated through the DevTools protocol, which the page's
 * policy (script-src 'self') does not govern, so the page is tested with its real policy.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(path.resolve(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    const { violations } = await (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run();
    return violations.map(({ id, impact, nodes }) => ({ id, impact, targets: nodes.map((node) => node.target.join(' ')) }));
  });
  return violations
    .filter(({ impact }) => impact === 'serious' || impact === 'critical')
    .map(({ id, impact, targets }) => `${id} (${impact}): ${targets.join(', ')}`);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** A full-page screenshot in test-results/<name>.png; with UPDATE_SCREENSHOTS=1 and `readme`, also docs/images/<name>.png. */
export async function saveScreenshot(page: Page, name: string, { readme = false } = {}): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const image = await page.screenshot({ fullPage: true, animations: 'disabled' });
  await writeFile(path.join(RESULTS_DIR, `${name}.png`), image);
  if (readme && process.env.UPDATE_SCREENSHOTS === '1') {
    await mkdir(README_IMAGES_DIR, { recursive: true });
    await writeFile(path.join(README_IMAGES_DIR, `${name}.png`), image);
  }
}

/**
 * The page's load timings from the Performance API (navigation start = 0), in ms: the response, DOMContentLoaded,
 * load, and `mark` (a `performance.mark` the page sets when its first content is rendered), for the report; tests
 * print them and never assert them.
 */
export async function pageTimings(page: Page, mark: string): Promise<Record<string, number | undefined>> {
  return page.evaluate((markName) => {
    // The browser's Performance API (the tests' TypeScript has no DOM types).
    const [navigation] = performance.getEntriesByType('navigation' as never) as unknown as {
      responseEnd: number;
      domContentLoadedEventEnd: number;
      loadEventEnd: number;
    }[];
    const rendered = performance.getEntriesByName(markName)[0];
    return {
      responseEnd: navigation?.responseEnd,
      domContentLoaded: navigation?.domContentLoadedEventEnd,
      load: navigation?.loadEventEnd,
      [markName]: rendered?.startTime,
    };
  }, mark);
}
