import '../i18n'; // registers this feature's texts
export { WebhookDetailPage } from './WebhookDetailPage';
export { WebhooksListPage } from './WebhooksListPage';
