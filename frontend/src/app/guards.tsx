import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Loader } from '@/components/ui';
import type { Role } from '@/lib/session/SessionProvider';
import { useSession } from '@/lib/session/SessionProvider';
import { NotFoundPage } from './NotFoundPage';

export function RequireAuth() {
  const { t } = useTranslation();
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loader label={t('common.loading')} />;
  if (state.status === 'anonymous') {
    const target = `${location.pathname}${location.search}`;
    const query = target === '/' ? '' : `?ziel=${encodeURIComponent(target)}`;
    return <Navigate to={`/anmelden${query}`} replace />;
  }
  return <Outlet />;
}

/** Pages of other roles look like they do not exist (as the API answers 404). Any of several roles may be given. */
export function RequireRole({ role }: { role: Role | readonly Role[] }) {
  const { hasRole } = useSession();
  const roles: readonly Role[] = typeof role === 'string' ? [role] : role;
  return roles.some(hasRole) ? <Outlet /> : <NotFoundPage />;
}
