import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../ErrorBoundary';
import { Breadcrumbs } from './Breadcrumbs';
import { Footer } from './Footer';
import { Header } from './Header';

export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <div className="app-shell">
      <a className="app-skip-link kern-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <Header />
      <div className="kern-container app-content">
        <Breadcrumbs />
        <main id="main" tabIndex={-1} className="app-main">
          <ErrorBoundary key={location.pathname}>
            <Outlet />
          </ErrorBoundary>
        </main>
      </div>
      <Footer />
    </div>
  );
}
