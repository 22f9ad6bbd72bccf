import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { isUuid } from '../ids';

/** Where an offer or need is recorded from: an agenda item of a meeting (`?meeting_id=…&agenda_item_id=…`). */
export interface AgendaLink {
  meetingId: string;
  agendaItemId: string;
}

/** The agenda item named in the address bar, if both ids look like ids. */
export function agendaLinkFrom(search: URLSearchParams): AgendaLink | null {
  const meetingId = search.get('meeting_id') ?? '';
  const agendaItemId = search.get('agenda_item_id') ?? '';
  return isUuid(meetingId) && isUuid(agendaItemId) ? { meetingId, agendaItemId } : null;
}

/** The address of a create page that records something from an agenda item. */
export function agendaLinkHref(path: string, link: AgendaLink, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ agenda_item_id: link.agendaItemId, meeting_id: link.meetingId, ...extra });
  return `${path}?${query.toString()}`;
}

export interface AgendaContext {
  meetingId: string;
  meetingTitle: string;
  bodyId: string;
  agendaItemId: string;
  number: string;
  title: string;
}

/** The meeting and agenda item an offer or need is recorded from; null when the item is not on that meeting's agenda. */
export function agendaContextQuery(link: AgendaLink) {
  return queryOptions({
    queryKey: ['agenda-context', link.meetingId, link.agendaItemId],
    queryFn: async ({ signal }): Promise<AgendaContext | null> => {
      const path = { meeting_id: link.meetingId };
      const [meeting, items] = await Promise.all([
        api.GET('/api/v1/meetings/{meeting_id}', { params: { path }, signal }).then(unwrap),
        api.GET('/api/v1/meetings/{meeting_id}/agenda-items', { params: { path }, signal }).then(unwrap),
      ]);
      const item = items.find((i) => i.id === link.agendaItemId);
      if (!item) return null;
      return {
        meetingId: meeting.id,
        meetingTitle: meeting.title,
        bodyId: meeting.body_id,
        agendaItemId: item.id,
        number: item.number,
        title: item.title,
      };
    },
    staleTime: 60_000,
  });
}
