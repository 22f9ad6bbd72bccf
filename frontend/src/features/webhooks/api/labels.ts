import type { Delivery, DeliveryStatus, WebhookEvent } from './webhooks';

/** The i18n key (below webhooks.events) of each event, in the order the screens list them. */
export const EVENT_KEYS = {
  'meeting.created': 'meetingCreated',
  'meeting.updated': 'meetingUpdated',
  'meeting.cancelled': 'meetingCancelled',
  'measure.updated': 'measureUpdated',
  'offer.updated': 'offerUpdated',
  'submission.decided': 'submissionDecided',
  'directive.updated': 'directiveUpdated',
} as const satisfies Record<WebhookEvent, string>;

const EVENT_ORDER = Object.keys(EVENT_KEYS) as WebhookEvent[];

/** Events in the screens' order (meetings, measures, offers, papers, directives). */
export function sortEvents(events: readonly WebhookEvent[]): WebhookEvent[] {
  return [...events].sort((a, b) => EVENT_ORDER.indexOf(a) - EVENT_ORDER.indexOf(b));
}

/** Badge of a delivery status: the text says it, the colour only repeats it. */
export const STATUS_BADGES = {
  pending: { key: 'pending', variant: 'info' },
  delivered: { key: 'delivered', variant: 'success' },
  failed: { key: 'failed', variant: 'danger' },
} as const satisfies Record<DeliveryStatus, { key: string; variant: 'info' | 'success' | 'danger' }>;

/** What the receiver last answered: "HTTP 503 – timeout", "HTTP 200", the error alone, or null before any attempt. */
export function lastAnswer(delivery: Pick<Delivery, 'last_status_code' | 'last_error'>): string | null {
  const parts = [
    delivery.last_status_code === null ? null : `HTTP ${delivery.last_status_code}`,
    delivery.last_error?.trim() || null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join(' – ') : null;
}

/** The payload, indented when it is JSON (it is sent as compact JSON), else as sent. */
export function prettyPayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}
