/**
 * Calendar days and months in the platform's time zone (Asia/Shanghai, no daylight saving).
 * A theme's `starts_on` / `ends_on` are stored as the start (00:00 +08:00) of their first and
 * last day; the last day is included, so a theme is current while
 * `starts_on <= now < ends_on + 1 day` (see isThemeCurrent).
 */
export const SHANGHAI_OFFSET = "+08:00"
const DAY_MS = 24 * 60 * 60 * 1000

/** 00:00 in Shanghai of a YYYY-MM-DD day. */
export function shanghaiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00${SHANGHAI_OFFSET}`)
}

/** The Shanghai calendar day (YYYY-MM-DD) of an instant. */
export function shanghaiDay(at: Date | string): string {
  const date = typeof at === "string" ? new Date(at) : at
  return new Date(date.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10)
}

/** The Shanghai month (YYYY-MM) of an instant. */
export function shanghaiMonth(at: Date = new Date()): string {
  return shanghaiDay(at).slice(0, 7)
}

/** [start, end) instants of a YYYY-MM month in Shanghai. */
export function shanghaiMonthRange(month: string): { start: Date; end: Date } {
  const [year, m] = month.split("-").map(Number)
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`
  return { start: shanghaiDayStart(`${month}-01`), end: shanghaiDayStart(`${next}-01`) }
}

/** The instant a theme stops being current: the end of its last day. */
export function themeEndsAt(endsOn: Date | string): Date {
  return new Date(new Date(endsOn).getTime() + DAY_MS)
}

export function isThemeCurrent(theme: { starts_on: Date | string; ends_on: Date | string }, now = new Date()): boolean {
  return new Date(theme.starts_on).getTime() <= now.getTime() && now.getTime() < themeEndsAt(theme.ends_on).getTime()
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  return shanghaiDay(shanghaiDayStart(value)) === value
}
