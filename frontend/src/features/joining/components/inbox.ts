/** The join-request inbox screens (one lazy chunk). */
export { JoinRequestDetailPage, JoinRequestsListPage } from './InboxPages';
