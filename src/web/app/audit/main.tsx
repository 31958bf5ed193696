import { tokenClaims } from '../common/auth';
import { renderPage, Shell, SignInNeeded } from '../common/layout';
import { useMessages } from '../common/i18n';
import { Dashboard } from './dashboard';
import { IndicatorPathways } from './indicator-pathways';
import { MESSAGES } from './messages';
import { PathwayReport } from './report';
import './audit.css';

/**
 * The audit pages, for auditors (the reports API allows AUDITOR and ADMIN), routed on the address:
 *
 *     /app/audit                          the dashboard, its cohort filter in the query string
 *     /app/audit/indicators/<code>?group=NUMERATOR|COMPLEMENT&<filter>   the pathways behind an indicator
 *     /app/audit/pathways/<pathway id>?<filter>   the printable report of one pathway (the filter: for the way back)
 */
function AuditPages() {
  const messages = useMessages(MESSAGES);
  if (!tokenClaims()) {
    return (
      <Shell title={messages.dashboardTitle}>
        <SignInNeeded />
      </Shell>
    );
  }
  const path = location.pathname.replace(/\/+$/, '');
  const pathway = /^\/app\/audit\/pathways\/([^/]+)$/.exec(path);
  if (pathway) return <PathwayReport pathwayId={decodeURIComponent(pathway[1])} />;
  const indicator = /^\/app\/audit\/indicators\/([A-Z_]+)$/.exec(path);
  if (indicator) return <IndicatorPathways code={indicator[1]} />;
  return <Dashboard />;
}

renderPage(<AuditPages />);
