import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, Dialog } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { isProblemKind } from '@/lib/api/problem';
import { type Offer, offerQuery, useDeleteOffer } from '../api/offers';
import { OfferFactsList, useCanEditOffers } from './shared';

/** One offer of the internal register, with edit and delete for editors. */
export function OfferDetailPage() {
  const { t } = useTranslation();
  const { offerId = '' } = useParams();
  const offer = useQuery(offerQuery(offerId));
  return (
    <LoadedPage query={offer} title={t('offers.detail.title')} backTo="/angebotsverwaltung" backLabel={t('offers.admin.backToList')}>
      {(loaded) => <OfferDetail offer={loaded.data} etag={loaded.etag} />}
    </LoadedPage>
  );
}

function OfferDetail({ offer, etag }: { offer: Offer; etag: string | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const canEdit = useCanEditOffers();
  const remove = useDeleteOffer(offer.id);
  const [confirming, setConfirming] = useState(false);
  const state = location.state as { flash?: string; meetingId?: string } | null;
  const flash = state?.flash;

  const onDelete = async () => {
    try {
      await remove.mutateAsync(etag ?? '');
      navigate('/angebotsverwaltung', { state: { flash: t('offers.delete.done', { title: offer.title }) } });
    } catch {
      // The dialog shows the problem.
    }
  };

  return (
    <Page
      title={offer.title}
      lead={offer.organisation_name}
      actions={
        canEdit && (
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Link className="kern-btn kern-btn--primary" to={`/angebotsverwaltung/${offer.id}/bearbeiten`}>
              <span className="kern-icon kern-icon--edit" aria-hidden="true" />
              <span className="kern-label">{t('offers.detail.edit')}</span>
            </Link>
            <Button variant="secondary" icon="delete" onClick={() => { remove.reset(); setConfirming(true); }}>
              {t('offers.detail.delete')}
            </Button>
          </div>
        )
      }
    >
      <div className="app-narrow">
        {flash && (
          <Alert variant="success" title={flash} live="status">
            {state?.meetingId && (
              <p className="kern-body">
                <Link className="kern-link" to={`/sitzungen/${state.meetingId}`}>
                  {t('offers.create.backToMeeting')}
                </Link>
              </p>
            )}
          </Alert>
        )}
        {offer.published ? (
          <Alert variant="info" title={t('offers.detail.publishedTitle')}>
            <p className="kern-body">
              <Link className="kern-link" to={`/angebote/${offer.id}`}>
                {t('offers.detail.inCatalogue')}
              </Link>
            </p>
          </Alert>
        ) : (
          <Alert variant="info" title={t('offers.detail.internalTitle')}>
            <p className="kern-body">{t('offers.detail.internalText')}</p>
          </Alert>
        )}
        {offer.description && <p className="kern-body app-preline">{offer.description}</p>}
        <OfferFactsList
          offer={offer}
          extra={[
            {
              key: 'organisation',
              label: t('offers.fields.organisation'),
              value: (
                <Link className="kern-link" to={`/organisationen/${offer.organisation_id}`}>
                  {offer.organisation_name}
                </Link>
              ),
            },
            {
              key: 'presented',
              label: t('offers.fields.presentedAt'),
              value: offer.presented_at ? (
                <Link className="kern-link" to={`/sitzungen/${offer.presented_at.meeting_id}`}>
                  {t('offers.detail.presentedAt', {
                    meeting: offer.presented_at.meeting_title,
                    date: formatDateTime(offer.presented_at.meeting_starts_at),
                    number: offer.presented_at.agenda_item_number,
                    item: offer.presented_at.agenda_item_title,
                  })}
                </Link>
              ) : null,
            },
          ]}
          after={[{ key: 'updated', label: t('offers.fields.updatedAt'), value: formatDateTime(offer.updated_at) }]}
        />
        <p className="kern-body">
          <Link className="kern-link" to="/angebotsverwaltung">
            {t('offers.admin.backToList')}
          </Link>
        </p>
      </div>
      <Dialog
        open={confirming}
        role="alertdialog"
        title={t('offers.delete.title')}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button variant="primary" icon="delete" onClick={onDelete} disabled={remove.isPending}>
              {t('offers.delete.confirm')}
            </Button>
          </>
        }
      >
        {remove.isError &&
          (isProblemKind(remove.error, 'precondition-failed') ? (
            <Alert variant="danger" title={t('offers.delete.staleTitle')} live="alert">
              <p className="kern-body">{t('offers.delete.staleText')}</p>
            </Alert>
          ) : (
            <ProblemAlert error={remove.error} />
          ))}
        <p className="kern-body">{t('offers.delete.text', { title: offer.title })}</p>
      </Dialog>
    </Page>
  );
}
