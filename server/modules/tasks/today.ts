import type { CalendarDate } from '../../../shared/domain/calendar-date';

const osloDay = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date it is in Norway at `now` (deadlines and overdue are Oslo days). */
export function osloToday(now: Date): CalendarDate {
  return osloDay.format(now);
}
