import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentsPanel } from '@/components/Attachments';
import { SelectField } from '@/components/ui';
import { type Meeting, agendaQuery, attachmentsQuery, useDeleteAttachment, useUploadAttachment } from '../api/meetings';

export function AttachmentsTab({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const attachments = useQuery(attachmentsQuery(meeting.id));
  const agenda = useQuery(agendaQuery(meeting.id));
  const upload = useUploadAttachment(meeting.id);
  const remove = useDeleteAttachment(meeting.id);
  const [agendaItem, setAgendaItem] = useState('');
  const editable = meeting.can_edit && meeting.status !== 'cancelled';
  const topOf = new Map((agenda.data ?? []).map((item) => [item.id, item]));
  const itemLabel = (item: { number: string; title: string }) => `${t('meetings.attachments.topLabel', { number: item.number })} ${item.title}`;

  return (
    <section aria-labelledby="attachments-heading">
      <h2 className="kern-heading-medium" id="attachments-heading">
        {t('meetings.attachments.tab')}
      </h2>
      <AttachmentsPanel
        id="attachment"
        attachments={attachments}
        editable={editable}
        caption={t('meetings.attachments.tab')}
        extraColumns={[
          {
            key: 'belongs',
            header: t('meetings.attachments.belongsTo'),
            cell: (a) => {
              const item = a.agenda_item_id ? topOf.get(a.agenda_item_id) : undefined;
              return item ? itemLabel(item) : t('meetings.attachments.wholeMeeting');
            },
          },
        ]}
        fields={
          <SelectField
            id="attachment-agenda-item"
            label={t('meetings.attachments.agendaItem')}
            value={agendaItem}
            onChange={(e) => setAgendaItem(e.target.value)}
            options={[
              { value: '', label: t('meetings.attachments.wholeMeeting') },
              ...(agenda.data ?? []).map((item) => ({ value: item.id, label: itemLabel(item) })),
            ]}
          />
        }
        upload={(file) => upload.mutateAsync({ file, agendaItemId: agendaItem || null })}
        remove={(attachment) => remove.mutateAsync(attachment)}
      />
    </section>
  );
}
