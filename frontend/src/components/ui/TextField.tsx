import { type InputHTMLAttributes, type Ref, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from './cx';
import { FieldError } from './FieldError';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  /** Stable id; derived when omitted. The error summary links to it. */
  id?: string;
  hint?: string;
  error?: string | null;
  optional?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/** KERN text input with label, optional hint and an error message tied by aria-describedby. */
export function TextField({ label, id, hint, error, optional, className, ref, ...rest }: TextFieldProps) {
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
      <input
        ref={ref}
        id={inputId}
        className={cx('kern-form-input__input', error && 'kern-form-input__input--error')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      {error && errorId && <FieldError id={errorId} message={error} />}
    </div>
  );
}
