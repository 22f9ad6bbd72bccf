import { useTranslation } from 'react-i18next';
import { StatusChangeDialog } from '@/components/StatusChangeDialog';
import { validateStatusNote } from '../api/needForm';
import { NOTE_REQUIRED, type Need, type NeedStatus, useChangeNeedStatus } from '../api/needs';

/** Moves a need to one of `targets` with a note (required for resolved and dismissed); If-Match. */
export function NeedStatusDialog({
  open,
  need,
  etag,
  targets,
  onClose,
  onDone,
}: {
  open: boolean;
  need: Need;
  etag: string | null;
  targets: NeedStatus[];
  onClose: () => void;
  onDone: (status: NeedStatus) => void;
}) {
  const { t } = useTranslation();
  const change = useChangeNeedStatus(need.id);

  return (
    <StatusChangeDialog<NeedStatus>
      open={open}
      ids={{ form: 'need-status-form', status: 'need-status', text: 'need-status-note' }}
      texts={{
        title: t('needs.status.title'),
        submit: t('needs.status.submit'),
        current: t('needs.status.current', { status: t(`needs.statuses.${need.status}`) }),
        newStatus: t('needs.status.newStatus'),
        choose: t('needs.status.choose'),
        textLabel: t('needs.fields.statusNote'),
        textHint: t('needs.status.noteHint'),
        conflictTitle: t('needs.status.conflictTitle'),
        conflictText: t('needs.status.conflictText'),
        staleTitle: t('needs.stale.title'),
        staleText: t('needs.stale.text'),
        forbiddenTitle: t('needs.forbidden.title'),
        forbiddenText: t('needs.forbidden.text'),
      }}
      targets={targets}
      statusLabel={(s) => t(`needs.statuses.${s}`)}
      textField="note"
      textRequired={(s) => NOTE_REQUIRED.includes(s)}
      validate={(status, note) => {
        const found = validateStatusNote(status, note);
        return { status: found.status, text: found.note };
      }}
      serverTextMessage={(e) => (e.code === 'note_required' ? t('needs.validation.noteRequired') : null)}
      submit={(status, note) => change.mutateAsync({ body: { status, note }, etag: etag ?? '' })}
      onClose={onClose}
      onDone={onDone}
    />
  );
}
