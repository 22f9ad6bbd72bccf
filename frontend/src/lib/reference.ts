import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';

export type Municipality = NonNullable<Schemas['OrganisationRead']['municipality']>;
export type BodyKind = Schemas['BodyRead']['kind'];

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

/** Whether a text (e.g. from the address bar) is one of the county's municipalities. */
export function isMunicipality(value: string): value is Municipality {
  return (MUNICIPALITIES as readonly string[]).includes(value);
}

/** Common languages with German names in `directory.languages` (ISO 639-1), in the order forms offer them. */
export const COMMON_LANGUAGES = ['de', 'en', 'ar', 'uk', 'ru', 'tr', 'fa', 'ps', 'ku', 'fr', 'pl', 'ro', 'es', 'it', 'ti', 'so'] as const;

/**
 * Parses a comma-separated list of ISO 639-1 codes ("de, AR ,uk").
 * Returns the normalised codes (lower case, without duplicates) and the
 * entries that are not two letters.
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

/** German name of an ISO 639-1 code ("ar" → "Arabisch"), the code when unknown. */
export function useLanguageName(): (code: string) => string {
  const { t, i18n } = useTranslation();
  return (code) => (i18n.exists(`directory.languages.${code}`) ? t(`directory.languages.${code}`) : code);
}

/** Working groups first, then the steering group, then the network; by name within a kind. */
export function sortBodies<T extends { kind: BodyKind; name: string }>(bodies: readonly T[]): T[] {
  const rank: Record<BodyKind, number> = { working_group: 0, steering_group: 1, network: 2 };
  const collator = new Intl.Collator('de');
  return [...bodies].sort((a, b) => rank[a.kind] - rank[b.kind] || collator.compare(a.name, b.name));
}
