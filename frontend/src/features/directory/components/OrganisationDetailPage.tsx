import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, Dialog } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { type Organisation, organisationQuery, useDeleteOrganisation } from '../api/directory';
import { DescriptionList } from '@/components/DescriptionList';
import { useCanWrite } from './shared';

export function OrganisationDetailPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useQuery(organisationQuery(organisationId));
  return (
    <LoadedPage query={organisation} title={t('nav.organisation')} backTo="/organisationen" backLabel={t('directory.organisations.detail.backToList')}>
      {(loaded) => <OrganisationDetail organisation={loaded.data} etag={loaded.etag} />}
    </LoadedPage>
  );
}

function OrganisationDetail({ organisation: o, etag }: { organisation: Organisation; etag: string | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const canWrite = useCanWrite();
  const remove = useDeleteOrganisation(o.id);
  const [confirm, setConfirm] = useState(false);
  const flash = (location.state as { flash?: string } | null)?.flash;

  const address = [o.street, [o.postal_code, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');

  const onDelete = async () => {
    setConfirm(false);
    try {
      await remove.mutateAsync(etag ?? '');
      navigate('/organisationen', { state: { flash: t('directory.organisations.list.deleted', { name: o.name }) } });
    } catch {
      /* shown below */
    }
  };

  return (
    <Page
      title={o.name}
      lead={t('directory.organisations.detail.meta', {
        created: formatDateTime(o.created_at),
        updated: formatDateTime(o.updated_at),
      })}
      actions={
        canWrite && (
          <>
            <Link className="kern-btn kern-btn--primary" to={`/organisationen/${o.id}/bearbeiten`}>
              <span className="kern-icon kern-icon--edit" aria-hidden="true" />
              <span className="kern-label">{t('directory.organisations.detail.edit')}</span>
            </Link>
            <Button variant="secondary" icon="delete" onClick={() => setConfirm(true)} disabled={remove.isPending}>
              {t('directory.organisations.detail.delete')}
            </Button>
          </>
        )
      }
    >
      {flash && <Alert variant="success" title={flash} live="status" />}
      {remove.isError && <ProblemAlert error={remove.error} />}
      <DescriptionList
        items={[
          { key: 'shortName', label: t('directory.organisations.fields.shortName'), value: o.short_name },
          { key: 'kind', label: t('directory.organisations.fields.kind'), value: t(`directory.kinds.${o.kind}`) },
          { key: 'address', label: t('directory.organisations.fields.address'), value: address },
          { key: 'municipality', label: t('directory.organisations.fields.municipality'), value: o.municipality },
          {
            key: 'website',
            label: t('directory.organisations.fields.website'),
            value: o.website && /^https?:\/\//i.test(o.website) ? (
              <a className="kern-link" href={o.website} rel="noopener noreferrer">
                {o.website}
              </a>
            ) : (
              o.website
            ),
          },
          {
            key: 'email',
            label: t('directory.organisations.fields.email'),
            value: o.email && (
              <a className="kern-link" href={`mailto:${o.email}`}>
                {o.email}
              </a>
            ),
          },
          { key: 'phone', label: t('directory.organisations.fields.phone'), value: o.phone },
        ]}
      />
      <p className="kern-body app-section">
        <Link className="kern-link" to={`/mitglieder?organisation=${o.id}`}>
          {t('directory.organisations.detail.members')}
        </Link>
      </p>
      <p className="kern-body">
        <Link className="kern-link" to="/organisationen">
          {t('directory.organisations.detail.backToList')}
        </Link>
      </p>

      <Dialog
        open={confirm}
        role="alertdialog"
        title={t('directory.organisations.detail.confirmDeleteTitle')}
        onClose={() => setConfirm(false)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirm(false)}>
              {t('common.cancel')}
            </Button>
            <Button icon="delete" onClick={onDelete}>
              {t('directory.organisations.detail.delete')}
            </Button>
          </>
        }
      >
        <p className="kern-body">{t('directory.organisations.detail.confirmDeleteText', { name: o.name })}</p>
      </Dialog>
    </Page>
  );
}
