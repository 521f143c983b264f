import { osloToday as osloDate } from '../../../../shared/domain/calendar-date';

/** Today's date in Norway (Europe/Oslo) as YYYY-MM-DD, whatever the browser's time zone. */
export function osloToday(): string {
  return osloDate(new Date());
}
