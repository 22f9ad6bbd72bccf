import { useId } from 'react';
import { cx } from './cx';
import { FieldError } from './FieldError';

export interface CheckboxOption {
  value: string;
  label: string;
  /** An explanation under the option's label, read with it. */
  hint?: string;
}

export interface CheckboxGroupProps {
  legend: string;
  /** Id of the first checkbox; the error summary links to it. */
  id?: string;
  options: CheckboxOption[];
  value: string[];
  onChange: (value: string[]) => void;
  hint?: string;
  error?: string | null;
  disabled?: boolean;
}

/** KERN fieldset with checkboxes (e.g. roles). */
export function CheckboxGroup({ legend, id, options, value, onChange, hint, error, disabled }: CheckboxGroupProps) {
  const generated = useId();
  const baseId = id ?? `f${generated}`;
  const hintId = hint ? `${baseId}-hint` : undefined;
  const errorId = error ? `${baseId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const toggle = (option: string, checked: boolean) => {
    const next = checked ? [...value, option] : value.filter((v) => v !== option);
    // Keep the options' order, whatever order they were clicked in.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <fieldset className={cx('kern-fieldset', error && 'kern-fieldset--error')} aria-describedby={describedBy}>
      <legend className="kern-label">{legend}</legend>
      {hint && (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      )}
      <div className="kern-fieldset__body">
        {options.map((option, index) => {
          const optionId = index === 0 ? baseId : `${baseId}-${option.value}`;
          const optionHintId = option.hint ? `${optionId}-hint` : undefined;
          return (
            <div className={cx('kern-form-check', error && 'kern-form-check--error')} key={option.value}>
              <input
                type="checkbox"
                id={optionId}
                className={cx('kern-form-check__checkbox', error && 'kern-form-check__checkbox--error')}
                checked={value.includes(option.value)}
                disabled={disabled}
                aria-describedby={optionHintId}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label className="kern-label" htmlFor={optionId}>
                {option.label}
              </label>
              {option.hint && (
                <div className="kern-hint app-check-hint" id={optionHintId}>
                  {option.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
      {error && errorId && <FieldError id={errorId} message={error} />}
    </fieldset>
  );
}
