/** The join-request inbox screens (one lazy chunk). */
import '../i18n'; // registers this feature's texts
export { JoinRequestDetailPage, JoinRequestsListPage } from './InboxPages';
