import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PathwayDriver } from './support/pathway-steps.js';
import { TestApp } from './support/test-app.js';
import { useTestApp } from './support/use-test-app.js';

const SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.6.3';
const BUILT = path.resolve('dist/web/app');
/** The budget for the sidebar's JavaScript, gzipped. */
const SIDEBAR_JS_BUDGET_BYTES = 150 * 1024;

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

async function manifest(): Promise<Record<string, ManifestChunk>> {
  return JSON.parse(await readFile(path.join(BUILT, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
}

/** An entry's JavaScript files: its own and those it imports statically (what the page loads before it renders). */
function staticJavaScript(chunks: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const chunk = chunks[key];
  return [chunk.file, ...(chunk.imports ?? []).flatMap((imported) => staticJavaScript(chunks, imported, seen))];
}

describe('the web pages as the service serves them', () => {
  const app = useTestApp({ env: { CORS_ALLOWED_ORIGINS: 'https://ehr.example.org,https://sandbox.example.org:8443' } });

  it.each(['/app/patients/6f0c2f4e-4a51-4b8e-9c39-2f7c0d5e8a11', '/app/pathways/x', '/app/launch?patient=p&iss=x', '/app/sign-in'])(
    '%s: the page, with its own policy (framed by the EHR origins only), never cached, loading only its own files',
    async (url) => {
      const response = await fetch(`${app.baseUrl}${url}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-frame-options')).toBeNull();
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none';script-src 'self';style-src 'self';connect-src 'self';img-src 'self' data:;font-src 'self';base-uri 'none';form-action 'self';frame-ancestors 'self' https://ehr.example.org https://sandbox.example.org:8443",
      );
      const html = await response.text();
      expect(html).toContain('<meta name="dev-sign-in" content="on" />');
      // No inline script: every script is a file of ours.
      expect([...html.matchAll(/<script\b([^>]*)>/g)].map(([, attributes]) => attributes)).toEqual([
        expect.stringMatching(/src="\/app\/assets\/[^"]+\.js"/),
      ]);
    },
  );

  it('serves the hashed assets cached for a year, and nothing else under /app/', async () => {
    const chunks = await manifest();
    const files = [...staticJavaScript(chunks, 'sidebar/index.html'), ...(chunks['sidebar/index.html'].css ?? [])];
    for (const file of files) {
      const response = await fetch(`${app.baseUrl}/app/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-type')).toMatch(file.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
    }
    for (const url of [
      '/app/assets/nothing-1234.js',
      '/app/assets/..%2F..%2Fmain.js',
      '/app/assets/.vite',
      '/app/unknown',
      '/app/.vite/manifest.json',
      '/app/sidebar/index.html',
    ]) {
      expect([url, (await fetch(`${app.baseUrl}${url}`)).status]).toEqual([url, 404]);
    }
  });

  it('keeps the sidebar JavaScript under 150 KB gzipped (a size budget)', async () => {
    const files = staticJavaScript(await manifest(), 'sidebar/index.html');
    const sizes = await Promise.all(files.map(async (file) => gzipSync(await readFile(path.join(BUILT, file))).length));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    console.log(`Sidebar JavaScript: ${files.length} files, ${(total / 1024).toFixed(1)} KB gzipped`);
    expect(total).toBeLessThan(SIDEBAR_JS_BUDGET_BYTES);
  });

  it('mints development tokens for the sign-in page (JSON only), which the API accepts', async () => {
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${app.baseUrl}/auth/dev-token`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const response = await post(JSON.stringify({ sub: 'dr.maes', role: 'AUDITOR' }));
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const read = await app.graphql('{ qualityIndicators { reportDate } }', {}, token);
    expect(read.errors).toBeUndefined();
    expect((await post(JSON.stringify({ sub: 'ehr', role: 'INTEGRATION' }))).status).toBe(400);
    expect((await post(JSON.stringify({ sub: 'dr.maes', role: 'SUPERUSER' }))).status).toBe(400);
    // What another site's form can send without a CORS preflight.
    const form = await post('sub=dr.maes&role=ADMIN', 'application/x-www-form-urlencoded');
    expect([form.status, await form.json()]).toEqual([400, expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'JSON_REQUIRED' })]);
    expect((await post(JSON.stringify({ sub: 'dr.maes', role: 'ADMIN' }), 'text/plain')).status).toBe(400);
  });
});

describe('the web pages in production', () => {
  const app = useTestApp({ adjust: (environment) => (environment.NODE_ENV = 'production') });

  it('have no development sign-in: no token route, no sign-in page, and the pages say so', async () => {
    const minted = await fetch(`${app.baseUrl}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: 'dr.maes', role: 'ADMIN' }),
    });
    expect(minted.status).toBe(404);
    expect((await fetch(`${app.baseUrl}/app/sign-in`)).status).toBe(404);
    const page = await fetch(`${app.baseUrl}/app/patients/x`);
    expect(await page.text()).toContain('<meta name="dev-sign-in" content="off" />');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
  });
});

