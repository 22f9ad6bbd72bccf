import { type SelectHTMLAttributes, useId } from 'react';
import { cx } from './cx';
import { FieldError } from './FieldError';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  id?: string;
  options: SelectOption[];
  hint?: string;
  error?: string | null;
}

export function SelectField({ label, id, options, hint, error, className, ...rest }: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? `f${generated}`;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('kern-form-input', error && 'kern-form-input--error', className)}>
      <label className="kern-label" htmlFor={selectId}>
        {label}
      </label>
      {hint && (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      )}
      <div className="kern-form-input__select-wrapper">
        <select
          id={selectId}
          className={cx('kern-form-input__select', error && 'kern-form-input__select--error')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...rest}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {error && errorId && <FieldError id={errorId} message={error} />}
    </div>
  );
}
