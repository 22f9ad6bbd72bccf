import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportBar, ReasonExport } from '@/components/ExportButtons';
import { type ExportFormat, saveBlob } from '@/lib/download';
import {
  type MemberExportFilters,
  type OrganisationExportFilters,
  fetchMembersExport,
  fetchOrganisationsExport,
} from '../api/exports';

/** CSV and Excel download of the organisation list with the filters in use. */
export function OrganisationExport({ filters }: { filters: OrganisationExportFilters }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async (format: ExportFormat) => {
    setError(null);
    setPending(format);
    try {
      const file = await fetchOrganisationsExport(format, filters);
      saveBlob(file.blob, file.fileName);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  };

  return (
    <ExportBar
      id="organisations-export"
      label={t('directory.export.organisationsTitle')}
      note={t('directory.export.filtersNote')}
      pending={pending}
      error={error}
      onExport={(format) => void run(format)}
    />
  );
}

/** CSV and Excel download of the member list; asks for the reason the API logs. */
export function MemberExport({ filters }: { filters: MemberExportFilters }) {
  const { t } = useTranslation();
  return (
    <ReasonExport
      id="members-export"
      label={t('directory.export.membersTitle')}
      note={t('directory.export.filtersNote')}
      dialogTitle={(format) =>
        t('directory.export.membersDialogTitle', { format: t(`directory.export.formatName.${format}`) })
      }
      loggedText={t('directory.export.loggedText')}
      hint={t('directory.export.reasonHint')}
      fetchFile={(format, reason) => fetchMembersExport(format, filters, reason)}
    />
  );
}
