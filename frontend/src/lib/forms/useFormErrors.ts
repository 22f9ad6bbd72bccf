import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldProblem, type NormalizedProblem, toProblem } from '../api/problem';
import { type FieldErrors, hasErrors, mapFieldErrors } from './fieldErrors';

/** Which context value a code's message can name ("höchstens 200 Zeichen"). */
const CONTEXT_LIMIT: Record<string, string> = {
  string_too_short: 'min_length',
  string_too_long: 'max_length',
  too_short: 'min_length',
  too_long: 'max_length',
  greater_than_equal: 'ge',
  less_than_equal: 'le',
};

/** German text for a server field error, by its stable `code` (and its limit, when sent). */
export function useServerFieldMessage(): (error: FieldProblem) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: FieldProblem) => {
      const limitKey = CONTEXT_LIMIT[error.code];
      const limit = limitKey ? error.context?.[limitKey] : undefined;
      if (typeof limit === 'number' && i18n.exists(`validation.serverLimit.${error.code}`, { count: limit })) {
        return t(`validation.serverLimit.${error.code}`, { count: limit });
      }
      const key = `validation.server.${error.code}`;
      return i18n.exists(key) ? t(key) : t('validation.server.fallback');
    },
    [t, i18n],
  );
}

export interface FormErrorsState<F extends string> {
  errors: FieldErrors<F>;
  formErrors: string[];
  /** Increments on each failed submit; the error summary focuses itself on change. */
  failedSubmits: number;
  /** Sets client-side errors; returns true when there are any. */
  setClientErrors: (errors: FieldErrors<F>) => boolean;
  /** Puts a problem's field errors (422, or a 409 naming a field) on the fields; true when there were any. */
  applyProblem: (error: unknown) => boolean;
  setFormErrors: (messages: string[]) => void;
  clear: () => void;
  clearField: (field: F) => void;
}

export function useFormErrors<F extends string>(
  fieldMap: Readonly<Record<string, F>>,
  fieldLabel: (field: string) => string,
): FormErrorsState<F> {
  const translate = useServerFieldMessage();
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [failedSubmits, setFailedSubmits] = useState(0);

  const setClientErrors = useCallback((next: FieldErrors<F>) => {
    setErrors(next);
    setFormErrors([]);
    const failed = hasErrors(next);
    if (failed) setFailedSubmits((n) => n + 1);
    return failed;
  }, []);

  const applyProblem = useCallback(
    (error: unknown) => {
      const problem: NormalizedProblem = toProblem(error);
      if (problem.fieldErrors.length === 0) return false;
      const mapped = mapFieldErrors(problem, fieldMap, translate, (e) => fieldLabel(e.field));
      setErrors(mapped.fieldErrors);
      setFormErrors(mapped.formErrors);
      setFailedSubmits((n) => n + 1);
      return true;
    },
    [fieldMap, translate, fieldLabel],
  );

  const clear = useCallback(() => {
    setErrors({});
    setFormErrors([]);
  }, []);

  const clearField = useCallback((field: F) => {
    setErrors((current) => {
      if (current[field] === undefined) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  }, []);

  return { errors, formErrors, failedSubmits, setClientErrors, applyProblem, setFormErrors, clear, clearField };
}
