import '../i18n'; // registers this feature's texts
export { ComparisonPage } from './ComparisonPage';
export { ConceptPage } from './ConceptPage';
export { EditionPage } from './EditionPage';
