import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { Clock } from '../src/common/clock.js';
import { axeViolations, describeInBrowser, openPage, pageTimings, saveScreenshot, signIn, useBrowser } from './support/browser.js';
import { TYPICAL_EXAM } from './support/clinical-fixtures.js';
import { FixedClock } from './support/fixed-clock.js';
import { PathwayDriver } from './support/pathway-steps.js';
import { useTestApp } from './support/use-test-app.js';

const clock = new FixedClock('2026-11-20T10:00:00Z');
const SITE = 'CAMPUS-A';
const AUDITOR = 'auditor.maes';
const DEVIATION_REASON = 'Patient asked for an early surgical opinion';
const OVERRIDE_COMMENT = 'Discussed at the multidisciplinary meeting';

/** The little of a DOM element the in-page code below uses (the tests' TypeScript project has no DOM library). */
interface PageElement {
  cloneNode(deep: true): PageElement;
  querySelectorAll(selector: string): { forEach(each: (element: PageElement) => void): void };
  remove(): void;
  replaceWith(text: string): void;
  textContent: string | null;
}

/** What `read` gives once it equals `expected`, or after 10 s, whatever it gives then (the page updates after a request). */
async function settled<T>(read: () => Promise<T>, expected: T): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (!isDeepStrictEqual(value, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/**
 * The audit dashboard and the printable pathway report in chromium, against the real service: a small cohort is
 * recorded through the API (two pathways at CAMPUS-A, one in exercise therapy and one not; one at CAMPUS-B), an
 * auditor filters, drills down from an indicator to a pathway's report, and sees both change when a deviation and an
 * override are recorded meanwhile.
 */
describeInBrowser('the audit dashboard and the pathway report', () => {
  const app = useTestApp({ overrides: [{ provide: Clock, useValue: clock }] });
  const browser = useBrowser();
  let exercising: PathwayDriver;
  let notExercising: PathwayDriver;

  const examined = async (site: string, side: 'LEFT' | 'RIGHT') => {
    const hip = await PathwayDriver.open(app, side, {}, { site });
    await hip.do('recordClinicalExam', { clinicalDate: clock.daysAgo(40), ...TYPICAL_EXAM });
    await hip.do('recordRedFlagScreening', { clinicalDate: clock.daysAgo(40), redFlags: [] });
    await hip.do('recordRiskFactors', { clinicalDate: clock.daysAgo(40), bmi: 31 });
    return hip;
  };

  beforeAll(async () => {
    exercising = await examined(SITE, 'LEFT');
    await exercising.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
    await exercising.do('startTreatment', { clinicalDate: clock.daysAgo(30), treatment: 'EXERCISE_THERAPY' });
    notExercising = await examined(SITE, 'RIGHT');
    await notExercising.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
    await examined('CAMPUS-B', 'LEFT');
  });

  /** The cells' visible text (without the words only screen readers get; a line break a space), spaces collapsed. */
  const visibleTexts = (cells: Locator) =>
    cells.evaluateAll((elements: PageElement[]) =>
      elements.map((element) => {
        const copy = element.cloneNode(true);
        copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
        copy.querySelectorAll('br').forEach((lineBreak) => lineBreak.replaceWith(' '));
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    );
  /** The figures of an indicator's row (numerator, denominator, percentage, sources), by the indicator's name. */
  const indicatorRow = (page: Page, name: RegExp) =>
    visibleTexts(
      page
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name }) })
        .getByRole('cell'),
    );
  /** A row of the table with this caption, by its header cell. */
  const tableRow = (page: Page, caption: string, header: string) =>
    visibleTexts(
      page
        .getByRole('table', { name: caption })
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: header, exact: true }) })
        .getByRole('cell'),
    );

  const indicatorChart = (page: Page) => page.getByRole('img', { name: /Quality indicators, percentage/ });

  it('shows the dashboard, filters in the address, drills down to a printable report, and follows new records', async () => {
    const { page, problems } = await openPage(browser(), `${app.baseUrl}/app/audit`, { width: 1280, height: 900 });
    await signIn(page, app.baseUrl, { sub: AUDITOR, role: 'AUDITOR', returnTo: '/app/audit' });
    // Loaded again with the browser's cache off, for the first-render figure of a cold cache (printed, never asserted).
    await indicatorChart(page).waitFor();
    const devTools = await page.context().newCDPSession(page);
    await devTools.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.reload();

    // The whole cohort: exercise therapy started on one of the two pathways in conservative treatment; no deviation yet.
    await page.getByRole('heading', { name: 'Quality indicators' }).waitFor();
    expect(await indicatorRow(page, /Exercise therapy started/)).toEqual(['1', '2 1 not in it', '50 %', 'NICE-QS87']);
    expect(await tableRow(page, 'Pathways now in each stage', 'Clinical exam')).toEqual(['1']);
    expect(await page.getByTestId('deviations-total').innerText()).toBe('0');
    await indicatorChart(page).waitFor();
    const timings = await pageTimings(page, 'audit-dashboard-rendered');
    console.log(`Audit dashboard, cache off (ms since navigation start): ${JSON.stringify(timings)}`);
    await devTools.send('Network.setCacheDisabled', { cacheDisabled: false });
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'audit-dashboard-before');

    // A filter, typed and sent with the keyboard, goes into the address and survives a reload.
    await page.getByLabel('Site').fill(SITE);
    await page.getByLabel('Site').press('Enter');
    await page.waitForURL(`${app.baseUrl}/app/audit?site=${SITE}`);
    expect(await settled(() => tableRow(page, 'Pathways now in each stage', 'Clinical exam'), ['0'])).toEqual(['0']);
    await page.reload();
    expect(await settled(() => tableRow(page, 'Pathways now in each stage', 'Conservative treatment'), ['2'])).toEqual(['2']);
    // The charts come after the tables: leaving before they arrive would abort their request.
    await indicatorChart(page).waitFor();
    expect(await page.getByLabel('Site').inputValue()).toBe(SITE);
    expect(await tableRow(page, 'Pathways now in each stage', 'Clinical exam')).toEqual(['0']);

    // A CSV export is fetched with the bearer token (never in the address) and saved from a Blob.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /quality-indicators\.csv/ }).click()]);
    expect(download.suggestedFilename()).toBe('quality-indicators.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toBe('code,numerator,denominator,percentage,unsuitableNonSurgicalCare,weakOpioids,notYetDue,scoreMissing');
    expect(csv).toContain('\nQI_EXERCISE,1,2,50,');

    // Drill down: the pathways in the indicator's numerator, in the same cohort, and on to one pathway's report.
    await page.getByRole('link', { name: /in the numerator: Exercise therapy started/ }).click();
    await page.waitForURL((url) => url.pathname === '/app/audit/indicators/QI_EXERCISE' && url.searchParams.get('group') === 'NUMERATOR');
    expect(new URL(page.url()).searchParams.get('site')).toBe(SITE);
    const pathwayLinks = page.getByRole('link', { name: /\(Report\)$/ });
    await pathwayLinks.first().waitFor();
    expect(await visibleTexts(pathwayLinks)).toEqual([exercising.id]);
    expect(await axeViolations(page)).toEqual([]);
    await pathwayLinks.first().click();
    await page.waitForURL(`${app.baseUrl}/app/audit/pathways/${exercising.id}?site=${SITE}`);
    await page.getByText('Hash chain verified: intact').waitFor();
    const timeline = page.getByRole('table', { name: 'Timeline' });
    expect(await timeline.getByRole('rowheader').allInnerTexts()).toEqual([
      'Pathway opened',
      'Clinical exam',
      'Red flags screened',
      'Risk factors',
      'Stage changed',
      'Treatment started',
    ]);
    expect(await page.getByRole('table', { name: 'Deviations' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Recorded meanwhile, through the API: a move against the guideline, and an override of a suggestion shown now.
    const [shown] = (await exercising.read()).nextSteps;
    await exercising.do('giveSuggestionFeedback', {
      code: shown.code,
      outcome: 'OVERRIDDEN',
      reasonCode: 'CLINICAL_JUDGEMENT',
      comment: OVERRIDE_COMMENT,
    });
    await exercising.do('changeStage', { to: 'SURGICAL_REFERRAL', deviationReason: DEVIATION_REASON });

    await page.reload();
    await page.getByText('Hash chain verified: intact').waitFor();
    expect(await page.getByRole('table', { name: 'Deviations' }).getByRole('cell').allInnerTexts()).toEqual(
      expect.arrayContaining(['Conservative treatment → Surgical referral', DEVIATION_REASON]),
    );
    expect(await page.getByRole('table', { name: 'Overrides' }).getByRole('cell').allInnerTexts()).toEqual(
      expect.arrayContaining([shown.code, 'Clinical judgement', OVERRIDE_COMMENT]),
    );
    expect(await timeline.getByRole('rowheader').allInnerTexts()).toEqual(expect.arrayContaining(['Suggestion feedback', 'Stage changed']));
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'audit-pathway-report');

    // On paper: the report without the page's controls.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.getByLabel('Language').isVisible()).toBe(false);
    expect(await timeline.isVisible()).toBe(true);
    await saveScreenshot(page, 'audit-pathway-report-print');
    await page.emulateMedia({ media: 'screen' });

    // Back on the dashboard, with the filter it had: the deviation and the override are counted.
    await page.getByRole('link', { name: /Back to the dashboard/ }).click();
    await page.waitForURL(`${app.baseUrl}/app/audit?site=${SITE}`);
    expect(await settled(() => page.getByTestId('deviations-total').innerText(), '1')).toBe('1');
    expect(await tableRow(page, 'By reason', DEVIATION_REASON)).toEqual(['1']);
    expect(await tableRow(page, 'Feedback per suggestion: accepted and overridden', shown.code)).toEqual([
      expect.any(String),
      '0',
      '1',
      'Clinical judgement: 1',
    ]);
    expect(await tableRow(page, 'Pathways now in each stage', 'Surgical referral')).toEqual(['1']);

    await indicatorChart(page).waitFor();
    await saveScreenshot(page, 'audit-dashboard', { readme: true });

    // In Dutch, remembered for this user.
    await page.getByLabel('Language').selectOption('NL');
    await page.getByRole('heading', { name: 'Kwaliteitsindicatoren' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
