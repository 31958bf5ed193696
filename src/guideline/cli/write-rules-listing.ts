import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { RULES_LISTING_PATH, rulesListing } from '../domain/rules-listing.js';

/** `npm run docs:rules`: writes the clinician-readable listing of the rule set, from the project root. */
const path = resolve(process.cwd(), RULES_LISTING_PATH);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, rulesListing());
console.log(`Wrote ${RULES_LISTING_PATH}.`);
