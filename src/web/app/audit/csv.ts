import { accessToken } from '../common/auth';
import type { Locale } from '../common/i18n';
import { filterParameters, type AuditFilter } from './filters';
import type { CsvFile } from './messages';

/**
 * Downloads a report's CSV export (`GET /reports/<file>.csv` with the cohort filter and the locale's spreadsheet
 * format): the export needs the bearer token, which must never travel in a URL, so it is fetched with the
 * Authorization header and saved from a Blob through a temporary link.
 */
export async function downloadCsv(file: CsvFile, filter: AuditFilter, locale: Locale): Promise<void> {
  const parameters = filterParameters(filter);
  parameters.set('locale', locale);
  const token = accessToken();
  const response = await fetch(`/reports/${file}.csv?${parameters.toString()}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = `${file}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download; the object URL can go once the event has run.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
