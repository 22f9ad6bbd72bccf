export { NeedDetailPage } from './NeedDetailPage';
export { NeedCreatePage, NeedEditPage } from './NeedFormPages';
export { NeedsListPage } from './NeedsListPage';
