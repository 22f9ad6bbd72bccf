import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, TextField } from '@/components/ui';
import type { IssuedSecret } from '../api/apiClients';
import { type CopyResult, copyText } from '@/lib/clipboard';
import { curlExample } from './copy';

type Copied = { what: string; result: CopyResult };

/**
 * The credentials right after creating a client or renewing its secret: the client id and the
 * secret (which the API never shows again), copy buttons, and a curl example of the token request.
 * The secret lives only in this component's props; leaving the page forgets it.
 */
export function SecretView({
  issued,
  focusHeading = false,
  onHide,
}: {
  issued: IssuedSecret;
  /** Move the focus here when shown (the page's own heading takes it on a new page). */
  focusHeading?: boolean;
  onHide?: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const idField = useRef<HTMLInputElement>(null);
  const secretField = useRef<HTMLInputElement>(null);
  const example = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState<Copied | null>(null);
  const curl = curlExample(window.location.origin, issued.client.id);

  useEffect(() => {
    if (focusHeading) heading.current?.focus();
    setCopied(null);
  }, [issued, focusHeading]);

  const copy = async (what: string, text: string, target: RefObject<HTMLElement | null>) => {
    setCopied(null);
    setCopied({ what, result: await copyText(text, target.current) });
  };

  const copyButton = (what: string, text: string, target: RefObject<HTMLElement | null>) => (
    <Button variant="secondary" onClick={() => void copy(what, text, target)}>
      {t('apiClients.secret.copy', { what })}
    </Button>
  );

  return (
    <section className="app-section app-api-client-secret" aria-labelledby="api-client-secret-heading">
      <h2 className="kern-heading-medium" id="api-client-secret-heading" ref={heading} tabIndex={-1}>
        {t('apiClients.secret.heading')}
      </h2>
      <Alert variant="warning" title={t('apiClients.secret.onlyNowTitle')}>
        <p className="kern-body">{t('apiClients.secret.onlyNowText')}</p>
      </Alert>
      <div className="app-api-client-copy">
        <TextField
          ref={idField}
          id="api-client-issued-id"
          label={t('apiClients.fields.clientId')}
          hint={t('apiClients.secret.clientIdHint')}
          className="app-api-client-code"
          value={issued.client.id}
          readOnly
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        {copyButton(t('apiClients.secret.clientIdName'), issued.client.id, idField)}
      </div>
      <div className="app-api-client-copy">
        <TextField
          ref={secretField}
          id="api-client-issued-secret"
          label={t('apiClients.fields.secret')}
          hint={t('apiClients.secret.secretHint')}
          className="app-api-client-code"
          value={issued.secret}
          readOnly
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
        {copyButton(t('apiClients.secret.secretName'), issued.secret, secretField)}
      </div>
      <p className="kern-body" role="status">
        {copied &&
          (copied.result === 'copied'
            ? t('apiClients.secret.copied', { what: copied.what })
            : t('apiClients.secret.copyFailed', { what: copied.what }))}
      </p>
      <h3 className="kern-heading-small">{t('apiClients.secret.exampleHeading')}</h3>
      <p className="kern-body">{t('apiClients.secret.exampleText')}</p>
      {/* Focusable: the example may scroll sideways on narrow screens. */}
      <pre ref={example} className="app-api-client-example" tabIndex={0} role="region" aria-label={t('apiClients.secret.exampleLabel')}>
        <code>{curl}</code>
      </pre>
      <div className="kern-flex kern-flex-wrap kern-gap-md">
        {copyButton(t('apiClients.secret.exampleName'), curl, example)}
        {onHide && (
          <Button variant="tertiary" onClick={onHide}>
            {t('apiClients.secret.hide')}
          </Button>
        )}
      </div>
    </section>
  );
}
