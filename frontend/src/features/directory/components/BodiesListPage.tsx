import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { type Column, Loader, Table } from '@/components/ui';
import { type Body, bodiesQuery } from '../api/directory';
import { sortBodies } from '@/lib/reference';
import { roleLabelKey } from '../api/labels';

export function BodiesListPage() {
  const { t } = useTranslation();
  const bodies = useQuery(bodiesQuery);

  const columns: Column<Body>[] = [
    {
      key: 'name',
      header: t('directory.bodies.fields.name'),
      rowHeader: true,
      cell: (b) => (
        <Link className="kern-link" to={`/arbeitskreise/${b.id}`}>
          {b.name}
        </Link>
      ),
    },
    { key: 'kind', header: t('directory.bodies.fields.kind'), cell: (b) => t(`directory.bodyKinds.${b.kind}`) },
    {
      key: 'lead',
      header: t('directory.bodies.fields.spokespersons'),
      cell: (b) =>
        b.spokespersons.length === 0 ? (
          t('directory.bodies.list.noLead')
        ) : (
          <ul className="app-plain-list">
            {b.spokespersons.map((s) => (
              <li key={s.membership_id}>
                {s.name} ({t(roleLabelKey(s.role))})
              </li>
            ))}
          </ul>
        ),
    },
    { key: 'cadence', header: t('directory.bodies.fields.cadence'), cell: (b) => t(`directory.cadence.${b.cadence}`) },
  ];

  return (
    <Page title={t('directory.bodies.list.title')} lead={t('directory.bodies.list.lead')}>
      {bodies.isPending && <Loader label={t('common.loading')} />}
      {bodies.isError && <ProblemAlert error={bodies.error} />}
      {bodies.data && (
        <Table
          caption={t('directory.bodies.list.caption')}
          captionHidden
          columns={columns}
          rows={sortBodies(bodies.data.items)}
          rowKey={(b) => b.id}
          empty={t('directory.bodies.list.empty')}
        />
      )}
    </Page>
  );
}