describe('launchPatient: the patient of an EHR launch, from trusted FHIR servers only', () => {
  const requests: string[] = [];
  const fhirPatients = new Map<string, unknown>();
  let fhir: Server;
  let fhirBase: string;
  let app: TestApp;
  let hip: PathwayDriver;
  const LAUNCH =
    'query ($iss: String!, $patient: String!, $token: String) { launchPatient(iss: $iss, patient: $patient, fhirAccessToken: $token) { id } }';

  beforeAll(async () => {
    fhir = createServer((request, response) => {
      requests.push(`${request.url} ${request.headers.authorization ?? ''}`);
      const resource = fhirPatients.get(request.url ?? '');
      response.writeHead(resource ? 200 : 404, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(resource ?? {}));
    });
    await new Promise<void>((resolve) => fhir.listen(0, '127.0.0.1', resolve));
    fhirBase = `http://127.0.0.1:${(fhir.address() as { port: number }).port}/ehr`;
    app = await TestApp.start({ env: { CDS_TRUSTED_EHRS: JSON.stringify({ [fhirBase]: `${fhirBase}/jwks` }) } });
    hip = await PathwayDriver.open(app, 'LEFT', { identifierValue: 'LAUNCH-1' });
    fhirPatients.set('/ehr/fhir/Patient/p1', {
      resourceType: 'Patient',
      id: 'p1',
      identifier: [
        { system: 'urn:x', value: 'other' },
        { system: SYSTEM, value: 'LAUNCH-1' },
      ],
    });
    fhirPatients.set('/ehr/fhir/Patient/p2', { resourceType: 'Patient', id: 'p2', identifier: [{ system: SYSTEM, value: 'NOT-REGISTERED' }] });
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => fhir?.close(resolve));
  });

  it("finds the patient by the FHIR Patient's identifiers, reading it with the launch's FHIR token", async () => {
    const response = await app.graphql(LAUNCH, { iss: `${fhirBase}/fhir/`, patient: 'p1', token: 'fhir-token' }, await app.token('CLINICIAN'));
    expect(response.data).toEqual({ launchPatient: { id: hip.patientId } });
    expect(requests.at(-1)).toBe('/ehr/fhir/Patient/p1 Bearer fhir-token');
  });

  it.each([
    ['another server', 'http://127.0.0.1:9/ehr/fhir'],
    ['another port', 'http://127.0.0.1:1/ehr'],
    ['a look-alike path', 'FHIR_BASEx/fhir'],
    ['a path out of the trusted one', 'FHIR_BASE/../admin'],
    ['user information', 'http://attacker@HOST/ehr/fhir'],
    ['a query', 'FHIR_BASE/fhir?x=1'],
  ])('refuses %s (FHIR_SERVER_NOT_TRUSTED) without calling it', async (_case, iss) => {
    const before = requests.length;
    const url = iss.replace('FHIR_BASE', fhirBase).replace('HOST', new URL(fhirBase).host);
    const response = await app.graphql(LAUNCH, { iss: url, patient: 'p1' }, await app.token('CLINICIAN'));
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FHIR_SERVER_NOT_TRUSTED', field: 'iss' });
    expect(response.errors?.[0].message).not.toContain(url);
    expect(requests.length).toBe(before);
  });

  it.each([
    ['p2', 'NOT_FOUND', 'PATIENT_NOT_REGISTERED'],
    ['p3', 'PRECONDITION_FAILED', 'PATIENT_UNAVAILABLE'],
  ])('answers a launch of %s with %s (%s)', async (patient, code, reason) => {
    const response = await app.graphql(LAUNCH, { iss: `${fhirBase}/fhir`, patient }, await app.token('CLINICIAN'));
    expect(response.errors?.[0].extensions).toMatchObject({ code, reason, field: 'patient' });
  });
});
