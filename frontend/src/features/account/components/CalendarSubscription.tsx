import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, Dialog, Table, TextField } from '@/components/ui';
import { copyText } from '@/lib/clipboard';
import { saveBlob } from '@/lib/download';
import { formatDateTime } from '@/lib/format';
import {
  type CalendarToken,
  type CalendarTokenCreated,
  calendarTokensQuery,
  fetchMyMeetingsCalendar,
  useCreateCalendarToken,
  useRevokeCalendarToken,
} from '../api/calendar';

/** "Kalender abonnieren": private feed links of the linked member, and the meetings as one file. */
export function CalendarSubscription() {
  const { t } = useTranslation();
  const tokens = useQuery(calendarTokensQuery);
  const create = useCreateCalendarToken();
  const [created, setCreated] = useState<CalendarTokenCreated | null>(null);
  const [revoking, setRevoking] = useState<CalendarToken | null>(null);
  const [revoked, setRevoked] = useState(false);

  const onCreate = async () => {
    setRevoked(false);
    setCreated(null);
    try {
      setCreated(await create.mutateAsync());
    } catch {
      // shown below
    }
  };

  return (
    <section aria-labelledby="account-calendar" className="app-section">
      <h2 className="kern-heading-medium" id="account-calendar">
        {t('calendarFeed.title')}
      </h2>
      <p className="kern-body">{t('calendarFeed.lead')}</p>
      <Alert variant="warning" title={t('calendarFeed.secretTitle')}>
        <p className="kern-body">{t('calendarFeed.secretText')}</p>
      </Alert>
      {create.isError && <ProblemAlert error={create.error} />}
      {revoked && <Alert variant="success" title={t('calendarFeed.revoked')} live="status" />}
      <div className="kern-flex kern-flex-wrap kern-gap-md app-section">
        <Button disabled={create.isPending} onClick={() => void onCreate()}>
          {create.isPending ? t('calendarFeed.creating') : t('calendarFeed.create')}
        </Button>
      </div>
      {created && <NewLink url={created.url} />}
      {tokens.isError && <ProblemAlert error={tokens.error} />}
      {tokens.data && (
        <Table
          caption={t('calendarFeed.listCaption')}
          columns={[
            {
              key: 'created',
              header: t('calendarFeed.createdAt'),
              rowHeader: true,
              cell: (token: CalendarToken) => formatDateTime(token.created_at),
            },
            { key: 'state', header: t('calendarFeed.state'), cell: () => t('calendarFeed.active') },
            {
              key: 'actions',
              header: t('calendarFeed.actions'),
              cell: (token: CalendarToken) => (
                <Button
                  variant="secondary"
                  icon="delete"
                  onClick={() => {
                    setRevoked(false);
                    setRevoking(token);
                  }}
                >
                  {t('calendarFeed.revoke')}
                  <span className="kern-sr-only">
                    {' '}
                    {t('calendarFeed.revokeContext', { date: formatDateTime(token.created_at) })}
                  </span>
                </Button>
              ),
            },
          ]}
          rows={tokens.data}
          rowKey={(token) => token.id}
          empty={t('calendarFeed.empty')}
        />
      )}
      <CalendarDownload />
      {revoking && (
        <RevokeDialog
          token={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setRevoking(null);
            setCreated(null);
            setRevoked(true);
          }}
        />
      )}
    </section>
  );
}

/** The address of a new link, shown once, with a copy button that announces its result. */
function NewLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [url]);

  const copy = async () => {
    setCopyState((await copyText(url, input.current)) === 'copied' ? 'copied' : 'failed');
  };

  return (
    <div className="app-section">
      <Alert variant="success" title={t('calendarFeed.createdTitle')}>
        <p className="kern-body">{t('calendarFeed.onlyNow')}</p>
      </Alert>
      <TextField
        ref={input}
        id="calendar-link"
        label={t('calendarFeed.link')}
        hint={t('calendarFeed.linkHint')}
        value={url}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="kern-flex kern-flex-wrap kern-gap-md">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('calendarFeed.copy')}
        </Button>
      </div>
      <p className="kern-body" role="status">
        {copyState === 'copied' && t('calendarFeed.copied')}
        {copyState === 'failed' && t('calendarFeed.copyFailed')}
      </p>
    </div>
  );
}

function RevokeDialog({ token, onClose, onRevoked }: { token: CalendarToken; onClose: () => void; onRevoked: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeCalendarToken();

  const onConfirm = async () => {
    try {
      await revoke.mutateAsync(token.id);
      onRevoked();
    } catch {
      // shown in the dialog
    }
  };

  return (
    <Dialog
      open
      role="alertdialog"
      title={t('calendarFeed.revokeTitle')}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button icon="delete" disabled={revoke.isPending} onClick={() => void onConfirm()}>
            {t('calendarFeed.revokeConfirm')}
          </Button>
        </>
      }
    >
      {revoke.isError && <ProblemAlert error={revoke.error} />}
      <p className="kern-body">{t('calendarFeed.revokeText', { date: formatDateTime(token.created_at) })}</p>
    </Dialog>
  );
}

/** All readable meetings as one .ics file, for a one-off import. */
function CalendarDownload() {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const download = async () => {
    setError(null);
    setSaved(null);
    setPending(true);
    try {
      const file = await fetchMyMeetingsCalendar();
      saveBlob(file.blob, file.fileName);
      setSaved(file.fileName);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="app-section">
      <h3 className="kern-heading-small">{t('calendarFeed.downloadTitle')}</h3>
      <p className="kern-body">{t('calendarFeed.downloadText')}</p>
      {error !== null && <ProblemAlert error={error} />}
      {saved && <Alert variant="success" title={t('calendarFeed.downloaded', { file: saved })} live="status" />}
      <div className="kern-flex kern-flex-wrap kern-gap-md">
        <Button variant="secondary" disabled={pending} onClick={() => void download()}>
          {pending ? t('calendarFeed.downloading') : t('calendarFeed.download')}
        </Button>
      </div>
    </div>
  );
}
