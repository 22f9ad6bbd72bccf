import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DescriptionList } from '@/components/DescriptionList';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { Alert, Button } from '@/components/ui';
import { formatDate, formatDateTime } from '@/lib/format';
import { type Directive, directiveKeys, directiveQuery, measureQuery, nextStatuses } from '../api/directives';
import '../directives.css';
import { DirectiveStatusDialog } from './DirectiveStatusDialog';
import { DirectiveStatusBadge, OverdueBadge, useMayChangeStatus, useMayReopen } from './shared';

/** One directive: what, to whom, by when, its state, and the status change. */
export function DirectiveDetailPage() {
  const { t } = useTranslation();
  const { directiveId = '' } = useParams();
  const directive = useQuery(directiveQuery(directiveId));
  return (
    <LoadedPage query={directive} title={t('directives.detail.title')} backTo="/handlungsanweisungen" backLabel={t('directives.detail.backToList')}>
      {(loaded) => <DirectiveDetail directive={loaded.data} etag={loaded.etag} />}
    </LoadedPage>
  );
}

function DirectiveDetail({ directive, etag }: { directive: Directive; etag: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mayChange = useMayChangeStatus(directive);
  const mayReopen = useMayReopen();
  const targets = nextStatuses(directive.status, mayReopen);
  const [dialog, setDialog] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const measures = useQueries({ queries: directive.measure_ids.map((id) => measureQuery(id)) });

  return (
    <Page
      title={directive.submission_reference ? t('directives.detail.titleFor', { reference: directive.submission_reference }) : t('directives.detail.title')}
      lead={t('directives.detail.lead', { addressee: directive.addressee_name })}
      actions={
        mayChange &&
        targets.length > 0 && (
          <Button
            icon="autorenew"
            onClick={() => {
              setDone(null);
              setDialog(true);
            }}
          >
            {t('directives.detail.changeStatus')}
          </Button>
        )
      }
    >
      <div className="app-narrow">
        {done && <Alert variant="success" title={done} live="status" />}
        <p className="kern-body kern-body--large app-preline">{directive.text}</p>
        <DescriptionList
          items={[
            {
              key: 'status',
              label: t('directives.fields.status'),
              value: (
                <span className="app-directive-due">
                  <DirectiveStatusBadge status={directive.status} />
                  {directive.overdue && <OverdueBadge />}
                </span>
              ),
            },
            { key: 'due', label: t('directives.fields.dueOn'), value: formatDate(directive.due_on) },
            {
              key: 'addressee',
              label: t('directives.fields.addressee'),
              value:
                directive.addressee_kind === 'body' && directive.addressee_body_id ? (
                  <Link className="kern-link" to={`/arbeitskreise/${directive.addressee_body_id}`}>
                    {directive.addressee_name}
                  </Link>
                ) : directive.addressee_kind === 'organisation' && directive.addressee_organisation_id ? (
                  <Link className="kern-link" to={`/organisationen/${directive.addressee_organisation_id}`}>
                    {directive.addressee_name}
                  </Link>
                ) : (
                  directive.addressee_name
                ),
            },
            {
              key: 'paper',
              label: t('directives.fields.paper'),
              value: (
                <Link className="kern-link" to={`/vorlagen/${directive.submission_id}`}>
                  {directive.submission_reference ? `${directive.submission_reference} ${directive.submission_title}` : directive.submission_title}
                </Link>
              ),
            },
            {
              key: 'note',
              label: t('directives.fields.completionNote'),
              value: directive.completion_note ? <span className="app-preline">{directive.completion_note}</span> : null,
            },
            { key: 'completed', label: t('directives.fields.completedAt'), value: directive.completed_at ? formatDateTime(directive.completed_at) : null },
            {
              key: 'measures',
              label: t('directives.fields.measures'),
              value:
                directive.measure_ids.length === 0 ? null : (
                  <ul className="kern-list">
                    {directive.measure_ids.map((id, index) => {
                      const measure = measures[index]?.data;
                      return (
                        <li key={id}>
                          <Link className="kern-link" to={`/massnahmen/${id}`}>
                            {measure ? `${measure.reference} ${measure.title}` : t('directives.detail.measure', { n: index + 1 })}
                          </Link>
                        </li>
                      );
                    })}
                  </ul>
                ),
            },
            { key: 'created', label: t('directives.fields.createdAt'), value: formatDateTime(directive.created_at) },
            { key: 'updated', label: t('directives.fields.updatedAt'), value: formatDateTime(directive.updated_at) },
          ]}
        />
        <p className="kern-body">
          <Link className="kern-link" to="/handlungsanweisungen">
            {t('directives.detail.backToList')}
          </Link>
        </p>
      </div>
      {mayChange && (
        <DirectiveStatusDialog
          open={dialog}
          directive={directive}
          etag={etag}
          targets={targets}
          onClose={() => {
            setDialog(false);
            // After a refused change the page shows the current state (and its ETag) again.
            void queryClient.invalidateQueries({ queryKey: directiveKeys.detail(directive.id) });
          }}
          onDone={(status) => {
            setDialog(false);
            setDone(t('directives.status.done', { status: t(`directives.statuses.${status}`) }));
          }}
        />
      )}
    </Page>
  );
}
