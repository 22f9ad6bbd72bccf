// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EMPTY_OFFER, offerBody, offerChanges, offerToValues, splitList, validateOffer } from './offerForm';
import type { Offer } from './offers';

const ORG = '0b7f3c3e-5a53-4a4e-9d1e-7d0c1b2a3f40';

const filled = {
  ...EMPTY_OFFER,
  organisation: ORG,
  title: '  Sprachcafé  ',
  targetGroups: 'Frauen, Jugendliche ,, Frauen',
  languages: 'DE, ar',
  municipalities: ['Stadt Wittingen', 'Stadt Gifhorn'],
  costs: ' kostenlos ',
};

describe('offer form', () => {
  it('splits comma lists, keeps the order and drops empty entries and duplicates', () => {
    expect(splitList(' Frauen,  Jugendliche ,,Frauen, junge   Mütter ')).toEqual(['Frauen', 'Jugendliche', 'junge Mütter']);
    expect(splitList('')).toEqual([]);
  });

  it('builds the request body: trimmed texts, lists, null for empty optional fields', () => {
    expect(offerBody(filled)).toEqual({
      organisation_id: ORG,
      title: 'Sprachcafé',
      description: '',
      target_groups: ['Frauen', 'Jugendliche'],
      languages: ['ar', 'de'],
      municipalities: ['Stadt Gifhorn', 'Stadt Wittingen'],
      costs: 'kostenlos',
      contact: null,
      valid_from: null,
      valid_until: null,
      published: false,
    });
  });

  it('requires organisation and title and checks languages, lengths and the period', () => {
    expect(validateOffer(EMPTY_OFFER)).toEqual({ organisation: 'offers.validation.organisation', title: 'validation.required' });
    expect(validateOffer(filled)).toEqual({});
    expect(validateOffer({ ...filled, languages: 'deutsch' }).languages).toBe('offers.validation.languages');
    expect(validateOffer({ ...filled, title: 'x'.repeat(201) }).title).toBe('offers.validation.tooLong200');
    expect(validateOffer({ ...filled, targetGroups: 'y'.repeat(101) }).targetGroups).toBe('offers.validation.groupTooLong');
    expect(validateOffer({ ...filled, validFrom: '2026-05-01', validUntil: '2026-04-30' }).validUntil).toBe('offers.validation.dateOrder');
    expect(validateOffer({ ...filled, validFrom: '2026-05-01', validUntil: '2026-05-01' })).toEqual({});
  });

  it('sends only what changed when editing', () => {
    const offer = {
      id: 'x',
      organisation_id: ORG,
      organisation_name: 'KVHS',
      title: 'Sprachcafé',
      description: 'Jeden Dienstag',
      target_groups: ['Frauen'],
      languages: ['ar', 'de'],
      municipalities: ['Stadt Gifhorn'],
      costs: null,
      contact: null,
      valid_from: null,
      valid_until: '2026-12-31',
      published: false,
      presented_at_agenda_item_id: null,
      presented_at: null,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      version: 1,
    } satisfies Offer;
    const before = offerToValues(offer);
    expect(before.targetGroups).toBe('Frauen');
    expect(before.languages).toBe('ar, de');
    expect(offerChanges(before, before)).toEqual({});
    expect(offerChanges(before, { ...before, published: true, languages: 'de,ar', validUntil: '' })).toEqual({
      published: true,
      valid_until: null,
    });
  });
});
