import type { ChangeEvent } from 'react';
import { Checkbox } from '@/components/ui';
import { useSite } from '@/lib/site';

/**
 * The end of a public form: the hidden honeypot field ("website", left empty by people),
 * the privacy note with the link to the privacy notice, and the required consent checkbox.
 * The texts come from the calling feature; ids are `<idPrefix>-website` and `<idPrefix>-consent`.
 */
export function ConsentFields({
  idPrefix,
  texts,
  website,
  onWebsiteChange,
  consent,
  consentError,
  onConsentChange,
}: {
  idPrefix: string;
  texts: { honeypot: string; privacyText: string; privacyLink: string; consent: string };
  website: string;
  onWebsiteChange: (value: string) => void;
  consent: boolean;
  consentError: string | undefined;
  onConsentChange: (checked: boolean) => void;
}) {
  const site = useSite();
  return (
    <>
      <div className="app-honeypot" aria-hidden="true">
        <label htmlFor={`${idPrefix}-website`}>{texts.honeypot}</label>
        <input
          id={`${idPrefix}-website`}
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={website}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onWebsiteChange(e.target.value)}
        />
      </div>
      <div>
        <p className="kern-body">
          {texts.privacyText}{' '}
          {site?.privacy_url && (
            <a className="kern-link" href={site.privacy_url} rel="noopener noreferrer">
              {texts.privacyLink}
            </a>
          )}
        </p>
        <Checkbox
          id={`${idPrefix}-consent`}
          label={texts.consent}
          checked={consent}
          error={consentError}
          onChange={(e) => onConsentChange(e.target.checked)}
          required
        />
      </div>
    </>
  );
}
