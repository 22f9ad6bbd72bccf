import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Button, Loader, SelectField } from '@/components/ui';
import { isUuid } from '@/lib/ids';
import {
  type Comparison,
  type Edition,
  type EditionSummary,
  type FieldChange,
  type GoalChange,
  comparisonQuery,
  editionQuery,
  editionsQuery,
} from '../api/concept';
import { type AttributeRow, CHANGE_KINDS, type ChangeKind, attributeRows, baseCandidates, groupByKind, summarize } from '../api/comparison';
import '../concept.css';

/** Two editions side by side: what was added, changed and removed from the base to this edition. */
export function ComparisonPage() {
  const { t } = useTranslation();
  const { editionId = '' } = useParams();
  const edition = useQuery(editionQuery(editionId));
  return (
    <LoadedPage query={edition} title={t('concept.comparison.title')} backTo="/konzept" backLabel={t('concept.edition.backToOverview')}>
      {(loaded) => <ComparisonView edition={loaded} />}
    </LoadedPage>
  );
}

function ComparisonView({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const editions = useQuery(editionsQuery);
  const param = search.get('basis') ?? '';
  const base = isUuid(param) && param !== edition.id ? param : '';
  const [choice, setChoice] = useState(base);
  const candidates = baseCandidates(editions.data ?? [], edition.id, edition.derived_from_edition_id);
  const comparison = useQuery({ ...comparisonQuery(edition.id, base), enabled: base !== '' });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(choice ? { basis: choice } : {});
  };
  const baseSummary = comparison.data?.base ?? candidates.find((c) => c.id === base) ?? null;

  return (
    <Page
      title={
        baseSummary
          ? t('concept.comparison.heading', { target: edition.year, base: baseSummary.year })
          : t('concept.comparison.title')
      }
      lead={baseSummary ? t('concept.comparison.lead', { target: edition.title, base: baseSummary.title }) : undefined}
    >
      {editions.isError && <ProblemAlert error={editions.error} />}
      {editions.isSuccess &&
        (candidates.length === 0 ? (
          <p className="kern-body">{t('concept.comparison.noOther')}</p>
        ) : (
          <form className="app-form" onSubmit={onSubmit} aria-label={t('concept.comparison.formLabel')}>
            <SelectField
              id="comparison-base"
              label={t('concept.comparison.chooseLabel')}
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
              options={[
                { value: '', label: t('concept.comparison.choose') },
                ...candidates.map((c: EditionSummary) => ({
                  value: c.id,
                  label: t('concept.comparison.optionLabel', {
                    year: c.year,
                    title: c.title,
                    status: t(`concept.statuses.${c.status}`),
                  }),
                })),
              ]}
            />
            <div>
              <Button type="submit">{t('concept.comparison.apply')}</Button>
            </div>
          </form>
        ))}
      {base === '' && editions.isSuccess && candidates.length > 0 && (
        <p className="kern-body app-section">{t('concept.comparison.noBase')}</p>
      )}
      {base !== '' && comparison.isPending && <Loader label={t('common.loading')} />}
      {comparison.isError && <ProblemAlert error={comparison.error} />}
      {comparison.isSuccess && <ComparisonResult comparison={comparison.data} />}
      <p className="kern-body app-section">
        <Link className="kern-link" to={`/konzept/${edition.id}`}>
          {t('concept.comparison.backToEdition', { year: edition.year })}
        </Link>
      </p>
    </Page>
  );
}

