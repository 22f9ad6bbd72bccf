import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type ConflictChange, ConflictDialog } from '@/components/ConflictDialog';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, ErrorSummary } from '@/components/ui';
import { agendaContextQuery, agendaLinkFrom } from '@/lib/api/agendaContext';
import { bodyOptionsQuery } from '@/lib/api/options';
import { isProblemKind } from '@/lib/api/problem';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { diffChanges } from '@/lib/forms/changes';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import {
  EMPTY_NEED,
  NEED_FIELDS,
  NEED_FIELD_MAP,
  type NeedField,
  type NeedFormValues,
  fieldOfActionLabel,
  needBody,
  needChanges,
  needFieldId,
  needToValues,
  validateNeed,
} from '../api/needForm';
import {
  type Need,
  fetchLatestNeed,
  fieldOfActionOptionsQuery,
  needKeys,
  needQuery,
  useCreateNeed,
  useUpdateNeed,
} from '../api/needs';
import { NeedFields } from './NeedFields';
import { isUuid } from '@/lib/ids';

function useNeedForm(initial: NeedFormValues) {
  const { t } = useTranslation();
  const [values, setValues] = useState<NeedFormValues>(initial);
  const form = useFormErrors<NeedField>(NEED_FIELD_MAP, (f) =>
    t(`needs.fields.${(NEED_FIELD_MAP as Record<string, string>)[f] ?? f}`, f),
  );
  const onChange = (field: NeedField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.clearField(field);
  };
  const check = () => {
    const clientErrors = validateNeed(values);
    const translated: FieldErrors<NeedField> = {};
    for (const field of NEED_FIELDS) if (clientErrors[field]) translated[field] = t(clientErrors[field]);
    return !form.setClientErrors(translated);
  };
  const summary = (
    <ErrorSummary
      focusKey={form.failedSubmits}
      messages={form.formErrors}
      items={NEED_FIELDS.filter((f) => form.errors[f]).map((f) => ({
        fieldId: needFieldId(f),
        label: t(`needs.fields.${f}`),
        message: form.errors[f] ?? '',
      }))}
    />
  );
  return { values, setValues, form, onChange, check, summary };
}

export function NeedCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const link = agendaLinkFrom(search);
  const agenda = useQuery({ ...agendaContextQuery(link ?? { meetingId: '', agendaItemId: '' }), enabled: link !== null });
  const context = agenda.data ?? null;
  const create = useCreateNeed();
  const bodyParam = search.get('body_id') ?? '';
  const { values, form, onChange, check, summary } = useNeedForm({ ...EMPTY_NEED, body: isUuid(bodyParam) ? bodyParam : '' });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    try {
      const created = await create.mutateAsync({
        ...needBody(values),
        ...(context ? { raised_at_agenda_item_id: context.agendaItemId } : {}),
      });
      navigate(`/bedarfe/${created.data.id}`, {
        state: {
          flash: t('needs.create.done', { title: created.data.title }),
          ...(context ? { meetingId: context.meetingId } : {}),
        },
      });
    } catch (caught) {
      form.applyProblem(caught);
    }
  };

  const showProblem = create.isError && !isProblemKind(create.error, 'validation-error');
  return (
    <Page title={t('needs.create.title')} lead={t('needs.create.lead')}>
      <div className="app-narrow">
        {showProblem &&
          (isProblemKind(create.error, 'forbidden') ? (
            <Alert variant="danger" title={t('needs.forbidden.title')} live="alert">
              <p className="kern-body">{t('needs.forbidden.text')}</p>
            </Alert>
          ) : (
            <ProblemAlert error={create.error} />
          ))}
        {context && (
          <Alert variant="info" title={t('needs.create.fromAgenda', { meeting: context.meetingTitle, number: context.number })}>
            <p className="kern-body">{context.title}</p>
          </Alert>
        )}
        {link && agenda.isError && <ProblemAlert error={agenda.error} />}
        {agenda.isSuccess && !context && <Alert variant="warning" title={t('needs.create.agendaMissing')} />}
        {summary}
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('needs.create.title')}>
          <NeedFields values={values} errors={form.errors} onChange={onChange} />
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" disabled={create.isPending}>
              {t('needs.create.submit')}
            </Button>
            <Link className="kern-btn kern-btn--secondary" to={context ? `/sitzungen/${context.meetingId}` : '/bedarfe'}>
              <span className="kern-label">{t('common.cancel')}</span>
            </Link>
          </div>
        </form>
      </div>
    </Page>
  );
}

