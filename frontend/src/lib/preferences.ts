/** UI preferences kept in localStorage (no personal data): theme and language. */
export type Theme = 'system' | 'light' | 'dark';
export type Language = 'de' | 'en';

const THEME_KEY = 'netzwerk.theme';
const LANGUAGE_KEY = 'netzwerk.language';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage may be disabled; the choice then lasts for this page view only.
  }
}

export function storedTheme(): Theme {
  const value = read(THEME_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** KERN switches colours with data-kern-theme; without it the system setting applies. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') root.removeAttribute('data-kern-theme');
  else root.setAttribute('data-kern-theme', theme);
}

export function saveTheme(theme: Theme): void {
  write(THEME_KEY, theme);
  applyTheme(theme);
}

export function storedLanguage(): Language {
  return read(LANGUAGE_KEY) === 'en' ? 'en' : 'de';
}

export function saveLanguage(language: Language): void {
  write(LANGUAGE_KEY, language);
}
