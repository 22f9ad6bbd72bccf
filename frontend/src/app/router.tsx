import type { ComponentType } from 'react';
import { Navigate, type RouteObject, createBrowserRouter } from 'react-router';
import { AccessibilityPage } from '@/features/accessibility/components/AccessibilityPage';
import { LoginPage } from '@/features/auth/components/LoginPage';
import { ErrorFallback } from './ErrorBoundary';
import { RequireAuth, RequireRole } from './guards';
import { AdminLayout } from './layout/AdminLayout';
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

type MeetingPages = typeof import('@/features/meetings/components/pages');
const meetings = (pick: (pages: MeetingPages) => ComponentType) => async () => ({
  Component: pick(await import('@/features/meetings/components/pages')),
});
/** Roles that plan meetings (spokespersons for their own bodies; the API decides). */
const MEETING_PLANNERS = ['admin', 'coordinator', 'spokesperson'] as const;

type RegistrationPages = typeof import('@/features/registrations/components/pages');
const registrations = (pick: (pages: RegistrationPages) => ComponentType) => async () => ({
  Component: pick(await import('@/features/registrations/components/pages')),
});

type OfferPages = typeof import('@/features/offers/components/pages');
const offers = (pick: (pages: OfferPages) => ComponentType) => async () => ({
  Component: pick(await import('@/features/offers/components/pages')),
});
type NeedPages = typeof import('@/features/needs/components/pages');
const needs = (pick: (pages: NeedPages) => ComponentType) => async () => ({
  Component: pick(await import('@/features/needs/components/pages')),
});
type MeasurePages = typeof import('@/features/measures/components/pages');
const measures = (pick: (pages: MeasurePages) => ComponentType) => async () => ({
  Component: pick(await import('@/features/measures/components/pages')),
});
/** Roles that create and change measures (spokespersons for the bodies they lead; the API decides). */
const MEASURE_WRITERS = ['admin', 'coordinator', 'spokesperson'] as const;
type SubmissionPages = typeof import('@/features/submissions/components/pages');
const submissions = (pick: (pages: SubmissionPages) => ComponentType) => async () => ({
  Component: pick(await import('@/features/submissions/components/pages')),
});
/** Roles that draft and change papers (spokespersons for the bodies they lead; the API decides). */
const SUBMISSION_WRITERS = ['admin', 'coordinator', 'spokesperson'] as const;
type ConceptPages = typeof import('@/features/concept/components/pages');
const concept = (pick: (pages: ConceptPages) => ComponentType) => async () => ({
  Component: pick(await import('@/features/concept/components/pages')),
});
type DirectivePages = typeof import('@/features/directives/components/pages');
const directives = (pick: (pages: DirectivePages) => ComponentType) => async () => ({
  Component: pick(await import('@/features/directives/components/pages')),
});
type ApiClientPages = typeof import('@/features/apiClients/components/pages');
const apiClients = (pick: (pages: ApiClientPages) => ComponentType) => async () => ({
  Component: pick(await import('@/features/apiClients/components/pages')),
});
type WebhookPages = typeof import('@/features/webhooks/components/pages');
const webhooks = (pick: (pages: WebhookPages) => ComponentType) => async () => ({
  Component: pick(await import('@/features/webhooks/components/pages')),
});
type PublicPages = typeof import('@/features/public/components/pages');
const publicPage = (pick: (pages: PublicPages) => ComponentType) => async () => ({
  Component: pick(await import('@/features/public/components/pages')),
});
/** Roles that record offers and needs (the API checks the body of a need). */
const OFFER_NEED_WRITERS = ['admin', 'coordinator', 'spokesperson'] as const;

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
        path: 'angebote',
        handle: handle('offers.nav.catalogue'),
        children: [
          { index: true, lazy: offers((m) => m.CataloguePage) },
          { path: ':offerId', handle: handle('offers.nav.offer'), lazy: offers((m) => m.PublicOfferPage) },
        ],
      },
      {
        path: 'netzwerktreffen',
        handle: handle('publicPages.nav.meetings'),
        children: [
          { index: true, lazy: publicPage((m) => m.NetworkMeetingsPage) },
          { path: ':meetingId/anmeldung', handle: handle('publicPages.nav.register'), lazy: publicPage((m) => m.RegistrationPage) },
        ],
      },
      { path: 'anmeldung/:token', handle: handle('publicPages.nav.registration'), lazy: publicPage((m) => m.RegistrationTokenPage) },
      { path: 'einladung/:token', handle: handle('publicPages.nav.invitation'), lazy: publicPage((m) => m.InvitationPage) },
      {
        element: <RequireAuth />,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('@/features/home/components/pages')).HomePage }),
          },
          {
            path: 'angebotsverwaltung',
            handle: handle('offers.nav.adminTitle'),
            children: [
              { index: true, lazy: offers((m) => m.OffersAdminListPage) },
              {
                element: <RequireRole role={OFFER_NEED_WRITERS} />,
                children: [{ path: 'neu', handle: handle('offers.nav.create'), lazy: offers((m) => m.OfferCreatePage) }],
              },
              {
                path: ':offerId',
                handle: handle('offers.nav.offer'),
                children: [
                  { index: true, lazy: offers((m) => m.OfferDetailPage) },
                  {
                    element: <RequireRole role={OFFER_NEED_WRITERS} />,
                    children: [{ path: 'bearbeiten', handle: handle('offers.nav.edit'), lazy: offers((m) => m.OfferEditPage) }],
                  },
                ],
              },
            ],
          },
          {
            path: 'bedarfe',
            handle: handle('needs.nav.list'),
            children: [
              { index: true, lazy: needs((m) => m.NeedsListPage) },
              {
                element: <RequireRole role={OFFER_NEED_WRITERS} />,
                children: [{ path: 'neu', handle: handle('needs.nav.create'), lazy: needs((m) => m.NeedCreatePage) }],
              },
              {
                path: ':needId',
                handle: handle('needs.nav.need'),
                children: [
                  { index: true, lazy: needs((m) => m.NeedDetailPage) },
                  {
                    element: <RequireRole role={OFFER_NEED_WRITERS} />,
                    children: [{ path: 'bearbeiten', handle: handle('needs.nav.edit'), lazy: needs((m) => m.NeedEditPage) }],
                  },
                ],
              },
            ],
          },
          {
            path: 'massnahmen',
            handle: handle('measures.nav.list'),
            children: [
              { index: true, lazy: measures((m) => m.MeasuresListPage) },
              {
                element: <RequireRole role={MEASURE_WRITERS} />,
                children: [{ path: 'neu', handle: handle('measures.nav.create'), lazy: measures((m) => m.MeasureCreatePage) }],
              },
              {
                element: <RequireRole role={WRITERS} />,
                children: [
                  {
                    path: 'import',
                    handle: handle('nav.measureImport'),
                    lazy: async () => ({
                      Component: (await import('@/features/imports/components/MeasureImportPage')).MeasureImportPage,
                    }),
                  },
                ],
              },
              {
                path: ':measureId',
                handle: handle('measures.nav.measure'),
                children: [
                  { index: true, lazy: measures((m) => m.MeasureDetailPage) },
                  {
                    element: <RequireRole role={MEASURE_WRITERS} />,
                    children: [{ path: 'bearbeiten', handle: handle('measures.nav.edit'), lazy: measures((m) => m.MeasureEditPage) }],
                  },
                ],
              },
            ],
          },
          {
            path: 'vorlagen',
            handle: handle('submissions.nav.list'),
            children: [
              { index: true, lazy: submissions((m) => m.SubmissionBoardPage) },
              {
                element: <RequireRole role={SUBMISSION_WRITERS} />,
                children: [{ path: 'neu', handle: handle('submissions.nav.create'), lazy: submissions((m) => m.SubmissionCreatePage) }],
              },
              {
                path: ':submissionId',
                handle: handle('submissions.nav.submission'),
                children: [
                  { index: true, lazy: submissions((m) => m.SubmissionDetailPage) },
                  {
                    element: <RequireRole role={SUBMISSION_WRITERS} />,
                    children: [{ path: 'bearbeiten', handle: handle('submissions.nav.edit'), lazy: submissions((m) => m.SubmissionEditPage) }],
                  },
                ],
              },
            ],
          },
          {
            path: 'konzept',
            handle: handle('concept.nav.title'),
            children: [
              { index: true, lazy: concept((m) => m.ConceptPage) },
              {
                path: ':editionId',
                handle: handle('concept.nav.edition'),
                children: [
                  { index: true, lazy: concept((m) => m.EditionPage) },
                  { path: 'vergleich', handle: handle('concept.nav.comparison'), lazy: concept((m) => m.ComparisonPage) },
                ],
              },
            ],
          },
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
            path: 'sitzungen',
            handle: handle('nav.meetings'),
            children: [
              { index: true, lazy: meetings((m) => m.MeetingsListPage) },
              {
                element: <RequireRole role={MEETING_PLANNERS} />,
                children: [
                  { path: 'neu', handle: handle('nav.meetingCreate'), lazy: meetings((m) => m.MeetingCreatePage) },
                  { path: 'planen', handle: handle('nav.meetingPlan'), lazy: meetings((m) => m.MeetingPlanPage) },
                ],
              },
              { path: ':meetingId', handle: handle('nav.meeting'), lazy: meetings((m) => m.MeetingDetailPage) },
            ],
          },
          {
            // The participant list of a network meeting; its own block after the meeting screens, which
            // therefore win the shared paths /sitzungen and /sitzungen/:meetingId (same rank, earlier).
            path: 'sitzungen',
            handle: handle('nav.meetings'),
            children: [
              {
                path: ':meetingId',
                handle: handle('nav.meeting'),
                children: [
                  {
                    element: <RequireRole role={WRITERS} />,
                    children: [
                      { path: 'anmeldungen', handle: handle('registrations.nav.list'), lazy: registrations((m) => m.RegistrationsPage) },
                    ],
                  },
                  // The status report of a steering meeting: for everyone who may read the meeting.
                  { path: 'sachstandsbericht', handle: handle('nav.statusReport'), lazy: meetings((m) => m.StatusReportPage) },
                ],
              },
            ],
          },
          {
            path: 'handlungsanweisungen',
            handle: handle('nav.directives'),
            children: [
              { index: true, lazy: directives((m) => m.DirectivesListPage) },
              { path: ':directiveId', handle: handle('nav.directive'), lazy: directives((m) => m.DirectiveDetailPage) },
            ],
          },
          {
            path: 'verwaltung',
            element: <AdminLayout />,
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
              {
                path: 'api-clients',
                handle: handle('nav.apiClients'),
                children: [
                  { index: true, lazy: apiClients((m) => m.ApiClientsListPage) },
                  { path: 'neu', handle: handle('nav.apiClientCreate'), lazy: apiClients((m) => m.ApiClientCreatePage) },
                  { path: ':clientId', handle: handle('nav.apiClient'), lazy: apiClients((m) => m.ApiClientDetailPage) },
                ],
              },
              {
                path: 'webhooks',
                handle: handle('nav.webhooks'),
                children: [
                  { index: true, lazy: webhooks((m) => m.WebhooksListPage) },
                  { path: ':subscriptionId', handle: handle('nav.webhook'), lazy: webhooks((m) => m.WebhookDetailPage) },
                ],
              },
              {
                path: 'export',
                handle: handle('nav.intranetExport'),
                lazy: async () => ({
                  Component: (await import('@/features/intranetExport/components/pages')).IntranetExportPage,
                }),
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
