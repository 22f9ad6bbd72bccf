import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { ReasonDialog, rejectsReason } from '@/components/ReasonDialog';
import { Alert, Button, Dialog, TextField } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { saveBlob } from '@/lib/download';
import { reasonError } from '@/lib/forms/reason';
import { fetchMemberDataExport, useEraseMember } from '../api/exports';
import { nameConfirmed } from '../api/privacyForms';

/** Admin only: the DSGVO rights of a member, Art. 15 (access) and Art. 17 (erasure). */
export function PrivacySection({ memberId, name, etag }: { memberId: string; name: string; etag: string | null }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'access' | 'erase' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <section className="app-section" aria-labelledby="member-privacy">
      <h2 className="kern-heading-medium" id="member-privacy">
        {t('directory.privacy.title')}
      </h2>
      <p className="kern-body">{t('directory.privacy.lead')}</p>
      {saved && <Alert variant="success" title={t('directory.privacy.accessSaved', { file: saved })} live="status" />}
      <div className="kern-flex kern-flex-wrap kern-gap-md">
        <Button
          variant="secondary"
          onClick={() => {
            setSaved(null);
            setDialog('access');
          }}
        >
          {t('directory.privacy.accessOpen')}
        </Button>
        <Button variant="secondary" icon="delete" onClick={() => setDialog('erase')}>
          {t('directory.privacy.eraseOpen')}
        </Button>
      </div>
      {dialog === 'access' && (
        <ReasonDialog
          id="member-access"
          title={t('directory.privacy.accessTitle', { name })}
          intro={<p className="kern-body">{t('directory.privacy.accessText', { name })}</p>}
          hint={t('directory.privacy.accessHint')}
          submitLabel={t('directory.privacy.accessSubmit')}
          onSubmit={async (reason) => {
            const file = await fetchMemberDataExport(memberId, reason);
            saveBlob(file.blob, file.fileName);
            setDialog(null);
            setSaved(file.fileName);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'erase' && <EraseDialog memberId={memberId} name={name} etag={etag} onClose={() => setDialog(null)} />}
    </section>
  );
}

function EraseDialog({
  memberId,
  name,
  etag,
  onClose,
}: {
  memberId: string;
  name: string;
  etag: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const erase = useEraseMember(memberId);
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; name?: string }>({});
  const reasonInput = useRef<HTMLInputElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    erase.reset();
    const reasonProblem = reasonError(reason);
    const next = {
      ...(reasonProblem ? { reason: t(reasonProblem) } : {}),
      ...(nameConfirmed(typed, name) ? {} : { name: t('directory.privacy.eraseNameMismatch', { name }) }),
    };
    setErrors(next);
    if (next.reason) {
      reasonInput.current?.focus();
      return;
    }
    if (next.name) {
      nameInput.current?.focus();
      return;
    }
    try {
      await erase.mutateAsync({ etag: etag ?? '', reason: reason.trim() });
      navigate('/mitglieder', { state: { flash: t('directory.privacy.erased', { name }) } });
    } catch (caught) {
      if (rejectsReason(caught)) {
        setErrors({ reason: t('directory.reason.rejected') });
        reasonInput.current?.focus();
      }
    }
  };

  const stale = isProblemKind(erase.error, 'precondition-failed') || isProblemKind(erase.error, 'precondition-required');
  const conflict = isProblemKind(erase.error, 'conflict');
  const otherError = erase.isError && !stale && !conflict && !rejectsReason(erase.error);

  return (
    <Dialog
      open
      role="alertdialog"
      title={t('directory.privacy.eraseTitle', { name })}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form="member-erase-form" icon="delete" disabled={erase.isPending || stale || conflict}>
            {erase.isPending ? t('directory.privacy.erasePending') : t('directory.privacy.eraseSubmit')}
          </Button>
        </>
      }
    >
      {stale && (
        <Alert variant="danger" title={t('directory.privacy.staleTitle')} live="alert">
          <p className="kern-body">{t('directory.privacy.staleText')}</p>
        </Alert>
      )}
      {conflict && (
        <Alert variant="danger" title={t('directory.privacy.conflictTitle')} live="alert">
          <p className="kern-body">{t('directory.privacy.conflictText')}</p>
        </Alert>
      )}
      {otherError && <ProblemAlert error={erase.error} />}
      <Alert variant="warning" title={t('directory.privacy.eraseWarningTitle')}>
        <ul className="kern-list kern-list--bullet">
          <li>{t('directory.privacy.eraseData', { name })}</li>
          <li>{t('directory.privacy.erasePseudonym')}</li>
          <li>{t('directory.privacy.eraseMemberships')}</li>
          <li>{t('directory.privacy.eraseFinal')}</li>
        </ul>
      </Alert>
      <form id="member-erase-form" noValidate onSubmit={submit} className="app-form">
        <TextField
          ref={reasonInput}
          id="member-erase-reason"
          label={t('directory.reason.label')}
          hint={t('directory.privacy.eraseReasonHint')}
          value={reason}
          maxLength={500}
          error={errors.reason}
          onChange={(e) => {
            setReason(e.target.value);
            setErrors((current) => ({ ...current, reason: undefined }));
          }}
          required
        />
        <TextField
          ref={nameInput}
          id="member-erase-name"
          label={t('directory.privacy.eraseNameLabel', { name })}
          autoComplete="off"
          value={typed}
          error={errors.name}
          onChange={(e) => {
            setTyped(e.target.value);
            setErrors((current) => ({ ...current, name: undefined }));
          }}
          required
        />
      </form>
    </Dialog>
  );
}
