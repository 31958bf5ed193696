import { useEffect, useState } from 'preact/hooks';
import { takeLaunchFragment } from '../common/auth';
import { GraphqlError, graphqlRequest } from '../common/graphql';
import { useMessages } from '../common/i18n';
import { Notice, renderPage, Shell, SignInNeeded } from '../common/layout';
import { MESSAGES } from './messages';
import { LAUNCH_PATIENT, PATHWAY_PATIENT } from './operations';
import { PatientSidebar, useErrorText } from './sidebar';
import './sidebar.css';

/**
 * The sidebar page, at three addresses:
 * - `/app/patients/:id`: the patient's open pathways, suggestions, checklist and stage moves;
 * - `/app/pathways/:id` (the CDS Hooks cards' link): that pathway's patient;
 * - `/app/launch?patient=<FHIR id>&iss=<FHIR base>#access_token=...&fhir_access_token=...` (an EHR launch): the
 *   patient the FHIR server's Patient names, by its identifiers.
 * A token in the fragment (`#access_token=`) is stored and removed from the address first.
 */
const launch = takeLaunchFragment();

type Target = { patientId: string } | { pathwayId: string } | { launch: { iss: string; patient: string } } | undefined;

function targetOf(): Target {
  const [, , page, id] = location.pathname.split('/');
  if (page === 'patients' && id) return { patientId: decodeURIComponent(id) };
  if (page === 'pathways' && id) return { pathwayId: decodeURIComponent(id) };
  const query = new URLSearchParams(location.search);
  const iss = query.get('iss');
  const patient = query.get('patient');
  if (page === 'launch' && iss && patient) return { launch: { iss, patient } };
  return undefined;
}

/** Finds the patient of a card link or a launch, then shows the sidebar at the patient's own address. */
function Sidebar() {
  const messages = useMessages(MESSAGES);
  const errorText = useErrorText();
  const [target] = useState(targetOf);
  const [patientId, setPatientId] = useState(target && 'patientId' in target ? target.patientId : undefined);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (patientId !== undefined || target === undefined) return;
    const resolve =
      'pathwayId' in target
        ? graphqlRequest(PATHWAY_PATIENT, { id: target.pathwayId }).then(({ pathway }) => pathway.patientId)
        : 'launch' in target
          ? graphqlRequest(LAUNCH_PATIENT, { ...target.launch, fhirAccessToken: launch.get('fhir_access_token') }).then(
              ({ launchPatient }) => launchPatient.id,
            )
          : Promise.resolve(target.patientId);
    resolve.then((id) => {
      history.replaceState(history.state, '', `/app/patients/${encodeURIComponent(id)}`);
      setPatientId(id);
    }, setError);
  }, []);

  let content;
  if (error instanceof GraphqlError && error.code === 'UNAUTHENTICATED') content = <SignInNeeded />;
  else if (error !== undefined || target === undefined)
    content = <Notice kind="error">{error === undefined ? messages.errors.NOT_FOUND : errorText(error)}</Notice>;
  else if (patientId === undefined) content = <p role="status">{messages.launching}</p>;
  else content = <PatientSidebar patientId={patientId} />;
  return <Shell title={messages.title}>{content}</Shell>;
}

renderPage(<Sidebar />);
