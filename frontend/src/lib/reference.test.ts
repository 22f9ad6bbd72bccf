// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES, isMunicipality, parseLanguages, sortBodies } from './reference';

describe('reference data', () => {
  it('sorts working groups first', () => {
    const sorted = sortBodies([
      { kind: 'network' as const, name: 'Netzwerk' },
      { kind: 'steering_group' as const, name: 'Steuerungsgruppe' },
      { kind: 'working_group' as const, name: 'AK Familienleben' },
      { kind: 'working_group' as const, name: 'AK Bildung' },
    ]);
    expect(sorted.map((b) => b.name)).toEqual(['AK Bildung', 'AK Familienleben', 'Steuerungsgruppe', 'Netzwerk']);
  });

  it('parses comma-separated ISO codes', () => {
    expect(parseLanguages(' de, AR ,uk, de;tr ')).toEqual({ codes: ['de', 'ar', 'uk', 'tr'], invalid: [] });
    expect(parseLanguages('de, Deutsch, e')).toEqual({ codes: ['de'], invalid: ['Deutsch', 'e'] });
    expect(parseLanguages('')).toEqual({ codes: [], invalid: [] });
  });

  it('knows the ten municipalities of the county', () => {
    expect(MUNICIPALITIES).toHaveLength(10);
    expect(isMunicipality('Samtgemeinde Papenteich')).toBe(true);
    expect(isMunicipality('Wolfsburg')).toBe(false);
  });
});
