import type { FieldProblem, NormalizedProblem } from '../api/problem';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface MappedErrors<F extends string> {
  /** Messages per form field, first error wins. */
  fieldErrors: FieldErrors<F>;
  /** Errors that belong to no visible field (shown in the error summary). */
  formErrors: string[];
}

/** Turns one server field error into a plain-German sentence. */
export type FieldMessageTranslator = (error: FieldProblem) => string;

/**
 * Maps the 422 `errors` of a problem onto the form's fields.
 *
 * `fieldMap` maps the server's dotted body path (or its first segment) to a
 * form field, e.g. `{ email: 'email', roles: 'roles' }`: `roles.0` lands on
 * `roles`. Errors of other locations (query, path, header) or of unknown
 * fields go to `formErrors` so nothing is silently dropped.
 */
export function mapFieldErrors<F extends string>(
  problem: NormalizedProblem,
  fieldMap: Readonly<Record<string, F>>,
  translate: FieldMessageTranslator,
  unknownFieldLabel: (error: FieldProblem) => string = (error) => error.field,
): MappedErrors<F> {
  const fieldErrors: FieldErrors<F> = {};
  const formErrors: string[] = [];
  for (const error of problem.fieldErrors) {
    const target = error.location === 'body' ? resolveField(error.field, fieldMap) : undefined;
    const message = translate(error);
    if (target !== undefined) {
      if (fieldErrors[target] === undefined) fieldErrors[target] = message;
    } else {
      const label = unknownFieldLabel(error);
      const line = label ? `${label}: ${message}` : message;
      if (!formErrors.includes(line)) formErrors.push(line);
    }
  }
  return { fieldErrors, formErrors };
}

function resolveField<F extends string>(path: string, fieldMap: Readonly<Record<string, F>>): F | undefined {
  const segments = path.split('.').filter((s) => s.length > 0);
  // Longest prefix first: "address.street" before "address".
  for (let length = segments.length; length > 0; length -= 1) {
    const key = segments.slice(0, length).join('.');
    if (Object.prototype.hasOwnProperty.call(fieldMap, key)) return fieldMap[key];
  }
  return undefined;
}

export function hasErrors<F extends string>(errors: FieldErrors<F>): boolean {
  return Object.values(errors).some((v) => typeof v === 'string' && v.length > 0);
}
