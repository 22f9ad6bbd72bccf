import { useTranslation } from 'react-i18next';
import { type Column, Table } from '@/components/ui';
import { type ConsentEvent, type ConsentOverview, type ConsentRow, consentHistory, consentRows } from '@/lib/consents';
import { formatDateTime } from '@/lib/format';

/** Current consent per purpose and the full event log (member page and Mein Konto). */
export function ConsentTables({ overview, idPrefix }: { overview: ConsentOverview; idPrefix: string }) {
  const { t } = useTranslation();
  const current: Column<ConsentRow>[] = [
    { key: 'purpose', header: t('consents.purpose'), rowHeader: true, cell: (r) => t(`consents.purposes.${r.purpose}`) },
    { key: 'state', header: t('consents.state'), cell: (r) => t(`consents.states.${r.state}`) },
    {
      key: 'since',
      header: t('consents.since'),
      cell: (r) => (r.latest ? formatDateTime(r.latest.recorded_at) : t('consents.none')),
    },
  ];
  const history: Column<ConsentEvent>[] = [
    { key: 'at', header: t('consents.recordedAt'), rowHeader: true, cell: (e) => formatDateTime(e.recorded_at) },
    { key: 'purpose', header: t('consents.purpose'), cell: (e) => t(`consents.purposes.${e.purpose}`) },
    { key: 'action', header: t('consents.action'), cell: (e) => t(`consents.actions.${e.action}`) },
    { key: 'channel', header: t('consents.channel'), cell: (e) => t(`consents.channels.${e.channel}`) },
    { key: 'version', header: t('consents.textVersion'), cell: (e) => e.text_version },
  ];
  return (
    <>
      <Table caption={t('consents.currentCaption')} columns={current} rows={consentRows(overview)} rowKey={(r) => `${idPrefix}-${r.purpose}`} />
      <Table
        caption={t('consents.historyCaption')}
        columns={history}
        rows={consentHistory(overview)}
        rowKey={(e) => e.id}
        empty={t('consents.noHistory')}
      />
    </>
  );
}
