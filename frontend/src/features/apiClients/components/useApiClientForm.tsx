import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '@/components/ui';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import {
  API_CLIENT_FIELDS,
  API_CLIENT_FIELD_MAP,
  type ApiClientField,
  type ApiClientFormValues,
  apiClientFieldId,
  validateApiClient,
} from '../api/apiClientForm';

/** The state of the create and edit forms: values, client and server errors, the error summary. */
export function useApiClientForm(initial: ApiClientFormValues) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ApiClientFormValues>(initial);
  const form = useFormErrors<ApiClientField>(API_CLIENT_FIELD_MAP, (f) =>
    t(`apiClients.fields.${(API_CLIENT_FIELD_MAP as Record<string, string>)[f] ?? f}`, f),
  );
  const onChange = <F extends ApiClientField>(field: F, value: ApiClientFormValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.clearField(field);
  };
  /** Runs the client-side rules; false (and a focused summary) when something is wrong. */
  const check = () => {
    const clientErrors = validateApiClient(values);
    const translated: FieldErrors<ApiClientField> = {};
    for (const field of API_CLIENT_FIELDS) if (clientErrors[field]) translated[field] = t(clientErrors[field]);
    return !form.setClientErrors(translated);
  };
  const summary = (
    <ErrorSummary
      focusKey={form.failedSubmits}
      messages={form.formErrors}
      items={API_CLIENT_FIELDS.filter((f) => form.errors[f]).map((f) => ({
        fieldId: apiClientFieldId(f),
        label: t(`apiClients.fields.${f}`),
        message: form.errors[f] ?? '',
      }))}
    />
  );
  return { values, setValues, form, onChange, check, summary };
}
