import type { ComponentType } from 'react';
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

/** Roles that may change the directory (the API decides in the end). */
const WRITERS = ['admin', 'coordinator'] as const;

type DirectoryPages = typeof import('@/features/directory/components/pages');
/** The directory screens share one lazy chunk (loaded on the first visit). */
type InboxPages = typeof import('@/features/joining/components/inbox');
const inbox = (pick: (pages: InboxPages) => ComponentType) => async () => ({
  Component: pick(await import('@/features/joining/components/inbox')),
});

const dir = (pick: (pages: DirectoryPages) => ComponentType) => async () => ({
  Component: pick(await import('@/features/directory/components/pages')),
});

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <ErrorFallback />,
    handle: handle('nav.home'),
    children: [
      { path: 'anmelden', element: <LoginPage /> },
      { path: 'barrierefreiheit', element: <AccessibilityPage />, handle: handle('nav.accessibility') },
      {
        path: 'mitmachen',
        handle: handle('nav.join'),
        lazy: async () => ({ Component: (await import('@/features/joining/components/JoinPage')).JoinPage }),
      },
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
            path: 'organisationen',
            handle: handle('nav.organisations'),
            children: [
              { index: true, lazy: dir((m) => m.OrganisationsListPage) },
              {
                element: <RequireRole role={WRITERS} />,
                children: [{ path: 'neu', handle: handle('nav.organisationCreate'), lazy: dir((m) => m.OrganisationCreatePage) }],
              },
              {
                path: ':organisationId',
                handle: handle('nav.organisation'),
                children: [
                  { index: true, lazy: dir((m) => m.OrganisationDetailPage) },
                  {
                    element: <RequireRole role={WRITERS} />,
                    children: [{ path: 'bearbeiten', handle: handle('nav.organisationEdit'), lazy: dir((m) => m.OrganisationEditPage) }],
                  },
                ],
              },
            ],
          },
          {
            path: 'mitglieder',
            handle: handle('nav.members'),
            children: [
              { index: true, lazy: dir((m) => m.MembersListPage) },
              {
                element: <RequireRole role={WRITERS} />,
                children: [
                  { path: 'neu', handle: handle('nav.memberCreate'), lazy: dir((m) => m.MemberCreatePage) },
                  {
                    path: 'import',
                    handle: handle('nav.memberImport'),
                    lazy: async () => ({ Component: (await import('@/features/imports/components/ImportPage')).ImportPage }),
                  },
                  {
                    path: 'beitrittsanfragen',
                    handle: handle('nav.joinRequests'),
                    children: [
                      { index: true, lazy: inbox((m) => m.JoinRequestsListPage) },
                      { path: ':joinRequestId', handle: handle('nav.joinRequest'), lazy: inbox((m) => m.JoinRequestDetailPage) },
                    ],
                  },
                ],
              },
              {
                path: ':memberId',
                handle: handle('nav.member'),
                children: [
                  { index: true, lazy: dir((m) => m.MemberDetailPage) },
                  {
                    element: <RequireRole role={WRITERS} />,
                    children: [{ path: 'bearbeiten', handle: handle('nav.memberEdit'), lazy: dir((m) => m.MemberEditPage) }],
                  },
                ],
              },
            ],
          },
          {
            path: 'arbeitskreise',
            handle: handle('nav.bodies'),
            children: [
              { index: true, lazy: dir((m) => m.BodiesListPage) },
              { path: ':bodyId', handle: handle('nav.body'), lazy: dir((m) => m.BodyDetailPage) },
            ],
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
