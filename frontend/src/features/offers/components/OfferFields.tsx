import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Checkbox, CheckboxGroup, Loader, SelectField, TextArea, TextField } from '@/components/ui';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { type OfferField, type OfferFormValues, offerFieldId } from '../api/offerForm';
import { organisationOptionsQuery } from '@/lib/api/options';
import { MUNICIPALITIES } from '@/lib/reference';

export function OfferFields({
  values,
  errors,
  onChange,
}: {
  values: OfferFormValues;
  errors: FieldErrors<OfferField>;
  onChange: <F extends OfferField>(field: F, value: OfferFormValues[F]) => void;
}) {
  const { t } = useTranslation();
  const organisations = useQuery(organisationOptionsQuery);
  const text = (field: 'title' | 'costs' | 'contact', required = false, hint?: string) => (
    <TextField
      id={offerFieldId(field)}
      label={t(`offers.fields.${field}`)}
      hint={hint}
      autoComplete="off"
      required={required}
      optional={!required}
      value={values[field]}
      error={errors[field]}
      onChange={(e) => onChange(field, e.target.value)}
    />
  );
  return (
    <>
      {organisations.isPending && <Loader label={t('offers.form.organisationsLoading')} />}
      {organisations.isError && <ProblemAlert error={organisations.error} />}
      <SelectField
        id={offerFieldId('organisation')}
        label={t('offers.fields.organisation')}
        value={values.organisation}
        error={errors.organisation}
        required
        onChange={(e) => onChange('organisation', e.target.value)}
        options={[
          { value: '', label: t('offers.form.organisationChoose') },
          ...(organisations.data ?? []).map((o) => ({
            value: o.id,
            label: o.short_name && o.short_name !== o.name ? `${o.name} (${o.short_name})` : o.name,
          })),
        ]}
      />
      {text('title', true)}
      <TextArea
        id={offerFieldId('description')}
        label={t('offers.fields.description')}
        optional
        value={values.description}
        error={errors.description}
        onChange={(e) => onChange('description', e.target.value)}
      />
      <TextField
        id={offerFieldId('targetGroups')}
        label={t('offers.fields.targetGroups')}
        hint={t('offers.form.targetGroupsHint')}
        optional
        autoComplete="off"
        value={values.targetGroups}
        error={errors.targetGroups}
        onChange={(e) => onChange('targetGroups', e.target.value)}
      />
      <TextField
        id={offerFieldId('languages')}
        label={t('offers.fields.languages')}
        hint={t('offers.form.languagesHint')}
        optional
        autoComplete="off"
        value={values.languages}
        error={errors.languages}
        onChange={(e) => onChange('languages', e.target.value)}
      />
      <CheckboxGroup
        id={offerFieldId('municipalities')}
        legend={t('offers.fields.municipalities')}
        hint={t('offers.form.municipalitiesHint')}
        options={MUNICIPALITIES.map((m) => ({ value: m, label: m }))}
        value={values.municipalities}
        error={errors.municipalities}
        onChange={(next) => onChange('municipalities', next)}
      />
      {text('costs', false, t('offers.form.costsHint'))}
      {text('contact', false, t('offers.form.contactHint'))}
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t('offers.fields.period')}</legend>
        <div className="kern-fieldset__body">
          <TextField
            id={offerFieldId('validFrom')}
            type="date"
            label={t('offers.fields.validFrom')}
            optional
            value={values.validFrom}
            error={errors.validFrom}
            onChange={(e) => onChange('validFrom', e.target.value)}
          />
          <TextField
            id={offerFieldId('validUntil')}
            type="date"
            label={t('offers.fields.validUntil')}
            hint={t('offers.form.validUntilHint')}
            optional
            value={values.validUntil}
            error={errors.validUntil}
            onChange={(e) => onChange('validUntil', e.target.value)}
          />
        </div>
      </fieldset>
      <Checkbox
        id={offerFieldId('published')}
        label={t('offers.form.publishedLabel')}
        checked={values.published}
        error={errors.published}
        onChange={(e) => onChange('published', e.target.checked)}
      />
    </>
  );
}
