import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Loader, SelectField, TextArea, TextField } from '@/components/ui';
import { bodyOptionsQuery } from '@/lib/api/options';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import type { Abilities } from '../api/actions';
import { type SubmissionField, type SubmissionFormValues, TITLE_MAX, submissionFieldId } from '../api/submissionForm';
import { SUBMISSION_KINDS, type SubmissionKind, measureSearchQuery, needSearchQuery } from '../api/submissions';
import { LinkPicker } from './LinkPicker';
import { useDebounced } from './shared';

/** The bodies a user may submit for: every body for coordinators, the led ones for spokespersons. */
export function useSubmittingBodies(abilities: Abilities) {
  const bodies = useQuery(bodyOptionsQuery);
  const allowed = (bodies.data ?? []).filter((b) => abilities.coordinator || abilities.ledBodyIds.includes(b.id));
  return { bodies, allowed };
}

export function SubmissionFields({
  values,
  errors,
  abilities,
  creating,
  onChange,
}: {
  values: SubmissionFormValues;
  errors: FieldErrors<SubmissionField>;
  abilities: Abilities;
  /** The submitting body is chosen when the paper is created and fixed afterwards. */
  creating: boolean;
  onChange: (field: SubmissionField, patch: Partial<SubmissionFormValues>) => void;
}) {
  const { t } = useTranslation();
  const { bodies, allowed } = useSubmittingBodies(abilities);
  const [measureQ, setMeasureQ] = useState('');
  const [needQ, setNeedQ] = useState('');
  const measureTerm = useDebounced(measureQ);
  const needTerm = useDebounced(needQ);
  const measures = useQuery(measureSearchQuery(measureTerm, values.body));
  const needs = useQuery(needSearchQuery(needTerm, values.body));
  const bodyOptions = creating ? allowed : (bodies.data ?? []).filter((b) => b.id === values.body);

  return (
    <>
      <TextField
        id={submissionFieldId('title')}
        label={t('submissions.fields.title')}
        hint={t('submissions.form.titleHint', { max: TITLE_MAX })}
        autoComplete="off"
        required
        value={values.title}
        error={errors.title}
        onChange={(e) => onChange('title', { title: e.target.value })}
      />
      <SelectField
        id={submissionFieldId('kind')}
        label={t('submissions.fields.kind')}
        hint={t('submissions.form.kindHint')}
        required
        value={values.kind}
        error={errors.kind}
        onChange={(e) => onChange('kind', { kind: e.target.value as SubmissionKind | '' })}
        options={[
          { value: '', label: t('submissions.form.choose') },
          ...SUBMISSION_KINDS.map((k) => ({ value: k, label: t(`submissions.kinds.${k}`) })),
        ]}
      />
      {bodies.isPending && <Loader label={t('submissions.form.bodiesLoading')} />}
      {bodies.isError && <ProblemAlert error={bodies.error} />}
      {creating && bodies.isSuccess && allowed.length === 0 && (
        <Alert variant="warning" title={t('submissions.form.noBodyTitle')}>
          <p className="kern-body">{t('submissions.form.noBodyText')}</p>
        </Alert>
      )}
      <SelectField
        id={submissionFieldId('body')}
        label={t('submissions.fields.body')}
        hint={creating ? t('submissions.form.bodyHint') : t('submissions.form.bodyFixed')}
        required
        disabled={!creating}
        value={values.body}
        error={errors.body}
        onChange={(e) => onChange('body', { body: e.target.value })}
        options={[
          ...(creating ? [{ value: '', label: t('submissions.form.choose') }] : []),
          ...bodyOptions.map((b) => ({ value: b.id, label: b.name })),
        ]}
      />
      <TextArea
        id={submissionFieldId('situation')}
        label={t('submissions.fields.situation')}
        hint={t('submissions.form.situationHint')}
        optional
        rows={8}
        value={values.situation}
        error={errors.situation}
        onChange={(e) => onChange('situation', { situation: e.target.value })}
      />
      <TextArea
        id={submissionFieldId('proposedResolution')}
        label={t('submissions.fields.proposedResolution')}
        hint={t('submissions.form.proposedResolutionHint')}
        optional
        rows={5}
        value={values.proposedResolution}
        error={errors.proposedResolution}
        onChange={(e) => onChange('proposedResolution', { proposedResolution: e.target.value })}
      />
      <TextArea
        id={submissionFieldId('rationale')}
        label={t('submissions.fields.rationale')}
        hint={t('submissions.form.rationaleHint')}
        optional
        rows={6}
        value={values.rationale}
        error={errors.rationale}
        onChange={(e) => onChange('rationale', { rationale: e.target.value })}
      />
      <LinkPicker
        id={submissionFieldId('measures')}
        legend={t('submissions.fields.measures')}
        searchLabel={t('submissions.form.measureSearch')}
        searchHint={t('submissions.form.measureSearchHint')}
        found={(count) => t('submissions.form.measuresFound', { count })}
        empty={t('submissions.form.noneLinked')}
        q={measureQ}
        onQ={setMeasureQ}
        search={measures}
        value={values.measures}
        error={errors.measures}
        onChange={(measures) => onChange('measures', { measures })}
      />
      <LinkPicker
        id={submissionFieldId('needs')}
        legend={t('submissions.fields.needs')}
        searchLabel={t('submissions.form.needSearch')}
        searchHint={t('submissions.form.needSearchHint')}
        found={(count) => t('submissions.form.needsFound', { count })}
        empty={t('submissions.form.noneLinked')}
        q={needQ}
        onQ={setNeedQ}
        search={needs}
        value={values.needs}
        error={errors.needs}
        onChange={(needs) => onChange('needs', { needs })}
      />
    </>
  );
}
