import { Navigate, type RouteObject, createBrowserRouter } from 'react-router';
import { AccessibilityPage } from '@/features/accessibility/components/AccessibilityPage';
import { LoginPage } from '@/features/auth/components/LoginPage';
import { HomePage } from '@/features/home/components/HomePage';
import { ErrorFallback } from './ErrorBoundary';
import { RequireAuth, RequireRole } from './guards';
import { AppLayout } from './layout/AppLayout';
import type { RouteHandle } from './layout/Breadcrumbs';
import { NotFoundPage } from './NotFoundPage';

const handle = (crumb: string): RouteHandle => ({ crumb });

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <ErrorFallback />,
    handle: handle('nav.home'),
    children: [
      { path: 'anmelden', element: <LoginPage /> },
      { path: 'barrierefreiheit', element: <AccessibilityPage />, handle: handle('nav.accessibility') },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'konto',
            handle: handle('nav.account'),
            lazy: async () => ({ Component: (await import('@/features/account/components/AccountPage')).AccountPage }),
          },
          {
            path: 'verwaltung',
            element: <RequireRole role="admin" />,
            handle: handle('nav.admin'),
            children: [
              { index: true, element: <Navigate to="benutzer" replace /> },
              {
                path: 'benutzer',
                handle: handle('nav.users'),
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('@/features/users/components/UsersListPage')).UsersListPage,
                    }),
                  },
                  {
                    path: 'neu',
                    handle: handle('nav.userCreate'),
                    lazy: async () => ({
                      Component: (await import('@/features/users/components/UserCreatePage')).UserCreatePage,
                    }),
                  },
                  {
                    path: ':userId',
                    handle: handle('nav.userEdit'),
                    lazy: async () => ({
                      Component: (await import('@/features/users/components/UserEditPage')).UserEditPage,
                    }),
                  },
                ],
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
