import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { changeLanguage } from '@/lib/i18n';
import { type Language, type Theme, saveTheme, storedTheme } from '@/lib/preferences';
import { useSite } from '@/lib/site';

export function Footer() {
  const { t, i18n } = useTranslation();
  const site = useSite();
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const county = site?.county_name ?? t('app.countyFallback');
  return (
    <footer className="app-footer">
      <div className="kern-container app-footer__inner">
        <nav aria-label={t('shell.legalNav')}>
          <ul className="app-footer__links">
            <li>
              <Link className="kern-link" to="/barrierefreiheit">
                {t('shell.accessibility')}
              </Link>
            </li>
            <li>
              <Link className="kern-link" to="/mitmachen">
                {t('shell.join')}
              </Link>
            </li>
            <li>
              <Link className="kern-link" to="/angebote">
                {t('offers.catalogue.title')}
              </Link>
            </li>
            <li>
              <Link className="kern-link" to="/netzwerktreffen">
                {t('publicPages.nav.meetings')}
              </Link>
            </li>
            {site?.imprint_url && (
              <li>
                <a className="kern-link" href={site.imprint_url} rel="noopener noreferrer">
                  {t('shell.imprint')}
                </a>
              </li>
            )}
            {site?.privacy_url && (
              <li>
                <a className="kern-link" href={site.privacy_url} rel="noopener noreferrer">
                  {t('shell.privacy')}
                </a>
              </li>
            )}
          </ul>
        </nav>
        <div className="app-footer__settings">
          <div className="app-inline-field">
            <label className="kern-label kern-label--small" htmlFor="pref-language">
              {t('shell.language')}
            </label>
            <select
              id="pref-language"
              className="app-compact-select"
              value={i18n.language === 'en' ? 'en' : 'de'}
              onChange={(e) => void changeLanguage(e.target.value as Language)}
            >
              <option value="de" lang="de">
                Deutsch
              </option>
              <option value="en" lang="en">
                English
              </option>
            </select>
          </div>
          <div className="app-inline-field">
            <label className="kern-label kern-label--small" htmlFor="pref-theme">
              {t('shell.theme')}
            </label>
            <select
              id="pref-theme"
              className="app-compact-select"
              value={theme}
              onChange={(e) => {
                const next = e.target.value as Theme;
                setTheme(next);
                saveTheme(next);
              }}
            >
              <option value="system">{t('shell.themes.system')}</option>
              <option value="light">{t('shell.themes.light')}</option>
              <option value="dark">{t('shell.themes.dark')}</option>
            </select>
          </div>
        </div>
        <p className="kern-body kern-body--small app-footer__owner">{t('shell.footerOwner', { county })}</p>
      </div>
    </footer>
  );
}
