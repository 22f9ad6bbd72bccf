import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentTables } from '@/components/ConsentTables';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { CONSENT_TEXT_VERSION, type ConsentPurpose, consentRows } from '@/lib/consents';
import { myConsentsQuery, useRecordMyConsent } from '../api/me';

/** "Meine Einwilligungen": only for accounts linked to a member (hidden on 404). */
export function MyConsents() {
  const { t } = useTranslation();
  const consents = useQuery(myConsentsQuery);
  const record = useRecordMyConsent();
  const [done, setDone] = useState<string | null>(null);
  if (consents.isPending || isProblemKind(consents.error, 'not-found')) return null;

  const change = async (purpose: ConsentPurpose, action: 'given' | 'withdrawn') => {
    setDone(null);
    try {
      await record.mutateAsync({ purpose, action, text_version: CONSENT_TEXT_VERSION });
      setDone(t('consents.recorded', { purpose: t(`consents.purposes.${purpose}`), action: t(`consents.actions.${action}`) }));
    } catch {
      // shown below
    }
  };

  return (
    <section aria-labelledby="account-consents" className="app-section">
      <h2 className="kern-heading-medium" id="account-consents">
        {t('consents.mine')}
      </h2>
      <p className="kern-body">{t('consents.mineLead')}</p>
      {consents.isError && <ProblemAlert error={consents.error} />}
      {record.isError && <ProblemAlert error={record.error} />}
      {done && <Alert variant="success" title={done} live="status" />}
      {consents.data && (
        <>
          <ConsentTables overview={consents.data} idPrefix="mine" />
          <div className="kern-flex kern-flex-wrap kern-gap-md app-section">
            {consentRows(consents.data).map((row) =>
              row.state === 'given' ? (
                <Button key={row.purpose} variant="secondary" disabled={record.isPending} onClick={() => void change(row.purpose, 'withdrawn')}>
                  {t('consents.withdrawFor', { purpose: t(`consents.purposes.${row.purpose}`) })}
                </Button>
              ) : (
                <Button key={row.purpose} variant="secondary" disabled={record.isPending} onClick={() => void change(row.purpose, 'given')}>
                  {t('consents.giveFor', { purpose: t(`consents.purposes.${row.purpose}`) })}
                </Button>
              ),
            )}
          </div>
        </>
      )}
    </section>
  );
}
