import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { OfferCreate } from './offers';

export type Municipality = OfferCreate['municipalities'] extends (infer M)[] | undefined ? M : never;

/** The municipalities of the county; the API uses the German names as values (checked against the schema). */
export const MUNICIPALITIES = [
  'Stadt Gifhorn',
  'Stadt Wittingen',
  'Gemeinde Sassenburg',
  'Samtgemeinde Boldecker Land',
  'Samtgemeinde Brome',
  'Samtgemeinde Hankensbüttel',
  'Samtgemeinde Isenbüttel',
  'Samtgemeinde Meinersen',
  'Samtgemeinde Papenteich',
  'Samtgemeinde Wesendorf',
] as const satisfies readonly Municipality[];

/** Languages the catalogue filter offers (ISO 639-1; names from `directory.languages`). */
export const CATALOGUE_LANGUAGES = ['de', 'en', 'ar', 'uk', 'ru', 'tr', 'fa', 'ps', 'ku', 'fr', 'pl', 'ro', 'es', 'it', 'ti', 'so'] as const;

/**
 * Parses a comma-separated list of ISO 639-1 codes ("de, AR ,uk"): the normalised codes (lower
 * case, without duplicates) and the entries that are not two letters.
 */
export function parseLanguages(text: string): { codes: string[]; invalid: string[] } {
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[,;\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (!/^[a-z]{2}$/.test(entry)) invalid.push(raw.trim());
    else if (!codes.includes(entry)) codes.push(entry);
  }
  return { codes, invalid };
}

/** Every organisation, by name, for the select boxes (the API allows 200 a page). */
export const organisationOptionsQuery = queryOptions({
  queryKey: ['offers', 'organisation-options'],
  queryFn: async ({ signal }) =>
    unwrap(await api.GET('/api/v1/organisations', { params: { query: { sort: 'name', limit: 200 } }, signal })).items,
  staleTime: 60_000,
});
