import '../i18n'; // registers this feature's texts
export { NeedDetailPage } from './NeedDetailPage';
export { NeedCreatePage, NeedEditPage } from './NeedFormPages';
export { NeedsListPage } from './NeedsListPage';
