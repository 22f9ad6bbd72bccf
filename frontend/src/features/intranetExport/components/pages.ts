import '../i18n'; // registers this feature's texts
export { IntranetExportPage } from './IntranetExportPage';
