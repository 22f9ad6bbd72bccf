import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import type { Dashboard } from '../api/dashboard';

/** The next meetings the user may see, with a link to all of them. */
export function UpcomingMeetings({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  return (
    <section className="app-dashboard__panel" aria-labelledby="dashboard-meetings">
      <h2 className="kern-heading-medium" id="dashboard-meetings">
        {t('home.dashboard.meetings.title')}
      </h2>
      {dashboard.upcoming_meetings.length === 0 ? (
        <p className="kern-body">{t('home.dashboard.meetings.empty')}</p>
      ) : (
        <ul className="app-dashboard__list">
          {dashboard.upcoming_meetings.map((meeting) => (
            <li key={meeting.id} className="app-dashboard__item">
              <Link className="kern-link" to={`/sitzungen/${meeting.id}`}>
                {meeting.title}
              </Link>
              <span className="kern-body kern-body--small app-muted">
                {formatDateTime(meeting.starts_at)} · {meeting.body_short_name} ·{' '}
                {t(`home.dashboard.meetings.statuses.${meeting.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="kern-body">
        <Link className="kern-link" to="/sitzungen">
          {t('home.dashboard.meetings.all', { count: dashboard.upcoming_meetings_total })}
        </Link>
      </p>
    </section>
  );
}

/** Goals of the current edition without a measure. */
export function GoalsWithoutMeasures({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const edition = dashboard.current_edition;
  return (
    <section className="app-dashboard__panel" aria-labelledby="dashboard-goals">
      <h2 className="kern-heading-medium" id="dashboard-goals">
        {t('home.dashboard.goals.title')}
      </h2>
      <p className="kern-body kern-body--small app-muted">{t('home.dashboard.goals.text')}</p>
      {!edition ? (
        <p className="kern-body">{t('home.dashboard.noEdition')}</p>
      ) : dashboard.goals_without_measures.length === 0 ? (
        <p className="kern-body">{t('home.dashboard.goals.empty')}</p>
      ) : (
        <ul className="app-dashboard__list">
          {dashboard.goals_without_measures.map((goal) => (
            <li key={goal.goal_id} className="app-dashboard__item">
              <span className="kern-body">
                <strong>{goal.code}</strong> {goal.title}
              </span>
              <span className="kern-body kern-body--small app-muted">
                {t('home.dashboard.goals.field', { code: goal.field_code })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {edition && (
        <p className="kern-body">
          <Link className="kern-link" to={`/konzept/${edition.id}`}>
            {t('home.dashboard.goals.concept')}
          </Link>
        </p>
      )}
    </section>
  );
}

/** The latest milestones reached, each linking its measure. */
export function RecentMilestones({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  return (
    <section className="app-dashboard__panel" aria-labelledby="dashboard-milestones">
      <h2 className="kern-heading-medium" id="dashboard-milestones">
        {t('home.dashboard.milestones.title')}
      </h2>
      {dashboard.recent_milestones.length === 0 ? (
        <p className="kern-body">{t('home.dashboard.milestones.empty')}</p>
      ) : (
        <ul className="app-dashboard__list">
          {dashboard.recent_milestones.map((milestone) => (
            <li key={milestone.milestone_id} className="app-dashboard__item">
              <span className="kern-body">
                {formatDate(milestone.date)}: {milestone.title}
              </span>
              <span className="kern-body kern-body--small">
                <Link className="kern-link" to={`/massnahmen/${milestone.measure_id}`}>
                  {milestone.reference} {milestone.measure_title}
                </Link>
              </span>
              {milestone.progress !== null && (
                <span className="kern-body kern-body--small app-muted">
                  {t('home.dashboard.milestones.progress', { value: formatNumber(milestone.progress) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The steering group's latest decisions on submissions. */
export function RecentDecisions({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  return (
    <section className="app-dashboard__panel" aria-labelledby="dashboard-decisions">
      <h2 className="kern-heading-medium" id="dashboard-decisions">
        {t('home.dashboard.decisions.title')}
      </h2>
      {dashboard.recent_decisions.length === 0 ? (
        <p className="kern-body">{t('home.dashboard.decisions.empty')}</p>
      ) : (
        <ul className="app-dashboard__list">
          {dashboard.recent_decisions.map((decision) => (
            <li key={decision.submission_id} className="app-dashboard__item">
              <Link className="kern-link" to={`/vorlagen/${decision.submission_id}`}>
                {decision.reference ? `${decision.reference} ${decision.title}` : decision.title}
              </Link>
              <span className="kern-body kern-body--small app-muted">
                {formatDate(decision.decided_at)} · {decision.body_short_name} ·{' '}
                {t(`home.dashboard.decisions.outcomes.${decision.outcome}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Directives past their due date and not done, the most overdue first. */
export function OverdueDirectives({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  return (
    <section className="app-dashboard__panel" aria-labelledby="dashboard-directives">
      <h2 className="kern-heading-medium" id="dashboard-directives">
        {t('home.dashboard.directives.title')}
      </h2>
      {dashboard.overdue_directives.length === 0 ? (
        <p className="kern-body">{t('home.dashboard.directives.empty')}</p>
      ) : (
        <ul className="app-dashboard__list">
          {dashboard.overdue_directives.map((directive) => (
            <li key={directive.directive_id} className="app-dashboard__item">
              <Link className="kern-link" to={`/handlungsanweisungen/${directive.directive_id}`}>
                {directive.submission_reference ? `${directive.submission_reference} ${directive.text}` : directive.text}
              </Link>
              <span className="kern-body kern-body--small app-muted">
                {t('home.dashboard.directives.due', {
                  date: formatDate(directive.due_on),
                  addressee: directive.addressee_name,
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="kern-body">
        {dashboard.overdue_directives_total > 0 ? (
          <Link className="kern-link" to="/handlungsanweisungen?ueberfaellig=1">
            {t('home.dashboard.directives.total', { count: dashboard.overdue_directives_total })}
          </Link>
        ) : (
          <Link className="kern-link" to="/handlungsanweisungen">
            {t('home.dashboard.directives.all')}
          </Link>
        )}
      </p>
    </section>
  );
}
