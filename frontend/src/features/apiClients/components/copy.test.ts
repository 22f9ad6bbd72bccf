import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from '@/lib/clipboard';
import { curlExample } from './copy';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('copying credentials', () => {
  it('uses the clipboard where the browser offers it', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    expect(await copyText('geheim', null)).toBe('copied');
    expect(writeText).toHaveBeenCalledWith('geheim');
  });

  it('selects the text of an example block for Ctrl+C where there is no clipboard (plain http)', async () => {
    vi.stubGlobal('navigator', {});
    const pre = document.createElement('pre');
    pre.tabIndex = 0;
    pre.textContent = 'curl -X POST …';
    document.body.append(pre);
    expect(await copyText('curl -X POST …', pre)).toBe('selected');
    expect(window.getSelection()?.toString()).toBe('curl -X POST …');
    expect(document.activeElement).toBe(pre);
  });

  it('shows the token request with the client id, reading the secret from the environment', () => {
    expect(curlExample('https://netzwerk.gifhorn.de', 'abc')).toBe(
      [
        "curl -X POST 'https://netzwerk.gifhorn.de/api/v1/auth/token' \\",
        '  -d grant_type=client_credentials \\',
        '  -d client_id=abc \\',
        '  --data-urlencode client_secret="$CLIENT_SECRET"',
      ].join('\n'),
    );
  });
});
