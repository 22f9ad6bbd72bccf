import '../i18n'; // registers this feature's texts
export { InvitationPage } from './InvitationPage';
export { NetworkMeetingsPage } from './NetworkMeetingsPage';
export { RegistrationPage } from './RegistrationPage';
export { RegistrationTokenPage } from './RegistrationTokenPage';
