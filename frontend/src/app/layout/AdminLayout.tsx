import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useSession } from '@/lib/session/SessionProvider';
import { NotFoundPage } from '../NotFoundPage';

/** The sections of the admin area (Verwaltung), in the order of its sub-navigation. */
export const ADMIN_SECTIONS = [
  { to: '/verwaltung/benutzer', labelKey: 'nav.users' },
  { to: '/verwaltung/api-clients', labelKey: 'nav.apiClients' },
  { to: '/verwaltung/webhooks', labelKey: 'nav.webhooks' },
  { to: '/verwaltung/export', labelKey: 'nav.intranetExport' },
] as const;

/**
 * The admin area: only for admins (others see "not found", as with RequireRole), with a
 * sub-navigation of its sections above each page.
 */
export function AdminLayout() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  if (!hasRole('admin')) return <NotFoundPage />;
  return (
    <>
      <nav className="app-subnav" aria-label={t('nav.adminSections')}>
        <ul className="app-subnav__list">
          {ADMIN_SECTIONS.map((section) => (
            <li key={section.to}>
              <NavLink className="app-subnav__link" to={section.to}>
                {t(section.labelKey)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
