import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, saveLanguage, storedLanguage } from '../preferences';
import { de } from './de';

/** The texts of one lazily loaded feature, in both languages (same keys). */
export interface TranslationBundle {
  de: object;
  en: object;
}

const featureBundles = new Set<TranslationBundle>();

/**
 * Adds a feature's texts when its pages load. German at once; English now if
 * it is loaded already, otherwise together with the core English texts.
 */
export function registerTranslations(bundle: TranslationBundle): void {
  if (featureBundles.has(bundle)) return;
  featureBundles.add(bundle);
  if (!i18n.isInitialized) return; // setupI18n adds it
  i18n.addResourceBundle('de', 'translation', bundle.de, true, false);
  if (i18n.hasResourceBundle('en', 'translation')) i18n.addResourceBundle('en', 'translation', bundle.en, true, false);
}

/**
 * German core texts are bundled; English is loaded on demand (it is a separate
 * chunk, so the initial bundle stays small). Feature texts come with their
 * feature (registerTranslations).
 */
async function ensureLoaded(language: Language): Promise<void> {
  if (language === 'de' || i18n.hasResourceBundle(language, 'translation')) return;
  const { en } = await import('./en');
  i18n.addResourceBundle('en', 'translation', en, true, false);
  // Features registered while English was loading get their English texts here.
  for (const bundle of featureBundles) i18n.addResourceBundle('en', 'translation', bundle.en, true, false);
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
    // A missing key would show up raw in the UI: report it (the e2e tests fail on console errors).
    saveMissing: true,
    missingKeyHandler: (_languages, _namespace, key) => console.error(`Missing translation: ${key}`),
  });
  for (const bundle of featureBundles) i18n.addResourceBundle('de', 'translation', bundle.de, true, false);
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
