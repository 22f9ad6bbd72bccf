/** Only same-app paths are allowed as a return target (no open redirect). */
export function safeRedirect(target: string | null | undefined, fallback = '/'): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
  if (target.startsWith('/anmelden')) return fallback;
  return target;
}
