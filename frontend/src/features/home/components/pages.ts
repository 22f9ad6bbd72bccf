import '../i18n'; // registers the start page's texts
export { HomePage } from './HomePage';
