import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AttachmentsPanel, type AttachmentsState } from '@/components/Attachments';
import {
  type Submission,
  submissionAttachmentsQuery,
  useDeleteSubmissionAttachment,
  useUploadSubmissionAttachment,
} from '../api/submissions';

export function useSubmissionAttachments(id: string) {
  return useQuery(submissionAttachmentsQuery(id));
}

/** The paper's own files ("Anlagen"): those who may change the paper upload and delete, readers download. */
export function SubmissionAttachments({
  paper,
  attachments,
  editable,
}: {
  paper: Submission;
  attachments: AttachmentsState;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const upload = useUploadSubmissionAttachment(paper.id);
  const remove = useDeleteSubmissionAttachment(paper.id);
  return (
    <section className="app-section" aria-labelledby="submission-attachments">
      <h2 className="kern-heading-medium" id="submission-attachments">
        {t('submissions.attachments.heading')}
      </h2>
      <p className="kern-body">{editable ? t('submissions.attachments.hintEditable') : t('submissions.attachments.hint')}</p>
      <AttachmentsPanel
        id="submission-attachment"
        attachments={attachments}
        editable={editable}
        caption={t('submissions.attachments.heading')}
        upload={(file) => upload.mutateAsync(file)}
        remove={(attachment) => remove.mutateAsync(attachment)}
      />
    </section>
  );
}
