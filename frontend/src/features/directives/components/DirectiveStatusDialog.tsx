import { useTranslation } from 'react-i18next';
import { StatusChangeDialog } from '@/components/StatusChangeDialog';
import { type Directive, type DirectiveStatus, useChangeDirectiveStatus, validateStatusNote } from '../api/directives';

/** Moves a directive to one of `targets`; "Erledigt" needs the completion note. If-Match from the page's ETag. */
export function DirectiveStatusDialog({
  open,
  directive,
  etag,
  targets,
  onClose,
  onDone,
}: {
  open: boolean;
  directive: Directive;
  etag: string | null;
  targets: DirectiveStatus[];
  onClose: () => void;
  onDone: (status: DirectiveStatus) => void;
}) {
  const { t } = useTranslation();
  const change = useChangeDirectiveStatus(directive.id);
  return (
    <StatusChangeDialog<DirectiveStatus>
      open={open}
      ids={{ form: 'directive-status-form', status: 'directive-status', text: 'directive-status-note' }}
      texts={{
        title: t('directives.status.title'),
        submit: t('directives.status.submit'),
        current: t('directives.status.current', { status: t(`directives.statuses.${directive.status}`) }),
        newStatus: t('directives.status.newStatus'),
        choose: t('directives.status.choose'),
        textLabel: t('directives.fields.completionNote'),
        textHint: t('directives.status.noteHint'),
        conflictTitle: t('directives.status.conflictTitle'),
        conflictText: t('directives.status.conflictText'),
        staleTitle: t('directives.stale.title'),
        staleText: t('directives.stale.text'),
        forbiddenTitle: t('directives.forbidden.title'),
        forbiddenText: t('directives.forbidden.text'),
      }}
      targets={targets}
      statusLabel={(s) => t(`directives.statuses.${s}`)}
      textField="note"
      textRequired={(s) => s === 'done'}
      validate={(status, note) => {
        const found = validateStatusNote(status, note);
        return { status: found.status, text: found.note };
      }}
      serverTextMessage={(e) => (e.code === 'note_required' ? t('directives.validation.noteRequired') : null)}
      submit={(status, note) => change.mutateAsync({ body: { status, note }, etag: etag ?? '' })}
      onClose={onClose}
      onDone={onDone}
    />
  );
}
