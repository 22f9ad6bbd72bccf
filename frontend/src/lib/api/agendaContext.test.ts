// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { agendaLinkFrom, agendaLinkHref } from './agendaContext';

const MEETING = '0b7c5a3e-1f2d-4c5b-8a9e-123456789abc';
const ITEM = '9f8e7d6c-5b4a-4321-8fed-cba987654321';

describe('agenda links', () => {
  it('reads both ids from the address bar and ignores anything else', () => {
    expect(agendaLinkFrom(new URLSearchParams({ meeting_id: MEETING, agenda_item_id: ITEM }))).toEqual({
      meetingId: MEETING,
      agendaItemId: ITEM,
    });
    expect(agendaLinkFrom(new URLSearchParams({ agenda_item_id: ITEM }))).toBeNull();
    expect(agendaLinkFrom(new URLSearchParams({ meeting_id: MEETING, agenda_item_id: 'x' }))).toBeNull();
  });

  it('builds the create page address it reads back', () => {
    const href = agendaLinkHref('/bedarfe/neu', { meetingId: MEETING, agendaItemId: ITEM }, { body_id: 'b' });
    expect(href).toBe(`/bedarfe/neu?agenda_item_id=${ITEM}&meeting_id=${MEETING}&body_id=b`);
    expect(agendaLinkFrom(new URL(href, 'http://x').searchParams)).toEqual({ meetingId: MEETING, agendaItemId: ITEM });
  });
});
