import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Loader } from '@/components/ui';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useSession } from '@/lib/session/SessionProvider';
import { useSite } from '@/lib/site';
import { bodyStatusChart, fieldStatusChart, keyFigures, openNeedsChart } from '../api/charts';
import { type Dashboard, dashboardQuery } from '../api/dashboard';
import {
  GoalsWithoutMeasures,
  OverdueDirectives,
  RecentDecisions,
  RecentMilestones,
  UpcomingMeetings,
} from './DashboardLists';
import { OpenNeedsChart } from './OpenNeedsChart';
import { ProgressChart } from './ProgressChart';
import { StatusChart } from './StatusChart';
import '../home.css';

/** The start page: shortcuts and the dashboard (where the network stands). */
export function HomePage() {
  const { t } = useTranslation();
  const { user, hasRole } = useSession();
  const site = useSite();
  const dashboard = useQuery(dashboardQuery);
  const shortcuts: { to: string; key: string }[] = [
    { to: '/massnahmen', key: 'measures' },
    { to: '/konzept', key: 'concept' },
    { to: '/sitzungen', key: 'meetings' },
    { to: '/bedarfe', key: 'needs' },
    { to: '/mitglieder', key: 'members' },
    { to: '/organisationen', key: 'organisations' },
    ...(hasRole('admin') ? [{ to: '/verwaltung/benutzer', key: 'users' }] : []),
  ];
  return (
    <Page
      title={t('home.title')}
      lead={t('home.welcome', { name: user?.name ?? '', county: site?.county_name ?? t('app.countyFallback') })}
    >
      <nav className="app-shortcuts" aria-label={t('home.shortcuts.label')}>
        <ul className="app-shortcuts__list">
          {shortcuts.map((shortcut) => (
            <li key={shortcut.key}>
              <Link className="kern-link" to={shortcut.to}>
                {t(`home.shortcuts.${shortcut.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {dashboard.isPending ? (
        <Loader label={t('home.dashboard.loading')} />
      ) : dashboard.isError ? (
        <ProblemAlert error={dashboard.error} />
      ) : (
        <DashboardView dashboard={dashboard.data} />
      )}
    </Page>
  );
}

export function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const statuses = dashboard.measure_statuses;
  const figures = keyFigures(dashboard);
  const edition = dashboard.current_edition;
  return (
    <div className="app-dashboard">
      <p className="kern-body kern-body--small app-muted app-dashboard__meta">
        <span>{edition ? t('home.dashboard.edition', { title: edition.title }) : t('home.dashboard.noEdition')}</span>
        <span>{t('home.dashboard.generatedAt', { time: formatDateTime(dashboard.generated_at) })}</span>
      </p>
      <section aria-labelledby="dashboard-figures">
        <h2 className="kern-sr-only" id="dashboard-figures">
          {t('home.dashboard.keyFigures')}
        </h2>
        <dl className="app-figures">
          {(
            [
              ['measures', figures.measures, '/massnahmen'],
              ['inProgress', figures.inProgress, '/massnahmen?status=in_progress'],
              ['openNeeds', figures.openNeeds, '/bedarfe'],
              ['upcoming', figures.upcoming, '/sitzungen'],
              ['goalsWithout', figures.goalsWithout, null],
            ] as const
          ).map(([key, value, to]) => (
            <div key={key} className="app-figures__item">
              <dt className="kern-body kern-body--small">{t(`home.dashboard.figures.${key}`)}</dt>
              <dd className="app-figures__value">
                {to ? (
                  <Link className="kern-link" to={to}>
                    {formatNumber(value)}
                  </Link>
                ) : (
                  formatNumber(value)
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="app-dashboard__grid">
        <StatusChart
          id="dashboard-by-body"
          title={t('home.dashboard.byBody.title')}
          text={t('home.dashboard.byBody.text')}
          caption={t('home.dashboard.byBody.caption')}
          firstColumn={t('home.dashboard.byBody.body')}
          data={bodyStatusChart(statuses, dashboard.measures_by_body)}
          empty={t('home.dashboard.byBody.empty')}
        />
        <StatusChart
          id="dashboard-by-field"
          title={t('home.dashboard.byField.title')}
          text={t('home.dashboard.byField.text')}
          caption={t('home.dashboard.byField.caption')}
          firstColumn={t('home.dashboard.byField.field')}
          data={fieldStatusChart(statuses, dashboard.measures_by_field, t('home.dashboard.byField.without'))}
        />
        <UpcomingMeetings dashboard={dashboard} />
        <OpenNeedsChart rows={openNeedsChart(dashboard.open_needs_by_body).rows} />
        <ProgressChart quarters={dashboard.progress_over_time} />
        <GoalsWithoutMeasures dashboard={dashboard} />
        <RecentMilestones dashboard={dashboard} />
        <RecentDecisions dashboard={dashboard} />
        <OverdueDirectives dashboard={dashboard} />
      </div>
    </div>
  );
}
