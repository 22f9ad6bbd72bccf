import '../i18n'; // registers this feature's texts
export { CataloguePage } from './CataloguePage';
export { OfferDetailPage } from './OfferDetailPage';
export { OfferCreatePage, OfferEditPage } from './OfferFormPages';
export { OffersAdminListPage } from './OffersAdminListPage';
export { PublicOfferPage } from './PublicOfferPage';
