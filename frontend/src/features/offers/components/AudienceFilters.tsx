import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@/components/ui';
import { COMMON_LANGUAGES, useLanguageName } from '@/lib/reference';

export interface AudienceFilter {
  language: string;
  targetGroup: string;
}

/** Language and target group from the address bar (`?sprache=ar&zielgruppe=…`). */
export function parseAudience(search: URLSearchParams): AudienceFilter {
  const language = search.get('sprache') ?? '';
  return { language: /^[a-z]{2}$/.test(language) ? language : '', targetGroup: search.get('zielgruppe') ?? '' };
}

/** The API parameters of an audience filter (`language`, `target_group`), only those set. */
export function audienceParams(filter: AudienceFilter): { language?: string; target_group?: string } {
  const targetGroup = filter.targetGroup.trim();
  return { ...(filter.language ? { language: filter.language } : {}), ...(targetGroup ? { target_group: targetGroup } : {}) };
}

/** Puts an audience filter into the address bar's parameters. */
export function writeAudience(filter: AudienceFilter, result: URLSearchParams): void {
  if (filter.language) result.set('sprache', filter.language);
  if (filter.targetGroup.trim()) result.set('zielgruppe', filter.targetGroup.trim());
}

/** The language select and the target-group field of the offer lists (catalogue and management). */
export function AudienceFilterFields({
  idPrefix,
  value,
  current,
  onChange,
}: {
  idPrefix: string;
  value: AudienceFilter;
  /** The applied language; an unusual code from the address bar stays selectable. */
  current: string;
  onChange: (next: AudienceFilter) => void;
}) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const languageOptions: { value: string; label: string }[] = [...COMMON_LANGUAGES]
    .map((code) => ({ value: code, label: languageName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'de'));
  if (current && !languageOptions.some((o) => o.value === current)) {
    languageOptions.push({ value: current, label: languageName(current) });
  }
  return (
    <>
      <SelectField
        id={`${idPrefix}-language`}
        label={t('offers.catalogue.language')}
        value={value.language}
        onChange={(e) => onChange({ ...value, language: e.target.value })}
        options={[{ value: '', label: t('offers.catalogue.allLanguages') }, ...languageOptions]}
      />
      <TextField
        id={`${idPrefix}-target-group`}
        label={t('offers.catalogue.targetGroup')}
        hint={t('offers.catalogue.targetGroupHint')}
        value={value.targetGroup}
        onChange={(e) => onChange({ ...value, targetGroup: e.target.value })}
      />
    </>
  );
}
