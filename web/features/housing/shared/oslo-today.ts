/** Today's date in Norway (Europe/Oslo) as YYYY-MM-DD, whatever the browser's time zone. */
export function osloToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}
