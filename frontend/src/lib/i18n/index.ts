import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, saveLanguage, storedLanguage } from '../preferences';
import { de } from './de';

/**
 * German is bundled; English is loaded on demand (it is a separate chunk, so
 * the initial bundle stays small).
 */
async function ensureLoaded(language: Language): Promise<void> {
  if (language === 'de' || i18n.hasResourceBundle(language, 'translation')) return;
  const { en } = await import('./en');
  i18n.addResourceBundle('en', 'translation', en);
}

export function setupI18n(language: Language = 'de') {
  void i18n.use(initReactI18next).init({
    resources: { de: { translation: de } },
    partialBundledLanguages: true,
    lng: 'de',
    fallbackLng: 'de',
    supportedLngs: ['de', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = 'de';
  return language === 'de' ? Promise.resolve() : changeLanguage(language, false);
}

/** Starts with the language chosen last time. */
export function setupStoredLanguage(): Promise<void> {
  return setupI18n(storedLanguage());
}

export async function changeLanguage(language: Language, persist = true): Promise<void> {
  await ensureLoaded(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  if (persist) saveLanguage(language);
}

export { i18n };
