import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentTables } from '@/components/ConsentTables';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, Dialog, Loader, SelectField, TextField } from '@/components/ui';
import {
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  CONSENT_TEXT_VERSION,
  type ConsentAction,
  type ConsentChannel,
  type ConsentPurpose,
} from '@/lib/consents';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import { memberConsentsQuery, useRecordConsent } from '../api/consents';

type Field = 'purpose' | 'action' | 'channel' | 'textVersion';
const FIELD_MAP = { purpose: 'purpose', action: 'action', channel: 'channel', text_version: 'textVersion' } as const satisfies Record<
  string,
  Field
>;
const VERSION_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._-]*$/;

/** Consents of a member (admins and coordinators): state per purpose, history, record dialog. */
export function ConsentsSection({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const consents = useQuery(memberConsentsQuery(memberId));
  const record = useRecordConsent(memberId);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [purpose, setPurpose] = useState<ConsentPurpose>('directory_listing');
  const [action, setAction] = useState<ConsentAction>('given');
  const [channel, setChannel] = useState<ConsentChannel>('paper');
  const [textVersion, setTextVersion] = useState(CONSENT_TEXT_VERSION);
  const form = useFormErrors<Field>(FIELD_MAP, (f) => t(`consents.fields.${f}`, f));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const version = textVersion.trim();
    if (
      form.setClientErrors(
        version === ''
          ? { textVersion: t('validation.required') }
          : !VERSION_PATTERN.test(version) || version.length > 32
            ? { textVersion: t('consents.versionFormat') }
            : {},
      )
    ) {
      return;
    }
    try {
      await record.mutateAsync({ purpose, action, channel, text_version: version });
      setOpen(false);
      setDone(t('consents.recorded', { purpose: t(`consents.purposes.${purpose}`), action: t(`consents.actions.${action}`) }));
    } catch (caught) {
      form.applyProblem(caught);
    }
  };

  return (
    <section className="app-section" aria-labelledby="member-consents">
      <div className="app-page-header">
        <h2 className="kern-heading-medium" id="member-consents">
          {t('consents.title')}
        </h2>
        <div className="app-page-header__actions">
          <Button
            variant="secondary"
            icon="edit"
            onClick={() => {
              record.reset();
              form.clear();
              setDone(null);
              setOpen(true);
            }}
          >
            {t('consents.record')}
          </Button>
        </div>
      </div>
      {done && <Alert variant="success" title={done} live="status" />}
      {consents.isPending && <Loader label={t('common.loading')} />}
      {consents.isError && <ProblemAlert error={consents.error} />}
      {consents.data && <ConsentTables overview={consents.data} idPrefix="member" />}
      <Dialog
        open={open}
        title={t('consents.recordTitle')}
        onClose={() => setOpen(false)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" form="consent-form" disabled={record.isPending}>
              {t('consents.save')}
            </Button>
          </>
        }
      >
        {record.isError && form.formErrors.length === 0 && Object.keys(form.errors).length === 0 && (
          <ProblemAlert error={record.error} />
        )}
        <form id="consent-form" noValidate onSubmit={onSubmit} className="app-form">
          <SelectField
            id="consent-purpose"
            label={t('consents.fields.purpose')}
            value={purpose}
            error={form.errors.purpose}
            onChange={(e) => setPurpose(e.target.value as ConsentPurpose)}
            options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`consents.purposes.${p}`) }))}
          />
          <SelectField
            id="consent-action"
            label={t('consents.fields.action')}
            value={action}
            error={form.errors.action}
            onChange={(e) => setAction(e.target.value as ConsentAction)}
            options={(['given', 'withdrawn'] as const).map((a) => ({ value: a, label: t(`consents.actions.${a}`) }))}
          />
          <SelectField
            id="consent-channel"
            label={t('consents.fields.channel')}
            value={channel}
            error={form.errors.channel}
            onChange={(e) => setChannel(e.target.value as ConsentChannel)}
            options={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`consents.channels.${c}`) }))}
          />
          <TextField
            id="consent-textVersion"
            label={t('consents.fields.textVersion')}
            hint={t('consents.versionHint')}
            value={textVersion}
            error={form.errors.textVersion}
            onChange={(e) => {
              setTextVersion(e.target.value);
              form.clearField('textVersion');
            }}
            required
          />
          {form.formErrors.length > 0 && (
            <Alert variant="danger" title={t('form.errorSummaryTitle')} live="alert">
              <ul>
                {form.formErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </Alert>
          )}
        </form>
      </Dialog>
    </section>
  );
}
