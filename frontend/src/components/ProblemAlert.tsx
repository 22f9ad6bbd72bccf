import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui';
import { type NormalizedProblem, toProblem } from '@/lib/api/problem';

/** Says in plain German what went wrong and what to do, for any API error. */
export function problemText(
  problem: NormalizedProblem,
  t: (key: string, options?: Record<string, unknown>) => string,
): { title: string; detail: string } {
  const kind = problem.kind;
  const title = t(`problem.${kind}.title`);
  if (kind === 'too-many-requests' && problem.retryAfterSeconds !== null) {
    return { title, detail: t('problem.too-many-requests.detailWait', { count: problem.retryAfterSeconds }) };
  }
  return { title, detail: t(`problem.${kind}.detail`) };
}

export function ProblemAlert({ error, id }: { error: unknown; id?: string }) {
  const { t } = useTranslation();
  const problem = toProblem(error);
  const { title, detail } = problemText(problem, t);
  return (
    <Alert variant="danger" title={title} live="alert" id={id}>
      <p className="kern-body">{detail}</p>
      {problem.requestId && (
        <p className="kern-body kern-body--small">{t('problem.requestId', { id: problem.requestId })}</p>
      )}
    </Alert>
  );
}
