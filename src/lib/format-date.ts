import { differenceInCalendarDays, format, parseISO } from './date-fns.ts';

const longDates = new Map<string, string>();

/** "Wednesday, 17 May 2023" (memoised: the same dates recur on thousands of pages). */
export function longDate(iso: string): string {
  let text = longDates.get(iso);
  if (text === undefined) longDates.set(iso, (text = format(parseISO(iso), 'EEEE, d MMMM yyyy')));
  return text;
}

/** "today", "yesterday", "12 days ago", "3 years ago": relative to `today`, passed in (the build's clock). */
export function relativeDay(iso: string, today: Date): string {
  const days = differenceInCalendarDays(today, parseISO(iso));
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 0) return `in ${-days} days`;
  if (days < 60) return `${days} days ago`;
  if (days < 730) return `${Math.round(days / 30.44)} months ago`;
  return `${Math.floor(days / 365.25)} years ago`;
}
