import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button } from '@/components/ui';

export function ErrorFallback() {
  const { t } = useTranslation();
  return (
    <div className="app-section">
      <h1 className="kern-heading-large">{t('errors.crash.title')}</h1>
      <Alert variant="danger" title={t('errors.crash.alert')} live="alert">
        <p className="kern-body">{t('errors.crash.text')}</p>
      </Alert>
      <p className="kern-body app-section">
        <Button icon="autorenew" onClick={() => window.location.reload()}>
          {t('errors.crash.reload')}
        </Button>
      </p>
    </div>
  );
}

/** Catches render errors in the page so the shell (navigation, logout) keeps working. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Unhandled error in page', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <ErrorFallback /> : this.props.children;
  }
}
