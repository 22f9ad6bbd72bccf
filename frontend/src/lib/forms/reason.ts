/** The reason the API logs with an export or an erasure of personal data. */

export const REASON_MIN = 5;
export const REASON_MAX = 500;
const CONTROL = /[\x00-\x1f\x7f]/;

/** The i18n key of what is wrong with a reason, or null when it is fine. */
export function reasonError(reason: string): string | null {
  const trimmed = reason.trim();
  if (trimmed === '') return 'directory.reason.required';
  if (trimmed.length < REASON_MIN) return 'directory.reason.tooShort';
  if (trimmed.length > REASON_MAX) return 'directory.reason.tooLong';
  if (CONTROL.test(reason)) return 'directory.reason.singleLine';
  return null;
}
