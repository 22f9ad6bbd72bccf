import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Loader, SelectField, TextArea, TextField } from '@/components/ui';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { type NeedField, type NeedFormValues, fieldOfActionLabel, needFieldId } from '../api/needForm';
import { type Need, fieldOfActionOptionsQuery } from '../api/needs';
import { bodyOptionsQuery } from '@/lib/api/options';

export function NeedFields({
  values,
  errors,
  onChange,
  linked = null,
}: {
  values: NeedFormValues;
  errors: FieldErrors<NeedField>;
  onChange: (field: NeedField, value: string) => void;
  /** The field the need links to now; kept as a choice when it belongs to an older edition. */
  linked?: Need['field_of_action'];
}) {
  const { t } = useTranslation();
  const bodies = useQuery(bodyOptionsQuery);
  const fields = useQuery(fieldOfActionOptionsQuery);
  const fieldOptions = (fields.data ?? []).map((f) => ({ value: f.id, label: fieldOfActionLabel(f) }));
  if (linked && !fieldOptions.some((o) => o.value === linked.id)) {
    fieldOptions.unshift({
      value: linked.id,
      label: t('needs.form.olderField', { field: fieldOfActionLabel(linked), year: linked.edition_year }),
    });
  }
  return (
    <>
      {bodies.isPending && <Loader label={t('needs.form.bodiesLoading')} />}
      {bodies.isError && <ProblemAlert error={bodies.error} />}
      <SelectField
        id={needFieldId('body')}
        label={t('needs.fields.body')}
        value={values.body}
        error={errors.body}
        required
        onChange={(e) => onChange('body', e.target.value)}
        options={[
          { value: '', label: t('needs.form.bodyChoose') },
          ...(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name })),
        ]}
      />
      <TextField
        id={needFieldId('title')}
        label={t('needs.fields.title')}
        autoComplete="off"
        required
        value={values.title}
        error={errors.title}
        onChange={(e) => onChange('title', e.target.value)}
      />
      <TextArea
        id={needFieldId('description')}
        label={t('needs.fields.description')}
        optional
        value={values.description}
        error={errors.description}
        onChange={(e) => onChange('description', e.target.value)}
      />
      {fields.isError && <ProblemAlert error={fields.error} />}
      <SelectField
        id={needFieldId('fieldOfAction')}
        label={t('needs.fields.fieldOfAction')}
        hint={t('needs.form.fieldOfActionHint')}
        value={values.fieldOfAction}
        error={errors.fieldOfAction}
        onChange={(e) => onChange('fieldOfAction', e.target.value)}
        options={[{ value: '', label: t('needs.form.noFieldOfAction') }, ...fieldOptions]}
      />
    </>
  );
}
