/** Entry point of the directory chunk (lazy-loaded by the router). */
export { BodiesListPage } from './BodiesListPage';
export { BodyDetailPage } from './BodyDetailPage';
export { MemberDetailPage } from './MemberDetailPage';
export { MemberCreatePage, MemberEditPage } from './MemberFormPages';
export { MembersListPage } from './MembersListPage';
export { OrganisationDetailPage } from './OrganisationDetailPage';
export { OrganisationCreatePage, OrganisationEditPage } from './OrganisationFormPages';
export { OrganisationsListPage } from './OrganisationsListPage';
