import { useTranslation } from 'react-i18next';
import { Button, Dialog } from '@/components/ui';

export interface ConflictChange {
  label: string;
  mine: string;
  theirs: string;
}

export interface ConflictDialogProps {
  open: boolean;
  /** Fields whose saved value differs from what the user entered. */
  changes?: ConflictChange[];
  /** Load the latest version into the form (discarding the user's input). */
  onReload: () => void;
  /** Close and keep the user's input; saving again will be refused again. */
  onClose: () => void;
  reloading?: boolean;
}

/**
 * Shown when a save was refused with 412: someone else changed the record in
 * the meantime. Never overwrites silently; the user decides.
 */
export function ConflictDialog({ open, changes = [], onReload, onClose, reloading }: ConflictDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      role="alertdialog"
      title={t('conflict.title')}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('conflict.keepEditing')}
          </Button>
          <Button variant="primary" icon="autorenew" onClick={onReload} disabled={reloading}>
            {t('conflict.reload')}
          </Button>
        </>
      }
    >
      <p className="kern-body">{t('conflict.explanation')}</p>
      {changes.length > 0 && (
        <div className="kern-table-responsive app-full-width">
          <table className="kern-table kern-table--small">
            <caption className="kern-body kern-body--bold">{t('conflict.changesCaption')}</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('conflict.field')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('conflict.mine')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('conflict.theirs')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {changes.map((change) => (
                <tr className="kern-table__row" key={change.label}>
                  <th scope="row" className="kern-table__header">
                    {change.label}
                  </th>
                  <td className="kern-table__cell">{change.mine}</td>
                  <td className="kern-table__cell">{change.theirs}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="kern-body">{t('conflict.advice')}</p>
    </Dialog>
  );
}
