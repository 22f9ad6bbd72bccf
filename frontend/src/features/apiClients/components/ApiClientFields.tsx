import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { CheckboxGroup, SelectField, TextField } from '@/components/ui';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import {
  type ApiClientField,
  type ApiClientFormValues,
  INTRANET,
  type OrganisationChoice,
  SCOPES,
  SCOPE_KEYS,
  apiClientFieldId,
} from '../api/apiClientForm';
import { type Scope, organisationSearchQuery } from '../api/apiClients';
import { organisationLabel } from './shared';

type OnChange = <F extends ApiClientField>(field: F, value: ApiClientFormValues[F]) => void;

/**
 * The fields of a client: name, organisation (only when creating: it cannot change), scopes with
 * their explanations, rate limit.
 */
export function ApiClientFields({
  values,
  errors,
  mode,
  onChange,
}: {
  values: ApiClientFormValues;
  errors: FieldErrors<ApiClientField>;
  mode: 'create' | 'edit';
  onChange: OnChange;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={apiClientFieldId('name')}
        label={t('apiClients.fields.name')}
        hint={t('apiClients.form.nameHint')}
        autoComplete="off"
        required
        value={values.name}
        error={errors.name}
        onChange={(e) => onChange('name', e.target.value)}
      />
      {mode === 'create' && (
        <OrganisationPicker
          value={values.organisation}
          error={errors.organisation}
          onChange={(organisation) => onChange('organisation', organisation)}
        />
      )}
      <CheckboxGroup
        id={apiClientFieldId('scopes')}
        legend={t('apiClients.fields.scopes')}
        hint={mode === 'create' ? t('apiClients.form.scopesHint') : t('apiClients.detail.scopesChangeNote')}
        options={SCOPES.map((scope) => ({
          value: scope,
          label: t(`apiClients.scopes.${SCOPE_KEYS[scope]}.label`),
          hint: t(`apiClients.scopes.${SCOPE_KEYS[scope]}.hint`),
        }))}
        value={values.scopes}
        error={errors.scopes}
        onChange={(scopes) => onChange('scopes', scopes as Scope[])}
      />
      <TextField
        id={apiClientFieldId('rateLimit')}
        label={t('apiClients.fields.rateLimit')}
        hint={t('apiClients.form.rateLimitHint')}
        inputMode="numeric"
        autoComplete="off"
        required
        className="app-api-client-rate"
        value={values.rateLimit}
        error={errors.rateLimit}
        onChange={(e) => onChange('rateLimit', e.target.value)}
      />
    </>
  );
}

function useDebounced(value: string, delay = 300): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/** Enter in the search field searches (it does anyway, as you type) instead of sending the form. */
function searchOnly(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key === 'Enter') event.preventDefault();
}

/** A search field narrowing the organisation select, which also offers the county intranet. */
function OrganisationPicker({
  value,
  error,
  onChange,
}: {
  value: OrganisationChoice | null;
  error?: string | undefined;
  onChange: (value: OrganisationChoice | null) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const term = useDebounced(q.trim());
  const matches = useQuery(organisationSearchQuery(term));
  const found = (matches.data?.items ?? []).map((o) => ({ value: o.id, label: organisationLabel(o) }));
  const intranet = { value: INTRANET, label: t('apiClients.intranet') };
  // The choice stays in the select while a new search shows other organisations.
  const kept = value && value.value !== INTRANET && !found.some((o) => o.value === value.value) ? [value] : [];
  const choices = [intranet, ...kept, ...found];
  const status = matches.data
    ? matches.data.total > found.length
      ? t('apiClients.form.organisationFoundMore', { count: matches.data.total, shown: found.length })
      : t('apiClients.form.organisationFound', { count: matches.data.total })
    : '';
  return (
    <div className="app-api-client-organisation">
      <TextField
        id={`${apiClientFieldId('organisation')}-search`}
        type="search"
        label={t('apiClients.form.organisationSearch')}
        hint={t('apiClients.form.organisationSearchHint')}
        optional
        autoComplete="off"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={searchOnly}
      />
      <p className="kern-body kern-body--small" aria-live="polite">
        {status}
      </p>
      {matches.isError && <ProblemAlert error={matches.error} />}
      <SelectField
        id={apiClientFieldId('organisation')}
        label={t('apiClients.fields.organisation')}
        hint={t('apiClients.form.organisationHint')}
        required
        value={value?.value ?? ''}
        error={error}
        onChange={(e) => onChange(choices.find((o) => o.value === e.target.value) ?? null)}
        options={[{ value: '', label: t('apiClients.form.organisationChoose') }, ...choices]}
      />
    </div>
  );
}
