/** Entry point of the registrations chunk (lazy-loaded by the router). */
import '../i18n'; // registers this feature's texts
export { RegistrationsPage } from './RegistrationsPage';
