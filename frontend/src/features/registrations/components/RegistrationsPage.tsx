import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ReasonExport } from '@/components/ExportButtons';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Loader, Table } from '@/components/ui';
import { formatDateTime, formatNumber } from '@/lib/format';
import {
  type Registration,
  type RegistrationList,
  fetchRegistrationsExport,
  meetingQuery,
  placesLeft,
  registrationsQuery,
} from '../api/registrations';

/** The participant list of a meeting with public registration (admin, coordinator). */
export function RegistrationsPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const meeting = useQuery(meetingQuery(meetingId));
  const registrations = useQuery(registrationsQuery(meetingId));

  return (
    <LoadedPage query={meeting} title={t('registrations.title')} backTo="/sitzungen" backLabel={t('registrations.back')}>
      {(m) => (
        <Page
          title={t('registrations.titleOf', { title: m.title })}
          lead={t('registrations.lead', { date: formatDateTime(m.starts_at) })}
        >
          <p className="kern-body">
            <Link className="kern-link" to={`/sitzungen/${m.id}`}>
              {t('registrations.toMeeting')}
            </Link>
          </p>
          {registrations.isPending && <Loader label={t('common.loading')} />}
          {registrations.isError && <ProblemAlert error={registrations.error} />}
          {registrations.data && <RegistrationsContent meetingId={m.id} list={registrations.data} />}
        </Page>
      )}
    </LoadedPage>
  );
}

function RegistrationsContent({ meetingId, list }: { meetingId: string; list: RegistrationList }) {
  const { t } = useTranslation();
  const free = placesLeft(list);
  const figures: [string, string][] = [
    [t('registrations.capacity'), list.capacity === null ? t('registrations.noCapacity') : formatNumber(list.capacity)],
    [t('registrations.confirmed'), formatNumber(list.confirmed)],
    [t('registrations.placesLeft'), free === null ? '–' : formatNumber(free)],
    [t('registrations.waitlisted'), formatNumber(list.waitlisted)],
    [t('registrations.cancelled'), formatNumber(list.cancelled)],
  ];

  return (
    <>
      {list.capacity === null && (
        <Alert variant="info" title={t('registrations.noRegistrationTitle')}>
          <p className="kern-body">{t('registrations.noRegistrationText')}</p>
        </Alert>
      )}
      <section aria-labelledby="registrations-figures" className="app-section">
        <h2 className="kern-heading-medium" id="registrations-figures">
          {t('registrations.figures')}
        </h2>
        <dl className="kern-description-list">
          {figures.map(([label, value]) => (
            <div className="kern-description-list-item" key={label}>
              <dt className="kern-description-list-item__key">{label}</dt>
              <dd className="kern-description-list-item__value">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="registrations-list" className="app-section">
        <h2 className="kern-heading-medium" id="registrations-list">
          {t('registrations.listTitle', { count: list.items.length })}
        </h2>
        <Table
          caption={t('registrations.caption')}
          captionHidden
          columns={[
            {
              key: 'name',
              header: t('registrations.fields.name'),
              rowHeader: true,
              cell: (r: Registration) => `${r.given_name} ${r.family_name}`,
            },
            { key: 'email', header: t('registrations.fields.email'), cell: (r: Registration) => r.email },
            {
              key: 'organisation',
              header: t('registrations.fields.organisation'),
              cell: (r: Registration) => r.organisation_name ?? '–',
            },
            {
              key: 'status',
              header: t('registrations.fields.status'),
              cell: (r: Registration) => t(`registrations.status.${r.status}`),
            },
            {
              key: 'position',
              header: t('registrations.fields.position'),
              numeric: true,
              cell: (r: Registration) => (r.waiting_position === null ? '–' : formatNumber(r.waiting_position)),
            },
            {
              key: 'created',
              header: t('registrations.fields.createdAt'),
              cell: (r: Registration) => formatDateTime(r.created_at),
            },
          ]}
          rows={list.items}
          rowKey={(r) => r.id}
          empty={t('registrations.empty')}
        />
      </section>
      <ReasonExport
        id="registrations-export"
        label={t('registrations.exportTitle')}
        dialogTitle={(format) =>
          t('registrations.exportDialogTitle', { format: t(`directory.export.formatName.${format}`) })
        }
        loggedText={t('registrations.exportLogged')}
        hint={t('registrations.exportHint')}
        fetchFile={(format, reason) => fetchRegistrationsExport(meetingId, format, reason)}
      />
    </>
  );
}
