import type { Language } from "~/i18n/languages"

const money = new Map<string, Intl.NumberFormat>()

/** CNY (or another currency) in the shopper's language, e.g. ¥1,280.00 / CN¥1,280.00. */
export function formatMoney(amount: number | null | undefined, lang: Language, currency = "cny"): string {
  if (amount === null || amount === undefined || Number.isNaN(Number(amount))) return "—"
  const key = `${lang}:${currency}`
  let format = money.get(key)
  if (!format) {
    format = new Intl.NumberFormat(lang === "en" ? "en-US" : "zh-CN", { style: "currency", currency: currency.toUpperCase() })
    money.set(key, format)
  }
  return format.format(Number(amount))
}

/** Dates and times on China Standard Time, whatever the server's zone. */
export function formatDateTime(value: string | Date | null | undefined, lang: Language): string {
  if (!value) return "—"
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", {
    timeZone: "Asia/Shanghai",
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(value))
}
