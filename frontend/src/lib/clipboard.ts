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
