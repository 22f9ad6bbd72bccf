import '../i18n'; // registers this feature's texts
export { DirectiveDetailPage } from './DirectiveDetailPage';
export { DirectivesListPage } from './DirectivesListPage';
