import { type Ref, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

export interface SummaryItem {
  /** Id of the field to jump to. */
  fieldId: string;
  /** The field's label, so the list says which field is meant. */
  label?: string;
  message: string;
}

/**
 * Lists a form's errors with links to the fields. Receives focus when it
 * appears so keyboard and screen-reader users learn about the errors at once.
 */
export function ErrorSummary({
  items,
  messages = [],
  focusKey,
}: {
  items: SummaryItem[];
  messages?: string[];
  /** Changes on each failed submit so the summary is focused again. */
  focusKey: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  if (items.length === 0 && messages.length === 0) return null;
  return (
    <div
      ref={ref as Ref<HTMLDivElement>}
      className="kern-alert kern-alert--danger app-error-summary"
      tabIndex={-1}
      aria-labelledby={titleId}
    >
      <div className="kern-alert__header">
        <Icon name="danger" />
        <h2 className="kern-title" id={titleId}>
          {t('form.errorSummaryTitle')}
        </h2>
      </div>
      <div className="kern-alert__body">
        <ul className="app-error-summary__list">
          {messages.map((message) => (
            <li key={message} className="kern-body">
              {message}
            </li>
          ))}
          {items.map((item) => (
            <li key={item.fieldId} className="kern-body">
              <a
                className="kern-link"
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(item.fieldId)?.focus();
                }}
              >
                {item.label ? `${item.label}: ${item.message}` : item.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
