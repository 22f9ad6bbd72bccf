import '../i18n'; // registers this feature's texts
export { ApiClientCreatePage } from './ApiClientCreatePage';
export { ApiClientDetailPage } from './ApiClientDetailPage';
export { ApiClientsListPage } from './ApiClientsListPage';
