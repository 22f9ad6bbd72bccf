import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, type Column, Loader, Table } from '@/components/ui';
import { type EditionSummary, editionQuery, editionsQuery } from '../api/concept';
import { pickEditions } from '../api/editions';
import '../concept.css';
import { NewDraftDialog } from './EditionDialogs';
import { EditionContent } from './EditionContent';
import { EditionStatusBadge, day, useCanEditConcept } from './shared';

/** "Konzept": the edition in force with its fields and goals, the draft, the history. */
export function ConceptPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const canEdit = useCanEditConcept();
  const editions = useQuery(editionsQuery);
  const [dialog, setDialog] = useState(false);
  const flash = (location.state as { flash?: string } | null)?.flash;
  const picked = pickEditions(editions.data ?? []);
  const mayDerive = canEdit && editions.isSuccess && picked.draft === null;

  return (
    <Page
      title={t('concept.overview.title')}
      lead={t('concept.overview.lead')}
      actions={
        mayDerive && (
          <Button icon="add" onClick={() => setDialog(true)}>
            {picked.current ? t('concept.overview.derive') : t('concept.overview.createFirst')}
          </Button>
        )
      }
    >
      {flash && <Alert variant="success" title={flash} live="status" />}
      {!canEdit && <p className="kern-body">{t('concept.overview.readOnly')}</p>}
      {editions.isPending && <Loader label={t('common.loading')} />}
      {editions.isError && <ProblemAlert error={editions.error} />}
      {editions.isSuccess &&
        (editions.data.length === 0 ? (
          <div className="app-section">
            <p className="kern-body">{t('concept.overview.empty')}</p>
            {canEdit && <p className="kern-body">{t('concept.overview.emptyWriter')}</p>}
          </div>
        ) : (
          <>
            {picked.draft && <DraftNotice draft={picked.draft} current={picked.current} canEdit={canEdit} />}
            {picked.current ? (
              <CurrentEdition summary={picked.current} />
            ) : (
              <p className="kern-body app-section">{t('concept.overview.noCurrent')}</p>
            )}
            <History editions={editions.data} />
            {picked.principles && <GuidingPrinciples summary={picked.principles} />}
          </>
        ))}
      {canEdit && <NewDraftDialog open={dialog} source={picked.current} onClose={() => setDialog(false)} />}
    </Page>
  );
}

function DraftNotice({
  draft,
  current,
  canEdit,
}: {
  draft: EditionSummary;
  current: EditionSummary | null;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="app-section app-concept-draft" aria-labelledby="concept-draft">
      <h2 className="kern-heading-medium" id="concept-draft">
        {t('concept.overview.draft')}
      </h2>
      <p className="kern-body">{t('concept.overview.draftText', { title: draft.title, year: draft.year })}</p>
      <ul className="app-plain-list">
        <li>
          <Link className="kern-link" to={`/konzept/${draft.id}`}>
            {t('concept.overview.openDraft')}
          </Link>
        </li>
        {current && (
          <li>
            <Link className="kern-link" to={`/konzept/${draft.id}/vergleich?basis=${current.id}`}>
              {t('concept.overview.compareDraft')}
            </Link>
          </li>
        )}
      </ul>
      {canEdit && <p className="kern-body kern-body--small">{t('concept.overview.oneDraft')}</p>}
    </section>
  );
}

function CurrentEdition({ summary }: { summary: EditionSummary }) {
  const { t } = useTranslation();
  const edition = useQuery(editionQuery(summary.id));
  return (
    <section className="app-section" aria-labelledby="concept-current">
      <h2 className="kern-heading-medium" id="concept-current">
        {t('concept.overview.current', { title: summary.title })}
      </h2>
      <p className="kern-body">
        {t('concept.overview.currentMeta', { date: day(summary.adopted_on), by: summary.adopted_by ?? '' })}{' '}
        <Link className="kern-link" to={`/konzept/${summary.id}`}>
          {t('concept.overview.openCurrent')}
        </Link>
      </p>
      {edition.isPending && <Loader label={t('common.loading')} />}
      {edition.isError && <ProblemAlert error={edition.error} />}
      {edition.isSuccess && (
        <>
          {edition.data.introduction && <p className="kern-body app-preline app-prose">{edition.data.introduction}</p>}
          <EditionContent edition={edition.data} headingLevel={3} />
        </>
      )}
    </section>
  );
}

function History({ editions }: { editions: EditionSummary[] }) {
  const { t } = useTranslation();
  const columns: Column<EditionSummary>[] = [
    { key: 'year', header: t('concept.fields.year'), cell: (e) => e.year, rowHeader: true },
    {
      key: 'title',
      header: t('concept.fields.title'),
      cell: (e) => (
        <Link className="kern-link" to={`/konzept/${e.id}`}>
          {e.title}
        </Link>
      ),
    },
    { key: 'kind', header: t('concept.fields.kind'), cell: (e) => t(`concept.kinds.${e.kind}`) },
    { key: 'status', header: t('concept.fields.status'), cell: (e) => <EditionStatusBadge status={e.status} /> },
    { key: 'adopted', header: t('concept.fields.adoptedOn'), cell: (e) => day(e.adopted_on) || t('directory.none') },
    { key: 'superseded', header: t('concept.fields.supersededOn'), cell: (e) => day(e.superseded_on) || t('directory.none') },
    {
      key: 'content',
      header: t('concept.fields.content'),
      cell: (e) =>
        e.kind === 'guiding_principles'
          ? t('concept.overview.textOnly')
          : t('concept.overview.content', { fields: e.field_count, goals: e.goal_count }),
    },
  ];
  return (
    <section className="app-section" aria-labelledby="concept-history">
      <h2 className="kern-heading-medium" id="concept-history">
        {t('concept.overview.history')}
      </h2>
      <Table caption={t('concept.overview.historyCaption')} captionHidden columns={columns} rows={editions} rowKey={(e) => e.id} />
    </section>
  );
}

function GuidingPrinciples({ summary }: { summary: EditionSummary }) {
  const { t } = useTranslation();
  const edition = useQuery(editionQuery(summary.id));
  return (
    <section className="app-section" aria-labelledby="concept-principles">
      <h2 className="kern-heading-medium" id="concept-principles">
        {t('concept.overview.guidingPrinciples', { year: summary.year })}
      </h2>
      <p className="kern-body kern-body--small">
        {t('concept.overview.guidingPrinciplesMeta', { date: day(summary.adopted_on), by: summary.adopted_by ?? '' })}
      </p>
      {edition.isPending && <Loader label={t('common.loading')} />}
      {edition.isError && <ProblemAlert error={edition.error} />}
      {edition.isSuccess && <blockquote className="kern-body app-preline app-prose app-concept-quote">{edition.data.introduction}</blockquote>}
    </section>
  );
}
