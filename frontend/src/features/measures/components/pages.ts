import '../i18n'; // registers this feature's texts
export { MeasureDetailPage } from './MeasureDetailPage';
export { MeasureCreatePage, MeasureEditPage } from './MeasureFormPages';
export { MeasuresListPage } from './MeasuresListPage';
