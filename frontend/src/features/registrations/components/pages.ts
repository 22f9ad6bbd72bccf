/** Entry point of the registrations chunk (lazy-loaded by the router). */
export { RegistrationsPage } from './RegistrationsPage';
