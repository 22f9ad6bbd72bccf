/** Client-side checks mirroring the API's rules; they return i18n keys. */

export const PASSWORD_MIN_LENGTH = 12;

// Deliberately permissive: the server has the final word on e-mail syntax.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function required(value: string): string | null {
  return value.trim().length === 0 ? 'validation.required' : null;
}

export function email(value: string): string | null {
  if (value.trim().length === 0) return 'validation.required';
  return EMAIL_PATTERN.test(value.trim()) ? null : 'validation.email';
}

export function password(value: string): string | null {
  if (value.length === 0) return 'validation.required';
  return value.length < PASSWORD_MIN_LENGTH ? 'validation.passwordTooShort' : null;
}
