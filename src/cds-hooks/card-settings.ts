import type { Environment } from '../config/environment.js';
import type { CardSettings } from './domain/cards.js';

/** The code systems and link base cards use, from the configuration. */
export function cardSettingsOf(environment: Environment): CardSettings {
  return {
    suggestionCodeSystem: `${environment.CDS_CODE_SYSTEM_BASE_URL}/suggestion-codes`,
    overrideReasonSystem: `${environment.CDS_CODE_SYSTEM_BASE_URL}/override-reasons`,
    pathwayLinkBaseUrl: environment.CDS_PATHWAY_LINK_BASE_URL,
  };
}
