import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Clock } from '../src/common/clock.js';
import { axeViolations, describeInBrowser, openPage, pageTimings, saveScreenshot, signIn, useBrowser, type OpenedPage } from './support/browser.js';
import { FixedClock } from './support/fixed-clock.js';
import { PathwayDriver } from './support/pathway-steps.js';
import { newKey, TestApp } from './support/test-app.js';

/** The identifier system the patients are registered in, and the FHIR Patient the fake EHR launches with. */
const SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.6.3';
const FHIR_PATIENT_ID = 'ehr-patient-1';
const FHIR_TOKEN = 'fhir-access-token-1';
const TOKEN_KEY = 'heupartrose.accessToken';

/** The EHR's FHIR server: its Patient carries the registered identifier, for the launch's FHIR access token only. */
function fakeFhirServer(identifierValue: () => string): Server {
  return createServer((request, response) => {
    const authorised = request.headers.authorization === `Bearer ${FHIR_TOKEN}`;
    if (request.url !== `/fhir/Patient/${FHIR_PATIENT_ID}` || !authorised) {
      response.writeHead(authorised ? 404 : 401).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/fhir+json' });
    response.end(JSON.stringify({ resourceType: 'Patient', id: FHIR_PATIENT_ID, identifier: [{ system: SYSTEM, value: identifierValue() }] }));
  });
}

describeInBrowser('the sidebar page: patient, suggestions, checklist and stage moves', () => {
  const browser = useBrowser();
  // The service's clock: the wall clock's time, moved on by the test (the page's own dates are the browser's today).
  const clock = new FixedClock(new Date());
  let app: TestApp;
  let fhir: Server;
  let fhirBase: string;
  let hip: PathwayDriver;
  let identifierValue: string;
  let session: OpenedPage;
  let page: Page;

  /** The left hip's pathway, whatever its stage and the language. */
  const leftHip = () => page.locator('section.pathway').filter({ has: page.locator('h2', { hasText: /^(Left hip|Linkerheup):/ }) });
  const cards = () => leftHip().locator('.card');
  const checklistItem = (label: string) => leftHip().locator('.checklist-item').filter({ hasText: label });
  const facts = async () => (await hip.read()).facts;
  const token = () => app.token('CLINICIAN', 'dr.peeters');

  beforeAll(async () => {
    fhir = fakeFhirServer(() => identifierValue);
    await new Promise<void>((resolve) => fhir.listen(0, '127.0.0.1', resolve));
    fhirBase = `http://127.0.0.1:${(fhir.address() as { port: number }).port}/fhir`;
    app = await TestApp.start({
      env: { CDS_TRUSTED_EHRS: JSON.stringify({ [fhirBase]: `${fhirBase}/jwks` }) },
      overrides: [{ provide: Clock, useValue: clock }],
    });
    hip = await PathwayDriver.open(app);
    await hip.do('recordClinicalExam', { clinicalDate: clock.daysAgo(0), activityRelatedPain: true, painLocations: ['GROIN'] });
    const { patient } = await app.graphqlOk<{ patient: { identifier: { value: string } } }>(
      'query ($id: ID!) { patient(id: $id) { identifier { value } } }',
      {
        id: hip.patientId,
      },
    );
    identifierValue = patient.identifier.value;
    // The right hip of the same patient, with a red flag found: a critical suggestion.
    const { openPathway } = await app.graphqlOk<{ openPathway: { pathway: { id: string; version: number } } }>(
      'mutation ($input: OpenPathwayInput!) { openPathway(input: $input) { pathway { id version } } }',
      { input: { patientId: hip.patientId, side: 'RIGHT', idempotencyKey: newKey() } },
    );
    await app.graphqlOk('mutation ($input: RecordRedFlagScreeningInput!) { recordRedFlagScreening(input: $input) { replayed } }', {
      input: {
        pathwayId: openPathway.pathway.id,
        expectedVersion: openPathway.pathway.version,
        idempotencyKey: newKey(),
        clinicalDate: clock.daysAgo(0),
        redFlags: ['SUSPECTED_INFECTION'],
      },
    });
    clock.advanceDays(3);
  });
  afterAll(async () => {
    await session?.context.close();
    await app?.close();
    await new Promise((resolve) => fhir?.close(resolve));
  });

  it('asks to sign in, signs in through the development sign-in page and shows the patient, the stepper and the days in the stage', async () => {
    session = await openPage(browser(), `${app.baseUrl}/app/patients/${hip.patientId}`);
    page = session.page;
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in (development)' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'sign-in');
    await signIn(page, app.baseUrl, { sub: 'dr.peeters', role: 'CLINICIAN', returnTo: `/app/patients/${hip.patientId}` });
    await page.getByRole('heading', { name: `Patient ${identifierValue}` }).waitFor();
    await page.getByText('Signed in as dr.peeters').waitFor();
    await page.getByRole('heading', { name: 'Left hip: Clinical exam' }).waitFor();
    await expect(leftHip().locator('[aria-current="step"]').innerText()).resolves.toContain('Clinical exam');
    await leftHip().getByText('3 days in this stage').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'sidebar-signed-in');
  });

  it('shows the cards critical first, the indicator as icon, text and colour, the explanation and citations on demand', async () => {
    const indicators = await cards().locator('.indicator').allInnerTexts();
    const rank = (text: string) => ['Critical', 'Warning', 'Information'].indexOf(text.trim());
    expect(indicators.length).toBeGreaterThan(0);
    expect(indicators.every((text) => rank(text) >= 0)).toBe(true);
    expect(indicators.map(rank)).toEqual([...indicators.map(rank)].sort((a, b) => a - b));
    await expect(cards().first().locator('.indicator svg').count()).resolves.toBe(1);
    const rightHip = page.locator('section.pathway').filter({ has: page.getByRole('heading', { name: 'Right hip: Clinical exam' }) });
    await expect(rightHip.locator('.card .indicator').first().innerText()).resolves.toBe('Critical');
    // The hip with a critical card comes before the other, whatever their sides.
    await expect(page.locator('section.pathway h2').allInnerTexts()).resolves.toEqual(['Right hip: Clinical exam', 'Left hip: Clinical exam']);
    await expect(
      rightHip
        .locator('.card')
        .first()
        .evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).borderLeftColor),
    ).resolves.toBe('rgb(179, 38, 30)');
    const first = cards().first();
    const citation = first.getByRole('link').first();
    await expect(citation.isVisible()).resolves.toBe(false);
    await first.getByText('Why, and sources').click();
    await citation.waitFor();
    expect(await citation.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('records two checklist items: ticking one opens the form for its values', async () => {
    const motion = checklistItem('Measure internal rotation and flexion of the hip');
    await motion.getByRole('checkbox').check();
    await motion.getByLabel('Internal rotation (degrees)', { exact: true }).fill('15');
    await motion.getByLabel('Flexion (degrees)', { exact: true }).fill('100');
    expect(await axeViolations(page)).toEqual([]);
    await motion.getByRole('button', { name: 'Record' }).click();
    await motion.getByText('done', { exact: true }).waitFor();

    const pain = checklistItem('Record a pain score (0 to 10)');
    await pain.getByRole('checkbox').check();
    await pain.getByLabel('Pain score (0 to 10)', { exact: true }).fill('6');
    await pain.getByRole('button', { name: 'Record' }).click();
    await pain.getByText('done', { exact: true }).waitFor();
    expect(await facts()).toMatchObject({ internalRotationDegrees: 15, flexionDegrees: 100, painScore: 6 });
  });

  it('lists what was recorded, newest first, and marks a recording entered in error with what was wrong: it stops counting', async () => {
    const recordings = leftHip().locator('details.recordings');
    await recordings.locator('summary').click();
    await expect(recordings.locator('li').first().innerText()).resolves.toMatch(/^Patient-reported outcomes, /);
    await recordings.getByRole('button', { name: /^Entered in error\s*: Patient-reported outcomes/ }).click();
    await recordings.getByLabel('What was wrong').fill('Pain score of another patient');
    expect(await axeViolations(page)).toEqual([]);
    await recordings.getByRole('button', { name: 'Entered in error', exact: true }).click();

    await checklistItem('Record a pain score (0 to 10)').getByText('to do', { exact: true }).waitFor();
    await recordings.locator('li').filter({ hasText: '(entered in error)' }).waitFor();
    const current = await facts();
    expect([null, undefined]).toContain(current.painScore);
    expect(current).toMatchObject({ internalRotationDegrees: 15 });
    const { pathway } = await app.graphqlOk<{ pathway: { timeline: { edges: { node: { type: string; payload: Record<string, unknown> } }[] } } }>(
      'query ($id: ID!) { pathway(id: $id) { timeline(first: 50) { edges { node { type payload } } } } }',
      { id: hip.id },
    );
    expect(pathway.timeline.edges.at(-1)?.node).toMatchObject({
      type: 'RECORDING_ENTERED_IN_ERROR',
      payload: { reason: 'Pain score of another patient' },
    });
  });

  it('after a write from another session (CONFLICT) shows the fresh state and what changed, and keeps what was typed', async () => {
    const stiffness = checklistItem('Ask how long morning stiffness lasts');
    await stiffness.getByRole('checkbox').check();
    await stiffness.getByLabel('Morning stiffness (minutes)', { exact: true }).fill('20');
    // Meanwhile a colleague records the BMI on the same pathway.
    hip.version = (await hip.read()).version;
    await hip.do('recordRiskFactors', { clinicalDate: clock.daysAgo(0), bmi: 31 });

    await stiffness.getByRole('button', { name: 'Record' }).click();
    const notice = page.locator('.notice-info').filter({ hasText: 'Someone else recorded on this pathway meanwhile' });
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toContain('Record the body-mass index: done');
    await expect(notice.innerText()).resolves.toContain('1 new entry in the record');
    await expect(checklistItem('Record the body-mass index').getByText('done', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(stiffness.getByLabel('Morning stiffness (minutes)', { exact: true }).inputValue()).resolves.toBe('20');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'sidebar-conflict');

    await stiffness.getByRole('button', { name: 'Record' }).click();
    await stiffness.getByText('done', { exact: true }).waitFor();
    expect(await facts()).toMatchObject({ morningStiffnessMinutes: 20, bmi: 31 });
  });

  it('overrides a suggestion with a reason code and a comment', async () => {
    const card = cards().first();
    const code = await card.locator('h4').innerText();
    await card.getByRole('button', { name: 'Override' }).click();
    await card.getByLabel('Reason for overriding').selectOption('PATIENT_PREFERENCE');
    await card.getByLabel('Comment').fill('The patient wants to wait');
    expect(await axeViolations(page)).toEqual([]);
    await card.getByRole('button', { name: 'Send override' }).click();
    await card.getByText('Overridden.').waitFor();
    const { pathway } = await app.graphqlOk<{ pathway: { timeline: { edges: { node: { type: string; payload: Record<string, unknown> } }[] } } }>(
      'query ($id: ID!) { pathway(id: $id) { timeline(first: 50) { edges { node { type payload } } } } }',
      { id: hip.id },
    );
    const feedback = pathway.timeline.edges.map(({ node }) => node).filter((node) => node.type === 'SUGGESTION_FEEDBACK_GIVEN');
    expect(feedback).toHaveLength(1);
    expect(feedback[0].payload).toMatchObject({ outcome: 'OVERRIDDEN', reasonCode: 'PATIENT_PREFERENCE', comment: 'The patient wants to wait' });
    expect(code.length).toBeGreaterThan(0);
  });

  it('moves the stage, asking for a deviation reason only when the guideline does not support the move', async () => {
    const move = leftHip()
      .locator('form')
      .filter({ has: page.getByLabel('Move to') });
    // An exam is recorded: the guideline supports starting conservative treatment.
    await move.getByLabel('Move to').selectOption('CONSERVATIVE_TREATMENT');
    await move.getByRole('button', { name: 'Move' }).click();
    await page.getByRole('heading', { name: 'Left hip: Conservative treatment' }).waitFor();
    await leftHip().getByText('0 days in this stage').waitFor();
    await checklistItem('Explain osteoarthritis and how to manage it').waitFor();
    // The referral rule does not hold: a referral now is a deviation, which needs its reason.
    await move.getByLabel('Move to').selectOption('SURGICAL_REFERRAL');
    await move.getByRole('button', { name: 'Move' }).click();
    await move.getByLabel('Deviation reason').waitFor();
    await expect(move.getByText('The guideline does not support this move now').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await move.getByLabel('Deviation reason').fill('Severe pain at night despite treatment; the patient asks for a surgical opinion');
    await move.getByRole('button', { name: 'Move' }).click();
    await page.getByRole('heading', { name: 'Left hip: Surgical referral' }).waitFor();
    expect(await hip.read()).toMatchObject({ stage: 'SURGICAL_REFERRAL', deviationCount: 1 });
    await checklistItem('Ask about smoking and diabetes control').waitFor();
  });

  it('switches to Dutch and remembers it for this user', async () => {
    await page.getByLabel('Language').selectOption('NL');
    await page.getByRole('heading', { name: 'Suggesties' }).first().waitFor();
    await page.getByRole('heading', { name: 'Linkerheup: Verwijzing naar chirurg' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl-BE');
    expect(await axeViolations(page)).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { name: 'Checklist consultatie' }).first().waitFor();
    await page.getByLabel('Taal').selectOption('EN');
    await page.getByRole('heading', { name: 'Consultation checklist' }).first().waitFor();
    expect(session.problems).toEqual([]);
  });

  it('opens from an EHR launch (token and FHIR token in the fragment) and from a CDS Hooks card link', async () => {
    const launch = await openPage(
      browser(),
      `${app.baseUrl}/app/launch?patient=${FHIR_PATIENT_ID}&iss=${encodeURIComponent(fhirBase)}#access_token=${await token()}&fhir_access_token=${FHIR_TOKEN}`,
    );
    await launch.page.getByRole('heading', { name: `Patient ${identifierValue}` }).waitFor();
    expect(new URL(launch.page.url())).toMatchObject({ pathname: `/app/patients/${hip.patientId}`, hash: '', search: '' });
    // The card link, in the same tab (the token is kept per tab).
    await launch.page.goto(`${app.baseUrl}/app/pathways/${hip.id}`);
    await launch.page.waitForURL(`${app.baseUrl}/app/patients/${hip.patientId}`);
    await launch.page.getByRole('heading', { name: `Patient ${identifierValue}` }).waitFor();
    expect(launch.problems).toEqual([]);
    await launch.context.close();
  });

  it('refuses a launch from a FHIR server the service does not trust, saying so', async () => {
    const launch = await openPage(
      browser(),
      `${app.baseUrl}/app/launch?patient=${FHIR_PATIENT_ID}&iss=${encodeURIComponent('http://127.0.0.1:9/fhir')}#access_token=${await token()}`,
    );
    await launch.page.getByRole('alert').filter({ hasText: "The EHR's FHIR server is not one this service trusts." }).waitFor();
    await launch.context.close();
  });

  it('renders the sidebar from a cold cache, 320 px wide without horizontal scrolling, and takes the README screenshot', async () => {
    const context = await browser().newContext({ viewport: { width: 320, height: 900 } });
    // As a launch would have left it: the token in the tab's sessionStorage (the tests' TypeScript has no DOM globals).
    await context.addInitScript(`sessionStorage.setItem(${JSON.stringify(TOKEN_KEY)}, ${JSON.stringify(await token())})`);
    const cold = await context.newPage();
    let scriptBytes = 0;
    cold.on('response', (response) => {
      if (response.url().endsWith('.js')) void response.body().then((body) => (scriptBytes += body.length));
    });
    await cold.goto(`${app.baseUrl}/app/patients/${hip.patientId}`);
    await cold.getByRole('heading', { name: 'Left hip: Surgical referral' }).waitFor();
    const timings = await pageTimings(cold, 'sidebar-rendered');
    console.log(`Sidebar from a cold cache (ms since navigation start): ${JSON.stringify(timings)}; JavaScript ${scriptBytes} bytes uncompressed`);
    expect(timings['sidebar-rendered']).toBeGreaterThan(0);
    await expect(cold.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(320);
    await cold.setViewportSize({ width: 400, height: 900 });
    await saveScreenshot(cold, 'sidebar', { readme: true });
    await context.close();
  });

  it('offers an auditor the cards and the checklist to read, without the controls of a write the service would refuse', async () => {
    const context = await browser().newContext({ viewport: { width: 400, height: 900 } });
    await context.addInitScript(
      `sessionStorage.setItem(${JSON.stringify(TOKEN_KEY)}, ${JSON.stringify(await app.token('AUDITOR', 'auditor.janssens'))})`,
    );
    const auditor = await context.newPage();
    await auditor.goto(`${app.baseUrl}/app/patients/${hip.patientId}`);
    await auditor.getByRole('heading', { name: 'Left hip: Surgical referral' }).waitFor();

    await expect(auditor.locator('.card').count()).resolves.toBeGreaterThan(0);
    await expect(auditor.locator('.checklist-item').count()).resolves.toBeGreaterThan(0);
    await expect(auditor.getByRole('button', { name: /^(Accept|Override|Move|Mark not applicable)/ }).count()).resolves.toBe(0);
    await expect(auditor.getByLabel('Move to').count()).resolves.toBe(0);
    await expect(auditor.locator('.checklist-item input[type="checkbox"]:not([disabled])').count()).resolves.toBe(0);
    await context.close();
  });
});