export function NeedEditPage() {
  const { t } = useTranslation();
  const { needId = '' } = useParams();
  const need = useQuery(needQuery(needId));
  return (
    <LoadedPage query={need} title={t('needs.edit.title')} backTo="/bedarfe" backLabel={t('needs.detail.backToList')}>
      {(loaded) => <NeedEditor need={loaded.data} etag={loaded.etag} />}
    </LoadedPage>
  );
}

function NeedEditor({ need, etag }: { need: Need; etag: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateNeed(need.id);
  const bodies = useQuery(bodyOptionsQuery);
  const fields = useQuery(fieldOfActionOptionsQuery);
  const { values, setValues, form, onChange, check, summary } = useNeedForm(needToValues(need));
  const [saved, setSaved] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{
    changes: ConflictChange[];
    latest: Awaited<ReturnType<typeof fetchLatestNeed>> | null;
  } | null>(null);

  useEffect(() => {
    setValues(needToValues(need));
  }, [need, setValues]);

  const fieldName = (id: string) => {
    if (id === '') return '';
    const known = fields.data?.find((f) => f.id === id) ?? (need.field_of_action?.id === id ? need.field_of_action : null);
    return known ? fieldOfActionLabel(known) : id;
  };
  const show = (field: NeedField) => (v: NeedFormValues) =>
    field === 'body'
      ? (bodies.data?.find((b) => b.id === v.body)?.name ?? v.body)
      : field === 'fieldOfAction'
        ? fieldName(v.fieldOfAction)
        : v[field].trim();
  const conflictFields = NEED_FIELDS.map((f) => ({ label: t(`needs.fields.${f}`), show: show(f) }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!check()) return;
    const body = needChanges(needToValues(need), values);
    if (Object.keys(body).length === 0) {
      setSaved(t('needs.edit.nothingChanged'));
      return;
    }
    try {
      await update.mutateAsync({ body, etag: etag ?? '' });
      setSaved(t('needs.edit.saved'));
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) {
        let latest: Awaited<ReturnType<typeof fetchLatestNeed>> | null = null;
        try {
          latest = await fetchLatestNeed(need.id);
        } catch {
          latest = null;
        }
        setConflict({ changes: latest ? diffChanges(conflictFields, values, needToValues(latest.data)) : [], latest });
      } else {
        form.applyProblem(caught);
      }
    }
  };

  const reload = () => {
    if (conflict?.latest) queryClient.setQueryData(needKeys.detail(need.id), conflict.latest);
    else void queryClient.invalidateQueries({ queryKey: needKeys.detail(need.id) });
    form.clear();
    setConflict(null);
    setSaved(null);
  };

  const showProblem =
    update.isError && !isProblemKind(update.error, 'precondition-failed') && !isProblemKind(update.error, 'validation-error');

  return (
    <Page title={t('needs.edit.titleWithName', { title: need.title })}>
      <div className="app-narrow">
        {saved && <Alert variant="success" title={saved} live="status" />}
        {showProblem &&
          (isProblemKind(update.error, 'forbidden') ? (
            <Alert variant="danger" title={t('needs.forbidden.title')} live="alert">
              <p className="kern-body">{t('needs.forbidden.text')}</p>
            </Alert>
          ) : (
            <ProblemAlert error={update.error} />
          ))}
        {summary}
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('needs.edit.title')}>
          <NeedFields
            values={values}
            errors={form.errors}
            linked={need.field_of_action}
            onChange={(f, v) => {
              setSaved(null);
              onChange(f, v);
            }}
          />
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" disabled={update.isPending}>
              {t('common.save')}
            </Button>
            <Link className="kern-btn kern-btn--secondary" to={`/bedarfe/${need.id}`}>
              <span className="kern-label">{t('needs.edit.back')}</span>
            </Link>
          </div>
        </form>
      </div>
      <ConflictDialog open={conflict !== null} changes={conflict?.changes ?? []} onReload={reload} onClose={() => setConflict(null)} />
    </Page>
  );
}
