// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EMPTY_MEETING, checkMeeting } from './MeetingFields';

const filled = { ...EMPTY_MEETING, body: 'b', title: ' Arbeitskreis Bildung ', date: '2026-02-11', startTime: '15:00', endTime: '17:00' };

describe('checkMeeting', () => {
  it('sends Berlin local times with their offset and empty optional fields as null', () => {
    const { errors, fields } = checkMeeting(filled, true);
    expect(errors).toEqual({});
    expect(fields).toEqual({
      title: 'Arbeitskreis Bildung',
      number: null,
      starts_at: '2026-02-11T15:00:00+01:00',
      ends_at: '2026-02-11T17:00:00+01:00',
      location_address: null,
      location_room: null,
      online_url: null,
      theme: null,
    });
    expect(checkMeeting({ ...filled, date: '2026-08-12' }, true).fields?.starts_at).toBe('2026-08-12T15:00:00+02:00');
  });

  it('names every missing field and an end before the start', () => {
    expect(checkMeeting({ ...EMPTY_MEETING, startTime: '', endTime: '' }, true).errors).toEqual({
      body: 'validation.required',
      title: 'validation.required',
      date: 'validation.required',
      startTime: 'validation.required',
      endTime: 'validation.required',
    });
    const late = checkMeeting({ ...filled, endTime: '14:00' }, true);
    expect(late.errors).toEqual({ endTime: 'meetings.form.endBeforeStart' });
    expect(checkMeeting({ ...filled, date: '2026-02-30' }, true).errors).toEqual({ date: 'meetings.form.invalidDate' });
  });

  it('does not ask for the body when it is fixed', () => {
    expect(checkMeeting({ ...filled, body: '' }, false).errors).toEqual({});
  });
});
