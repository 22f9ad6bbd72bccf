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
import { organisationOptionsQuery } from '@/lib/api/options';
import { isProblemKind } from '@/lib/api/problem';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { diffChanges } from '@/lib/forms/changes';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import {
  EMPTY_OFFER,
  OFFER_FIELDS,
  OFFER_FIELD_MAP,
  type OfferField,
  type OfferFormValues,
  offerBody,
  offerChanges,
  offerFieldId,
  offerToValues,
  validateOffer,
} from '../api/offerForm';
import { type Offer, fetchLatestOffer, offerKeys, offerQuery, useCreateOffer, useUpdateOffer } from '../api/offers';
import { OfferFields } from './OfferFields';

function useOfferForm(initial: OfferFormValues) {
  const { t } = useTranslation();
  const [values, setValues] = useState<OfferFormValues>(initial);
  const form = useFormErrors<OfferField>(OFFER_FIELD_MAP, (f) =>
    t(`offers.fields.${(OFFER_FIELD_MAP as Record<string, string>)[f] ?? f}`, f),
  );
  const onChange = <F extends OfferField>(field: F, value: OfferFormValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.clearField(field);
  };
  const check = () => {
    const clientErrors = validateOffer(values);
    const translated: FieldErrors<OfferField> = {};
    for (const field of OFFER_FIELDS) if (clientErrors[field]) translated[field] = t(clientErrors[field]);
    return !form.setClientErrors(translated);
  };
  const summary = (
    <ErrorSummary
      focusKey={form.failedSubmits}
      messages={form.formErrors}
      items={OFFER_FIELDS.filter((f) => form.errors[f]).map((f) => ({
        fieldId: offerFieldId(f),
        label: t(`offers.fields.${f}`),
        message: form.errors[f] ?? '',
      }))}
    />
  );
  return { values, setValues, form, onChange, check, summary };
}

export function OfferCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const link = agendaLinkFrom(search);
  const agenda = useQuery({ ...agendaContextQuery(link ?? { meetingId: '', agendaItemId: '' }), enabled: link !== null });
  const context = agenda.data ?? null;
  const create = useCreateOffer();
  const { values, form, onChange, check, summary } = useOfferForm(EMPTY_OFFER);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    try {
      const created = await create.mutateAsync({
        ...offerBody(values),
        ...(context ? { presented_at_agenda_item_id: context.agendaItemId } : {}),
      });
      navigate(`/angebotsverwaltung/${created.data.id}`, {
        state: {
          flash: t('offers.create.done', { title: created.data.title }),
          ...(context ? { meetingId: context.meetingId } : {}),
        },
      });
    } catch (caught) {
      form.applyProblem(caught);
    }
  };

  const showProblem = create.isError && !isProblemKind(create.error, 'validation-error');
  return (
    <Page title={t('offers.create.title')} lead={t('offers.create.lead')}>
      <div className="app-narrow">
        {context && (
          <Alert variant="info" title={t('offers.create.fromAgenda', { meeting: context.meetingTitle, number: context.number })}>
            <p className="kern-body">{context.title}</p>
          </Alert>
        )}
        {link && agenda.isError && <ProblemAlert error={agenda.error} />}
        {agenda.isSuccess && !context && <Alert variant="warning" title={t('offers.create.agendaMissing')} />}
        {showProblem && <ProblemAlert error={create.error} />}
        {summary}
        <p className="kern-body">{t('offers.form.required')}</p>
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('offers.create.title')}>
          <OfferFields values={values} errors={form.errors} onChange={onChange} />
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" disabled={create.isPending}>
              {t('offers.create.submit')}
            </Button>
            <Link className="kern-btn kern-btn--secondary" to={context ? `/sitzungen/${context.meetingId}` : '/angebotsverwaltung'}>
              <span className="kern-label">{t('common.cancel')}</span>
            </Link>
          </div>
        </form>
      </div>
    </Page>
  );
}

export function OfferEditPage() {
  const { t } = useTranslation();
  const { offerId = '' } = useParams();
  const offer = useQuery(offerQuery(offerId));
  return (
    <LoadedPage query={offer} title={t('offers.edit.title')} backTo="/angebotsverwaltung" backLabel={t('offers.admin.backToList')}>
      {(loaded) => <OfferEditor offer={loaded.data} etag={loaded.etag} />}
    </LoadedPage>
  );
}

function OfferEditor({ offer, etag }: { offer: Offer; etag: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateOffer(offer.id);
  const organisations = useQuery(organisationOptionsQuery);
  const { values, setValues, form, onChange, check, summary } = useOfferForm(offerToValues(offer));
  const [saved, setSaved] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{
    changes: ConflictChange[];
    latest: Awaited<ReturnType<typeof fetchLatestOffer>> | null;
  } | null>(null);

  useEffect(() => {
    setValues(offerToValues(offer));
  }, [offer, setValues]);

  const show = (field: OfferField) => (v: OfferFormValues): string => {
    if (field === 'published') return v.published ? t('directory.yes') : t('directory.no');
    if (field === 'municipalities') return v.municipalities.join(', ');
    if (field === 'organisation') return organisations.data?.find((o) => o.id === v.organisation)?.name ?? v.organisation;
    return v[field].trim();
  };
  const conflictFields = OFFER_FIELDS.map((f) => ({ label: t(`offers.fields.${f}`), show: show(f) }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!check()) return;
    const body = offerChanges(offerToValues(offer), values);
    if (Object.keys(body).length === 0) {
      setSaved(t('offers.edit.nothingChanged'));
      return;
    }
    try {
      await update.mutateAsync({ body, etag: etag ?? '' });
      setSaved(t('offers.edit.saved'));
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) {
        let latest: Awaited<ReturnType<typeof fetchLatestOffer>> | null = null;
        try {
          latest = await fetchLatestOffer(offer.id);
        } catch {
          latest = null;
        }
        const changes = latest ? diffChanges(conflictFields, values, offerToValues(latest.data)) : [];
        setConflict({ changes, latest });
      } else {
        form.applyProblem(caught);
      }
    }
  };

  const reload = () => {
    if (conflict?.latest) queryClient.setQueryData(offerKeys.detail(offer.id), conflict.latest);
    else void queryClient.invalidateQueries({ queryKey: offerKeys.detail(offer.id) });
    form.clear();
    setConflict(null);
    setSaved(null);
  };

  const showProblem =
    update.isError && !isProblemKind(update.error, 'precondition-failed') && !isProblemKind(update.error, 'validation-error');

  return (
    <Page title={t('offers.edit.titleWithName', { title: offer.title })}>
      <div className="app-narrow">
        {saved && <Alert variant="success" title={saved} live="status" />}
        {showProblem && <ProblemAlert error={update.error} />}
        {summary}
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('offers.edit.title')}>
          <OfferFields
            values={values}
            errors={form.errors}
            onChange={(f, v) => {
              setSaved(null);
              onChange(f, v);
            }}
          />
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" disabled={update.isPending}>
              {t('common.save')}
            </Button>
            <Link className="kern-btn kern-btn--secondary" to={`/angebotsverwaltung/${offer.id}`}>
              <span className="kern-label">{t('offers.edit.back')}</span>
            </Link>
          </div>
        </form>
      </div>
      <ConflictDialog open={conflict !== null} changes={conflict?.changes ?? []} onReload={reload} onClose={() => setConflict(null)} />
    </Page>
  );
}
