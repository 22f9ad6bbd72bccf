import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSite } from '@/lib/site';
import type { LinkChoice, Outcome, SubmissionKind } from '../api/submissions';

/** What the paper says: the same for the editor's live preview and the detail page. */
export interface PaperContent {
  reference: string | null;
  title: string;
  kind: SubmissionKind | '';
  bodyName: string;
  /** The paper's date, formatted (submission day, else the day of the last change). */
  date: string;
  situation: string;
  proposedResolution: string;
  rationale: string;
  measures: LinkChoice[];
  needs: LinkChoice[];
  /** File names; left out in the preview (files are added on the paper's page). */
  attachments?: string[];
  decision?: { outcome: Outcome; resolution: string } | null;
}

type Level = 2 | 3;

function Heading({ level, id, className, children }: { level: Level | 4; id?: string; className?: string; children: ReactNode }) {
  const Tag = level === 2 ? 'h2' : level === 3 ? 'h3' : 'h4';
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}

/**
 * A submission in the formal German layout of the county's papers (as the PDF): letterhead,
 * "Vorlage" with reference or "Entwurf", the facts (kind, date, submitting body, addressee),
 * then Sachverhalt, Beschlussvorschlag, Begründung, the decision once taken, linked measures
 * and needs, and the attachments. `level` is the heading level of the paper's title.
 */
export function PaperDocument({
  paper,
  level,
  linked = false,
}: {
  paper: PaperContent;
  level: Level;
  /** Link the measures and needs to their pages (not in the editor, where the form is). */
  linked?: boolean;
}) {
  const { t } = useTranslation();
  const site = useSite();
  const titleId = useId();
  const sub = (level + 1) as 3 | 4;
  const text = (value: string) =>
    value.trim() ? <p className="kern-body app-preline">{value.trim()}</p> : <p className="kern-body">{t('submissions.paper.empty')}</p>;
  const links = (items: LinkChoice[], path: string, empty: string) =>
    items.length === 0 ? (
      <p className="kern-body">{empty}</p>
    ) : (
      <ul className="kern-list">
        {items.map((item) => (
          <li key={item.id}>
            {linked ? (
              <Link className="kern-link" to={`${path}/${item.id}`}>
                {item.label}
              </Link>
            ) : (
              item.label
            )}
          </li>
        ))}
      </ul>
    );

  return (
    <article className="app-paper" aria-labelledby={titleId}>
      <header className="app-paper__letterhead">
        <p className="app-paper__county">{site?.county_name ?? t('app.countyFallback')}</p>
        <p className="app-paper__office">{site?.office_name ?? t('app.name')}</p>
      </header>
      <p className="app-paper__label">
        {paper.reference ? t('submissions.paper.label', { reference: paper.reference }) : t('submissions.paper.labelDraft')}
      </p>
      <Heading level={level} id={titleId} className="app-paper__title">
        {paper.title.trim() || t('submissions.paper.untitled')}
      </Heading>
      {!paper.reference && <p className="app-paper__draft">{t('submissions.paper.draftNote')}</p>}
      <dl className="app-paper__facts">
        <dt>{t('submissions.paper.reference')}</dt>
        <dd>{paper.reference ?? t('submissions.paper.noReference')}</dd>
        <dt>{t('submissions.paper.kind')}</dt>
        <dd>{paper.kind ? t(`submissions.kinds.${paper.kind}`) : t('submissions.paper.empty')}</dd>
        <dt>{t('submissions.paper.date')}</dt>
        <dd>{paper.date}</dd>
        <dt>{t('submissions.paper.body')}</dt>
        <dd>{paper.bodyName || t('submissions.paper.empty')}</dd>
        <dt>{t('submissions.paper.to')}</dt>
        <dd>{t('submissions.paper.steeringGroup')}</dd>
        {paper.decision && (
          <>
            <dt>{t('submissions.paper.outcome')}</dt>
            <dd>{t(`submissions.outcomes.${paper.decision.outcome}`)}</dd>
          </>
        )}
      </dl>
      <section className="app-paper__section">
        <Heading level={sub}>{t('submissions.fields.situation')}</Heading>
        {text(paper.situation)}
      </section>
      <section className="app-paper__section">
        <Heading level={sub}>{t('submissions.fields.proposedResolution')}</Heading>
        {text(paper.proposedResolution)}
      </section>
      <section className="app-paper__section">
        <Heading level={sub}>{t('submissions.fields.rationale')}</Heading>
        {text(paper.rationale)}
      </section>
      {paper.decision?.resolution.trim() && (
        <section className="app-paper__section">
          <Heading level={sub}>{t('submissions.paper.resolution')}</Heading>
          {text(paper.decision.resolution)}
        </section>
      )}
      <section className="app-paper__section">
        <Heading level={sub}>{t('submissions.fields.measures')}</Heading>
        {links(paper.measures, '/massnahmen', t('submissions.paper.noMeasures'))}
      </section>
      <section className="app-paper__section">
        <Heading level={sub}>{t('submissions.fields.needs')}</Heading>
        {links(paper.needs, '/bedarfe', t('submissions.paper.noNeeds'))}
      </section>
      {paper.attachments && (
        <section className="app-paper__section">
          <Heading level={sub}>{t('submissions.paper.attachments')}</Heading>
          {paper.attachments.length === 0 ? (
            <p className="kern-body">{t('submissions.paper.noAttachments')}</p>
          ) : (
            <ol className="kern-list">
              {paper.attachments.map((name, index) => (
                // Two files may carry the same name.
                <li key={`${index}-${name}`}>{name}</li>
              ))}
            </ol>
          )}
        </section>
      )}
    </article>
  );
}
