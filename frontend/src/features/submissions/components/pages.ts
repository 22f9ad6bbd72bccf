import '../i18n'; // registers this feature's texts
export { SubmissionBoardPage } from './SubmissionBoardPage';
export { SubmissionDetailPage } from './SubmissionDetailPage';
export { SubmissionCreatePage, SubmissionEditPage } from './SubmissionFormPages';
