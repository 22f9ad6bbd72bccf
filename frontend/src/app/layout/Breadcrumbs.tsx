import { useTranslation } from 'react-i18next';
import { Link, type UIMatch, useMatches } from 'react-router';

export interface RouteHandle {
  /** i18n key of the breadcrumb label. */
  crumb?: string;
}

export function Breadcrumbs() {
  const { t } = useTranslation();
  const matches = useMatches() as UIMatch<unknown, RouteHandle | undefined>[];
  const crumbs = matches
    .filter((m) => m.handle?.crumb)
    .map((m) => ({ to: m.pathname, label: t(m.handle?.crumb ?? '') }))
    // Index routes repeat their parent's path; keep the deepest.
    .filter((c, i, all) => all.findIndex((o) => o.to.replace(/\/$/, '') === c.to.replace(/\/$/, '')) === i);
  if (crumbs.length < 2) return null;
  return (
    <nav className="app-breadcrumbs" aria-label={t('shell.breadcrumbs')}>
      <ol className="app-breadcrumbs__list">
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1;
          return (
            <li key={crumb.to} className="app-breadcrumbs__item kern-body">
              {last ? (
                <span aria-current="page">{crumb.label}</span>
              ) : (
                <Link className="kern-link" to={crumb.to}>
                  {crumb.label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
