export { InvitationPage } from './InvitationPage';
export { NetworkMeetingsPage } from './NetworkMeetingsPage';
export { RegistrationPage } from './RegistrationPage';
export { RegistrationTokenPage } from './RegistrationTokenPage';
