import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { Button, Icon } from '@/components/ui';
import { useSession } from '@/lib/session/SessionProvider';
import { useSite } from '@/lib/site';

interface NavItem {
  to: string;
  labelKey: string;
  end?: boolean;
  adminOnly?: boolean;
  /** Shown only to admins and coordinators. */
  writersOnly?: boolean;
}

/**
 * Main navigation, in the order of the work. Every role sees all entries but the flagged ones;
 * the API decides what each page then shows.
 */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', labelKey: 'nav.home', end: true },
  { to: '/organisationen', labelKey: 'nav.organisations' },
  { to: '/mitglieder', labelKey: 'nav.members' },
  { to: '/mitglieder/beitrittsanfragen', labelKey: 'nav.joinRequests', writersOnly: true },
  { to: '/arbeitskreise', labelKey: 'nav.bodies' },
  { to: '/sitzungen', labelKey: 'nav.meetings' },
  { to: '/angebotsverwaltung', labelKey: 'offers.nav.admin' },
  { to: '/bedarfe', labelKey: 'needs.nav.list' },
  { to: '/massnahmen', labelKey: 'measures.nav.list' },
  { to: '/konzept', labelKey: 'concept.nav.title' },
  { to: '/vorlagen', labelKey: 'submissions.nav.list' },
  { to: '/handlungsanweisungen', labelKey: 'nav.directives' },
  { to: '/verwaltung', labelKey: 'nav.admin', adminOnly: true },
];

function FlagIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" fill="none" viewBox="0 0 24 16" aria-hidden="true" focusable="false">
      <path fill="#000" d="M0 .5h24v5.333H0z" />
      <path fill="red" d="M0 5.833h24v5.333H0z" />
      <path fill="#FACA2C" d="M0 11.167h24V16.5H0z" />
    </svg>
  );
}

export function Header() {
  const { t } = useTranslation();
  const site = useSite();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const county = site?.county_name ?? t('app.countyFallback');
  const siteName = site?.site_name ?? t('app.name');
  const user = session.user;

  const logout = async () => {
    await session.logout();
    navigate('/anmelden', { state: { loggedOut: true } });
  };

  return (
    <header className="app-header">
      <div className="kern-kopfzeile">
        <div className="kern-container">
          <div className="kern-kopfzeile__content">
            <span className="kern-kopfzeile__flagge">
              <FlagIcon />
            </span>
            <span className="kern-kopfzeile__label">{t('shell.official', { county })}</span>
          </div>
        </div>
      </div>
      <div className="kern-container app-header__bar">
        <Link to="/" className="app-brand">
          <span className="app-brand__name">{siteName}</span>
          <span className="app-brand__county">{county}</span>
        </Link>
        {!user && session.state.status === 'anonymous' && location.pathname !== '/anmelden' && (
          <Link className="kern-btn kern-btn--secondary" to="/anmelden">
            <span className="kern-label">{t('shell.login')}</span>
          </Link>
        )}
        {user && (
          <div className="kern-flex kern-flex-wrap kern-align-items-center kern-gap-md">
            <Link className="kern-link app-header__account" to="/konto">
              <Icon name="account-circle" />
              <span>
                <span className="kern-sr-only">{t('shell.account')}: </span>
                {user.name}
              </span>
            </Link>
            <Button variant="secondary" icon="logout" onClick={logout}>
              {t('shell.logout')}
            </Button>
          </div>
        )}
      </div>
      {user && (
        <nav className="app-nav" aria-label={t('shell.mainNav')}>
          <ul className="kern-container app-nav__list">
            {NAV_ITEMS.filter(
              (item) =>
                (!item.adminOnly || session.hasRole('admin')) &&
                (!item.writersOnly || session.hasRole('admin') || session.hasRole('coordinator')),
            ).map((item) => (
              <li key={item.to}>
                <NavLink className="app-nav__link" to={item.to} end={item.end}>
                  {t(item.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
