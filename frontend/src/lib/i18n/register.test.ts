import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage, i18n, registerTranslations } from './index';

// A feature's texts arrive with its lazy chunk; they must follow the language
// whichever comes first (setup.ts has started i18n in German).
const bundle = (name: string) => ({
  de: { [name]: { greeting: 'Guten Tag' } },
  en: { [name]: { greeting: 'Good day' } },
});

describe('registerTranslations', () => {
  afterEach(async () => {
    await changeLanguage('de', false);
    // Each case starts before the English texts were loaded (as after a page load).
    i18n.removeResourceBundle('en', 'translation');
  });

  it('shows German at once and English after switching the language later', async () => {
    registerTranslations(bundle('laterSwitch'));
    expect(i18n.t('laterSwitch.greeting')).toBe('Guten Tag');
    await changeLanguage('en', false);
    expect(i18n.t('laterSwitch.greeting')).toBe('Good day');
    await changeLanguage('de', false);
    expect(i18n.t('laterSwitch.greeting')).toBe('Guten Tag');
  });

  it('shows English for a feature loaded while English is active', async () => {
    await changeLanguage('en', false);
    registerTranslations(bundle('loadedInEnglish'));
    expect(i18n.t('loadedInEnglish.greeting')).toBe('Good day');
    expect(i18n.t('nav.home')).not.toBe('nav.home');
  });

  it('shows English for a feature loaded while the English texts are still loading', async () => {
    const switching = changeLanguage('en', false);
    registerTranslations(bundle('loadedDuringSwitch'));
    await switching;
    expect(i18n.t('loadedDuringSwitch.greeting')).toBe('Good day');
  });
});
