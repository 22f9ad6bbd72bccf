/** Entry point of the directory chunk (lazy-loaded by the router). */
import '../i18n'; // registers this feature's texts
export { BodiesListPage } from './BodiesListPage';
export { BodyDetailPage } from './BodyDetailPage';
export { MemberDetailPage } from './MemberDetailPage';
export { MemberCreatePage, MemberEditPage } from './MemberFormPages';
export { MembersListPage } from './MembersListPage';
export { OrganisationDetailPage } from './OrganisationDetailPage';
export { OrganisationCreatePage, OrganisationEditPage } from './OrganisationFormPages';
export { OrganisationsListPage } from './OrganisationsListPage';
