import { describe, expect, it } from '@jest/globals';
import { LOCALES } from '../../contract/vocabulary.js';
import { CHECKLIST_ITEM_CODES } from './checklist-items.js';
import { CHECKLIST_LABELS } from './checklist-texts.js';

describe('checklist labels', () => {
  it('label exactly the checklist items', () => {
    expect(Object.keys(CHECKLIST_LABELS).sort()).toEqual([...CHECKLIST_ITEM_CODES].sort());
  });

  it.each(CHECKLIST_ITEM_CODES)('%s has an English and a distinct Dutch label', (code) => {
    for (const locale of LOCALES) expect(CHECKLIST_LABELS[code][locale].trim()).not.toBe('');
    expect(CHECKLIST_LABELS[code].NL).not.toBe(CHECKLIST_LABELS[code].EN);
  });
});
