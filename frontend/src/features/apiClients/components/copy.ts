export type CopyResult = 'copied' | 'selected';

/**
 * Puts `text` on the clipboard. Where the browser has no clipboard or refuses (insecure origin, no
 * permission), it selects `element`'s text instead, so the user can copy it with Ctrl+C.
 */
export async function copyText(text: string, element: HTMLElement | null): Promise<CopyResult> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    select(element);
    return 'selected';
  }
}

function select(element: HTMLElement | null) {
  if (!element) return;
  element.focus();
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    element.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** The token request of the client-credentials grant; the secret comes from the environment. */
export function curlExample(origin: string, clientId: string): string {
  return [
    `curl -X POST '${origin}/api/v1/auth/token' \\`,
    '  -d grant_type=client_credentials \\',
    `  -d client_id=${clientId} \\`,
    '  --data-urlencode client_secret="$CLIENT_SECRET"',
  ].join('\n');
}
