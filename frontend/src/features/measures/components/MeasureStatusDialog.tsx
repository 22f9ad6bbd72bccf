import { useTranslation } from 'react-i18next';
import { StatusChangeDialog } from '@/components/StatusChangeDialog';
import { validateStatusChange } from '../api/measureForm';
import { type Measure, type MeasureStatus, REASON_REQUIRED, nextStatuses, useChangeMeasureStatus } from '../api/measures';

/** Moves a measure to one of the statuses the status machine allows; a reason for paused and discontinued. */
export function MeasureStatusDialog({
  open,
  measure,
  etag,
  onClose,
  onDone,
}: {
  open: boolean;
  measure: Measure;
  etag: string | null;
  onClose: () => void;
  onDone: (status: MeasureStatus) => void;
}) {
  const { t } = useTranslation();
  const change = useChangeMeasureStatus(measure.id);
  const targets = nextStatuses(measure.status);
  const currentLabel = t(`measures.statuses.${measure.status}`);
  const allowed = targets.map((s) => `„${t(`measures.statuses.${s}`)}“`).join(', ') || t('measures.status.conflictNone');

  return (
    <StatusChangeDialog<MeasureStatus>
      open={open}
      ids={{ form: 'measure-status-form', status: 'measure-status-new', text: 'measure-status-reason' }}
      texts={{
        title: t('measures.status.title'),
        submit: t('measures.status.submit'),
        current: t('measures.status.current', { status: currentLabel }),
        newStatus: t('measures.status.newStatus'),
        choose: t('measures.status.choose'),
        textLabel: t('measures.status.reason'),
        textHint: t('measures.status.reasonHint'),
        conflictTitle: t('measures.status.conflictTitle'),
        conflictText: t('measures.status.conflictText', { status: currentLabel, allowed }),
        staleTitle: t('measures.stale.title'),
        staleText: t('measures.stale.text'),
        forbiddenTitle: t('measures.forbidden.title'),
        forbiddenText: t('measures.forbidden.text'),
      }}
      targets={targets}
      statusLabel={(s) => t(`measures.statuses.${s}`)}
      textField="reason"
      textRequired={(s) => REASON_REQUIRED.includes(s)}
      textRows={3}
      validate={(status, reason) => {
        const found = validateStatusChange(status, reason);
        return { status: found.status, text: found.reason };
      }}
      serverTextMessage={(e) => (e.field === 'reason' ? t('measures.validation.reasonRequired') : null)}
      statusHint={(status) => status === 'completed' && <p className="kern-body">{t('measures.status.completedHint')}</p>}
      submit={(status, reason) => change.mutateAsync({ body: { status, reason }, etag: etag ?? '' })}
      onClose={onClose}
      onDone={onDone}
    />
  );
}
