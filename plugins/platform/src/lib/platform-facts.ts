export const PLATFORM_NAME = {
  "zh-CN": "现代公物仓",
  en: "Gongwucang — Modern Public Property Warehouse",
} as const

/** The platform runs on China Standard Time unless told otherwise. */
export function platformTimeZone(): string {
  const configured = process.env.PLATFORM_TIME_ZONE?.trim()
  if (!configured) {
    return "Asia/Shanghai"
  }
  // Throws RangeError on an unknown zone, so a typo fails at the first request, loudly.
  new Intl.DateTimeFormat("en", { timeZone: configured })
  return configured
}

/** Local wall-clock time in the zone, as ISO 8601 with its UTC offset (e.g. 2026-11-22T09:30:00+08:00). */
export function localIsoTime(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "longOffset",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value])
  )
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : parts.timeZoneName.replace("GMT", "")
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`
}

export function platformFacts(at: Date) {
  const timeZone = platformTimeZone()
  return {
    name: PLATFORM_NAME["zh-CN"],
    name_en: PLATFORM_NAME.en,
    default_locale: "zh-CN",
    locales: ["zh-CN", "en"],
    currency_code: "cny",
    time_zone: timeZone,
    now: localIsoTime(at, timeZone),
    now_utc: at.toISOString(),
  }
}
