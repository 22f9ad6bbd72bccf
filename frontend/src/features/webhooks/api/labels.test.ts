import { describe, expect, it } from 'vitest';
import { translations } from '../i18n';
import { EVENT_KEYS, STATUS_BADGES, lastAnswer, prettyPayload, sortEvents } from './labels';

const de = translations.de as { webhooks: { events: Record<string, string>; deliveryStatus: Record<string, string> } };

describe('webhook labels', () => {
  it('names every event in German', () => {
    const labels = Object.fromEntries(Object.entries(EVENT_KEYS).map(([event, key]) => [event, de.webhooks.events[key]]));
    expect(labels).toEqual({
      'meeting.created': 'Sitzung angelegt',
      'meeting.updated': 'Sitzung geändert',
      'meeting.cancelled': 'Sitzung abgesagt',
      'measure.updated': 'Maßnahme geändert',
      'offer.updated': 'Angebot geändert',
      'submission.decided': 'Vorlage entschieden',
      'directive.updated': 'Handlungsanweisung geändert',
    });
  });

  it('lists events in the screens’ order, not the API’s alphabetical one', () => {
    expect(sortEvents(['offer.updated', 'meeting.updated', 'directive.updated', 'meeting.created'])).toEqual([
      'meeting.created',
      'meeting.updated',
      'offer.updated',
      'directive.updated',
    ]);
  });

  it('gives each delivery status a text and a distinct badge', () => {
    const badges = Object.entries(STATUS_BADGES).map(([status, badge]) => [status, de.webhooks.deliveryStatus[badge.key], badge.variant]);
    expect(badges).toEqual([
      ['pending', 'Ausstehend', 'info'],
      ['delivered', 'Zugestellt', 'success'],
      ['failed', 'Fehlgeschlagen', 'danger'],
    ]);
  });

  it('sums up the last answer of the receiver', () => {
    expect(lastAnswer({ last_status_code: null, last_error: null })).toBeNull();
    expect(lastAnswer({ last_status_code: 204, last_error: null })).toBe('HTTP 204');
    expect(lastAnswer({ last_status_code: 503, last_error: 'Service Unavailable' })).toBe('HTTP 503 – Service Unavailable');
    expect(lastAnswer({ last_status_code: null, last_error: 'Connection refused ' })).toBe('Connection refused');
  });

  it('indents a JSON payload and leaves anything else as sent', () => {
    expect(prettyPayload('{"event":"meeting.created","data":{"id":"1"}}')).toBe(
      '{\n  "event": "meeting.created",\n  "data": {\n    "id": "1"\n  }\n}',
    );
    expect(prettyPayload('kein JSON')).toBe('kein JSON');
  });
});
