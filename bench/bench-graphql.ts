/** What the sidebar asks when it opens on a patient (the README's `Sidebar` query). */
export const SIDEBAR = `query Sidebar($system: String!, $value: String!) {
  patientByIdentifier(system: $system, value: $value) {
    id
    pathways(openOnly: true) {
      id stage version facts { stage ageYears painScore treatments conservativeTreatmentWeeks }
      nextSteps(locale: NL) { code indicator title detail citations { id url } explanation { text } }
      checklist(locale: NL) { code status label }
    }
  }
}`;

/** One recording: the patient-reported outcomes of a visit, answering the pathway's new version. */
export const RECORD_PROM = `mutation Record($input: RecordPatientReportedOutcomesInput!) {
  recordPatientReportedOutcomes(input: $input) { pathway { version } }
}`;

/** The `data` of a GraphQL response, shaped as the caller's query selects it; throws on any error. */
export async function graphql<Data>(baseUrl: string, token: string, query: string, variables: object = {}): Promise<Data> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Data; errors?: unknown[] };
  if (body.errors || body.data === undefined) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}
