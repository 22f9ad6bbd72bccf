import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, ErrorSummary, TextField } from '@/components/ui';
import { toProblem } from '@/lib/api/problem';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import { email as emailRule, required } from '@/lib/forms/validators';
import { useSession } from '@/lib/session/SessionProvider';
import { safeRedirect } from '../safeRedirect';

type Field = 'email' | 'password';
const FIELD_MAP = { username: 'email', email: 'email', password: 'password' } as const satisfies Record<string, Field>;

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const target = safeRedirect(params.get('ziel'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const form = useFormErrors<Field>(FIELD_MAP, (f) => t(`auth.fields.${f === 'username' ? 'email' : f}`));

  const waiting = waitUntil !== null && now < waitUntil;
  useEffect(() => {
    if (waitUntil === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [waitUntil]);

  if (session.state.status === 'authenticated' && !submitting) {
    return <Navigate to={target} replace />;
  }

  const reason = session.state.status === 'anonymous' ? session.state.reason : undefined;
  const loggedOutNotice = (location.state as { loggedOut?: boolean } | null)?.loggedOut || reason === 'logged-out';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const emailError = emailRule(email);
    const passwordError = required(password);
    if (
      form.setClientErrors({
        ...(emailError ? { email: t(emailError) } : {}),
        ...(passwordError ? { password: t(passwordError) } : {}),
      })
    ) {
      return;
    }
    setSubmitting(true);
    try {
      await session.login(email.trim(), password);
      navigate(target, { replace: true });
    } catch (caught) {
      const problem = toProblem(caught);
      if (!form.applyProblem(caught)) setError(caught);
      if (problem.kind === 'too-many-requests') {
        setNow(Date.now());
        setWaitUntil(Date.now() + (problem.retryAfterSeconds ?? 60) * 1000);
      }
      setPassword('');
    } finally {
      setSubmitting(false);
    }
  };

  const problem = error ? toProblem(error) : null;

  return (
    <Page title={t('auth.login.title')} lead={t('auth.login.lead')}>
      <div className="app-narrow">
        {reason === 'expired' && !error && (
          <Alert variant="warning" title={t('auth.login.expiredTitle')} live="status">
            <p className="kern-body">{t('auth.login.expiredText')}</p>
          </Alert>
        )}
        {loggedOutNotice && !error && (
          <Alert variant="success" title={t('auth.login.loggedOutTitle')} live="status">
            <p className="kern-body">{t('auth.login.loggedOutText')}</p>
          </Alert>
        )}
        {problem?.kind === 'unauthenticated' && (
          <Alert variant="danger" title={t('auth.login.failedTitle')} live="alert">
            <p className="kern-body">{t('auth.login.failedText')}</p>
          </Alert>
        )}
        {problem?.kind === 'too-many-requests' && (
          <Alert variant="danger" title={t('auth.login.throttledTitle')} live="alert">
            <p className="kern-body">
              {t('auth.login.throttledText', { count: problem.retryAfterSeconds ?? 60 })}
            </p>
            {waiting && waitUntil !== null && (
              <p className="kern-body">
                {t('auth.login.throttledRemaining', { count: Math.ceil((waitUntil - now) / 1000) })}
              </p>
            )}
          </Alert>
        )}
        {problem && problem.kind !== 'unauthenticated' && problem.kind !== 'too-many-requests' && (
          <ProblemAlert error={error} />
        )}
        <ErrorSummary
          focusKey={form.failedSubmits}
          messages={form.formErrors}
          items={(Object.keys(form.errors) as Field[]).map((f) => ({
            fieldId: `login-${f}`,
            label: t(`auth.fields.${f}`),
            message: form.errors[f] ?? '',
          }))}
        />
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('auth.login.title')}>
          <TextField
            id="login-email"
            label={t('auth.fields.email')}
            type="email"
            name="username"
            autoComplete="username"
            value={email}
            error={form.errors.email}
            onChange={(event) => {
              setEmail(event.target.value);
              form.clearField('email');
            }}
            required
          />
          <TextField
            id="login-password"
            label={t('auth.fields.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            error={form.errors.password}
            onChange={(event) => {
              setPassword(event.target.value);
              form.clearField('password');
            }}
            required
          />
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" variant="primary" disabled={submitting || waiting}>
              {submitting ? t('auth.login.submitting') : t('auth.login.submit')}
            </Button>
          </div>
        </form>
        <p className="kern-body">
          <Link className="kern-link" to="/mitmachen">
            {t('auth.login.joinLink')}
          </Link>
        </p>
      </div>
    </Page>
  );
}
