import '../i18n'; // registers this feature's texts
export { MeetingCreatePage } from './MeetingCreatePage';
export { MeetingDetailPage } from './MeetingDetailPage';
export { MeetingPlanPage } from './MeetingPlanPage';
export { MeetingsListPage } from './MeetingsListPage';
export { StatusReportPage } from './StatusReportPage';
