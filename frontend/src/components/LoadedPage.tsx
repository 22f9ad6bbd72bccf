import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Loader } from '@/components/ui';

/** A page for one resource: a loader while it loads, the problem and a way back when it fails. */
export function LoadedPage<T>({
  query,
  title,
  backTo,
  backLabel,
  children,
}: {
  query: UseQueryResult<T>;
  title: string;
  backTo: string;
  backLabel: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Page title={title}>
        <Loader label={t('common.loading')} />
      </Page>
    );
  }
  if (query.isError) {
    return (
      <Page title={title}>
        <ProblemAlert error={query.error} />
        <p className="kern-body">
          <Link className="kern-link" to={backTo}>
            {backLabel}
          </Link>
        </p>
      </Page>
    );
  }
  return <>{children(query.data)}</>;
}
