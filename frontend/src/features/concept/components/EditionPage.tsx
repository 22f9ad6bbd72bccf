import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { DescriptionList } from '@/components/DescriptionList';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { Alert, Button } from '@/components/ui';
import { type Edition, editionQuery, editionsQuery } from '../api/concept';
import { pickEditions } from '../api/editions';
import '../concept.css';
import { AdoptDialog, DeleteDialog, type DeleteTarget, EditionDetailsDialog, FieldDialog, GoalDialog } from './EditionDialogs';
import { EditionContent } from './EditionContent';
import { EditionStatusBadge, day, useCanEditConcept } from './shared';

/** One edition: its details, introduction, fields and goals; a draft is edited here and adopted. */
export function EditionPage() {
  const { t } = useTranslation();
  const { editionId = '' } = useParams();
  const edition = useQuery(editionQuery(editionId));
  return (
    <LoadedPage query={edition} title={t('concept.edition.notFound')} backTo="/konzept" backLabel={t('concept.edition.backToOverview')}>
      {(loaded) => <EditionView edition={loaded} />}
    </LoadedPage>
  );
}

type Open =
  | { kind: 'details' }
  | { kind: 'adopt' }
  | { kind: 'field'; fieldId: string | null }
  | { kind: 'goal'; goalId: string | null; fieldId: string }
  | null;

function EditionView({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const canEdit = useCanEditConcept();
  const editions = useQuery(editionsQuery);
  const [open, setOpen] = useState<Open>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const flash = notice ?? (location.state as { flash?: string } | null)?.flash;
  const editable = canEdit && edition.status === 'draft';
  const all = editions.data ?? [];
  const derivedFrom = all.find((e) => e.id === edition.derived_from_edition_id) ?? null;
  const current = pickEditions(all).current;
  const compareBase = derivedFrom ?? (current && current.id !== edition.id ? current : null);

  // The dialogs always show the latest saved version of the row they edit.
  const fieldOf = (id: string | null) => edition.fields.find((f) => f.id === id) ?? null;
  const goalOf = (id: string | null) => edition.fields.flatMap((f) => f.goals).find((g) => g.id === id) ?? null;
  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
  };

  return (
    <Page
      title={edition.title}
      lead={t('concept.edition.lead', { kind: t(`concept.kinds.${edition.kind}`), status: t(`concept.statuses.${edition.status}`) })}
      actions={
        editable && (
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button icon="success" onClick={() => setOpen({ kind: 'adopt' })}>
              {t('concept.edition.adopt')}
            </Button>
            <Button variant="secondary" icon="edit" onClick={() => setOpen({ kind: 'details' })}>
              {t('concept.edition.editDetails')}
            </Button>
            <Button variant="secondary" icon="delete" onClick={() => setDeleting({ kind: 'edition' })}>
              {t('concept.edition.discard')}
            </Button>
          </div>
        )
      }
    >
      {flash && <Alert variant="success" title={flash} live="status" />}
      {edition.status !== 'draft' && (
        <p className="kern-body">
          {t('concept.edition.readOnly', { status: t(`concept.statusesInText.${edition.status}`) })}
        </p>
      )}
      {editable && <p className="kern-body">{t('concept.edition.draftNote')}</p>}
      {edition.demo_content && <p className="kern-body kern-body--small">{t('concept.edition.demo')}</p>}
      <DescriptionList
        items={[
          { key: 'status', label: t('concept.fields.status'), value: <EditionStatusBadge status={edition.status} /> },
          { key: 'year', label: t('concept.fields.year'), value: String(edition.year) },
          { key: 'adoptedOn', label: t('concept.fields.adoptedOn'), value: day(edition.adopted_on) },
          { key: 'adoptedBy', label: t('concept.fields.adoptedBy'), value: edition.adopted_by },
          ...(edition.superseded_on
            ? [{ key: 'supersededOn', label: t('concept.fields.supersededOn'), value: day(edition.superseded_on) }]
            : []),
          ...(derivedFrom
            ? [
                {
                  key: 'derivedFrom',
                  label: t('concept.fields.derivedFrom'),
                  value: (
                    <Link className="kern-link" to={`/konzept/${derivedFrom.id}`}>
                      {derivedFrom.title}
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
      {edition.kind === 'concept' && (
        <p className="kern-body">
          <Link
            className="kern-link"
            to={compareBase ? `/konzept/${edition.id}/vergleich?basis=${compareBase.id}` : `/konzept/${edition.id}/vergleich`}
          >
            {compareBase ? t('concept.edition.compareWith', { year: compareBase.year }) : t('concept.edition.compare')}
          </Link>
        </p>
      )}
      {edition.introduction && (
        <section className="app-section" aria-labelledby="edition-introduction">
          <h2 className="kern-heading-medium" id="edition-introduction">
            {t('concept.fields.introduction')}
          </h2>
          <p className="kern-body app-preline app-prose">{edition.introduction}</p>
        </section>
      )}
      {(edition.kind === 'concept' || edition.fields.length > 0) && (
        <section className="app-section" aria-labelledby="edition-fields">
          <h2 className="kern-heading-medium" id="edition-fields">
            {t('concept.edition.fieldsHeading')}
          </h2>
          <EditionContent
            edition={edition}
            headingLevel={3}
            actions={
              editable
                ? {
                    editField: (field) => setOpen({ kind: 'field', fieldId: field.id }),
                    deleteField: (field) => setDeleting({ kind: 'field', field }),
                    addGoal: (field) => setOpen({ kind: 'goal', goalId: null, fieldId: field.id }),
                    editGoal: (goal) => setOpen({ kind: 'goal', goalId: goal.id, fieldId: goal.field_of_action_id }),
                    deleteGoal: (goal) => setDeleting({ kind: 'goal', goal }),
                  }
                : undefined
            }
          />
          {editable && (
            <p className="kern-body app-section">
              <Button icon="add" onClick={() => setOpen({ kind: 'field', fieldId: null })}>
                {t('concept.edition.addField')}
              </Button>
            </p>
          )}
        </section>
      )}
      <p className="kern-body app-section">
        <Link className="kern-link" to="/konzept">
          {t('concept.edition.backToOverview')}
        </Link>
      </p>
      {editable && (
        <>
          <EditionDetailsDialog open={open?.kind === 'details'} edition={edition} onClose={() => setOpen(null)} onDone={done} />
          <FieldDialog
            open={open?.kind === 'field'}
            edition={edition}
            field={open?.kind === 'field' ? fieldOf(open.fieldId) : null}
            onClose={() => setOpen(null)}
            onDone={done}
          />
          <GoalDialog
            open={open?.kind === 'goal'}
            edition={edition}
            goal={open?.kind === 'goal' ? goalOf(open.goalId) : null}
            fieldId={open?.kind === 'goal' ? open.fieldId : ''}
            onClose={() => setOpen(null)}
            onDone={done}
          />
          <AdoptDialog
            open={open?.kind === 'adopt'}
            edition={edition}
            current={current && current.id !== edition.id ? current : null}
            onClose={() => setOpen(null)}
            onDone={done}
          />
          <DeleteDialog
            target={deleting}
            edition={edition}
            onClose={() => setDeleting(null)}
            onDone={(message, kind) => {
              setDeleting(null);
              if (kind === 'edition') navigate('/konzept', { state: { flash: message } });
              else setNotice(message);
            }}
          />
        </>
      )}
    </Page>
  );
}
