import type { InputHTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';
import { FieldError } from './FieldError';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  id: string;
  /** The label; may contain a link (e.g. to the privacy notice). */
  label: ReactNode;
  error?: string | null;
}

/** A single KERN checkbox (e.g. a consent), its error tied by aria-describedby. */
export function Checkbox({ id, label, error, className, ...rest }: CheckboxProps) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={cx('kern-form-check', error && 'kern-form-check--error', className)}>
      <input
        type="checkbox"
        id={id}
        className={cx('kern-form-check__checkbox', error && 'kern-form-check__checkbox--error')}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        {...rest}
      />
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {error && errorId && <FieldError id={errorId} message={error} />}
    </div>
  );
}