function ComparisonResult({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const summary = summarize(comparison.fields, comparison.goals);
  return (
    <div className="app-section">
      <section aria-labelledby="comparison-summary">
        <h2 className="kern-heading-medium" id="comparison-summary">
          {t('concept.comparison.summaryTitle')}
        </h2>
        {summary.total === 0 ? (
          <p className="kern-body">{t('concept.comparison.none')}</p>
        ) : (
          <ul className="kern-list">
            <li>{t('concept.comparison.summaryFields', summary.fields)}</li>
            <li>{t('concept.comparison.summaryGoals', summary.goals)}</li>
          </ul>
        )}
      </section>
      {summary.total > 0 && (
        <>
          <ChangeSection id="comparison-fields" title={t('concept.comparison.fields')} changes={comparison.fields} comparison={comparison} />
          <ChangeSection id="comparison-goals" title={t('concept.comparison.goals')} changes={comparison.goals} comparison={comparison} />
        </>
      )}
    </div>
  );
}

function ChangeSection({
  id,
  title,
  changes,
  comparison,
}: {
  id: string;
  title: string;
  changes: (FieldChange | GoalChange)[];
  comparison: Comparison;
}) {
  const { t } = useTranslation();
  const groups = groupByKind(changes);
  return (
    <section className="app-section" aria-labelledby={id}>
      <h2 className="kern-heading-medium" id={id}>
        {title}
      </h2>
      {changes.length === 0 ? (
        <p className="kern-body">{t('concept.comparison.sectionNone')}</p>
      ) : (
        CHANGE_KINDS.filter((kind) => groups[kind].length > 0).map((kind) => (
          <ChangeTable key={kind} id={`${id}-${kind}`} section={title} kind={kind} changes={groups[kind]} comparison={comparison} />
        ))
      )}
    </section>
  );
}

function ChangeTable({
  id,
  section,
  kind,
  changes,
  comparison,
}: {
  id: string;
  section: string;
  kind: ChangeKind;
  changes: (FieldChange | GoalChange)[];
  comparison: Comparison;
}) {
  const { t } = useTranslation();
  const group = t(`concept.comparison.groups.${kind}`, { count: changes.length });
  const caption = t('concept.comparison.caption', { section, group });
  return (
    <div className="app-section">
      <h3 className="kern-heading-small" id={id}>
        {group}
      </h3>
      <div className="kern-table-responsive" tabIndex={0} role="region" aria-label={caption}>
        <table className="kern-table app-comparison">
          <caption className="kern-sr-only">{caption}</caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header app-comparison__code">
                {t('concept.comparison.columns.code')}
              </th>
              <th scope="col" className="kern-table__header app-comparison__change">
                {t('concept.comparison.columns.change')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('concept.comparison.columns.edition', { year: comparison.base.year })}
              </th>
              <th scope="col" className="kern-table__header">
                {t('concept.comparison.columns.edition', { year: comparison.target.year })}
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {changes.map((change) => {
              const rows = attributeRows(change);
              return (
                <tr className="kern-table__row" key={`${change.change}-${change.code}-${change.before?.code ?? ''}`}>
                  <th scope="row" className="kern-table__header">
                    {change.code}
                  </th>
                  <td className="kern-table__cell">
                    <span className={`app-change app-change--${change.change}`}>{t(`concept.comparison.kinds.${change.change}`)}</span>
                    {change.change === 'changed' && (
                      <span className="kern-body kern-body--small app-change__list">
                        {t('concept.comparison.changedList', {
                          list: change.changed_attributes.map((a) => t(`concept.comparison.attributes.${a}`)).join(', '),
                        })}
                      </span>
                    )}
                  </td>
                  <td className="kern-table__cell">
                    <Snapshot rows={rows} side="before" />
                  </td>
                  <td className="kern-table__cell">
                    <Snapshot rows={rows} side="after" />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** One side of a compared item; changed attributes carry the word "geändert", a mark and bold text. */
function Snapshot({ rows, side }: { rows: AttributeRow[]; side: 'before' | 'after' }) {
  const { t } = useTranslation();
  if (rows.every((row) => row[side] === null)) {
    return <span className="app-change__missing">{t('concept.comparison.notIncluded')}</span>;
  }
  return (
    <dl className="app-snapshot">
      {rows.map((row) => (
        <div key={row.key} className={row.changed ? 'app-snapshot__item app-snapshot__item--changed' : 'app-snapshot__item'}>
          <dt>
            {t(`concept.comparison.attributes.${row.key}`)}
            {row.changed && <span className="app-snapshot__mark"> ({t('concept.comparison.changedMark')})</span>}
          </dt>
          <dd className="app-preline">{row.changed ? <strong>{row[side] || '–'}</strong> : row[side] || '–'}</dd>
        </div>
      ))}
    </dl>
  );
}
