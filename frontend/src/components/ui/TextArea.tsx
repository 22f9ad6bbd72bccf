import { type TextareaHTMLAttributes, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from './cx';
import { FieldError } from './FieldError';

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  id?: string;
  hint?: string;
  error?: string | null;
  optional?: boolean;
}

/** KERN multi-line input with label, hint and an error tied by aria-describedby. */
export function TextArea({ label, id, hint, error, optional, className, rows = 5, ...rest }: TextAreaProps) {
  const { t } = useTranslation();
  const generated = useId();
  const inputId = id ?? `f${generated}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('kern-form-input', error && 'kern-form-input--error', className)}>
      <label className="kern-label" htmlFor={inputId}>
        {label}
        {optional && <span className="kern-label__optional"> – {t('form.optional')}</span>}
      </label>
      {hint && (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      )}
      <textarea
        id={inputId}
        rows={rows}
        className={cx('kern-form-input__input', error && 'kern-form-input__input--error')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      {error && errorId && <FieldError id={errorId} message={error} />}
    </div>
  );
}
