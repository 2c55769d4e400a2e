export type Lang = "zh" | "en"

const STRINGS = {
  prompt: { zh: "拿起展品了解详情", en: "Pick up an exhibit to learn more" },
  featured: { zh: "本月推荐", en: "Featured this month" },
  events: { zh: "近期活动", en: "Upcoming events" },
  noEvents: { zh: "暂无近期活动", en: "No upcoming events" },
  seatsLeft: { zh: "剩余名额", en: "Seats left" },
  full: { zh: "已满", en: "Full" },
  nextTheme: { zh: "下月主题", en: "Next month" },
  noTheme: { zh: "欢迎参观公物仓体验中心", en: "Welcome to the experience centre" },
  toggle: { zh: "English", en: "中文" },
  back: { zh: "返回", en: "Back" },
  price: { zh: "价格", en: "Price" },
  priceOnRequest: { zh: "价格待询", en: "Price on request" },
  supplier: { zh: "供应商", en: "Supplier" },
  specs: { zh: "主要参数", en: "Key specs" },
  terms: { zh: "租赁 / 服务条款", en: "Rental / service terms" },
  compareWith: { zh: "与…对比", en: "Compare with…" },
  compare: { zh: "对比", en: "Compare" },
  comparison: { zh: "产品对比", en: "Comparison" },
  remove: { zh: "移除", en: "Remove" },
  scan: { zh: "手机扫码查看", en: "Scan to view on your phone" },
  scanCompare: { zh: "手机扫码查看对比", en: "Scan to see this comparison on your phone" },
  kind: { zh: "类型", en: "Type" },
  plinth: { zh: "展台", en: "Plinth" },
  offline: { zh: "离线模式", en: "Offline" },
  locked: { zh: "此触摸屏已停用", en: "This kiosk has been disabled" },
  lockedHint: { zh: "请联系体验中心工作人员", en: "Please ask a member of staff" },
  loading: { zh: "正在加载…", en: "Loading…" },
  unavailable: { zh: "暂时无法加载展厅资料", en: "Showroom data is not available yet" },
  comparisonHint: { zh: "最多可同时对比 4 件展品", en: "Compare up to 4 exhibits" },
} as const

export type StringKey = keyof typeof STRINGS

export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang]
}

const KINDS: Record<string, { zh: string; en: string }> = {
  goods: { zh: "商品", en: "Goods" },
  rental: { zh: "租赁", en: "Rental" },
  service: { zh: "服务", en: "Service" },
  specialty: { zh: "特色产品", en: "Specialty" },
}

export function kindLabel(lang: Lang, kind: string): string {
  return KINDS[kind]?.[lang] ?? kind
}

const money = new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY" })

export function formatPrice(price: { amount: number; currency_code: string } | null): string | null {
  if (!price) return null
  if (price.currency_code.toUpperCase() !== "CNY") {
    return new Intl.NumberFormat("zh-CN", { style: "currency", currency: price.currency_code.toUpperCase() }).format(price.amount)
  }
  return money.format(price.amount)
}

const TZ = "Asia/Shanghai"

export function formatEventTime(lang: Lang, startsAt: string, endsAt: string): string {
  const locale = lang === "zh" ? "zh-CN" : "en-GB"
  const start = new Date(startsAt)
  const end = new Date(endsAt)
  const day = new Intl.DateTimeFormat(locale, { timeZone: TZ, month: "long", day: "numeric", weekday: "short" }).format(start)
  const time = new Intl.DateTimeFormat(locale, { timeZone: TZ, hour: "2-digit", minute: "2-digit", hour12: false })
  return `${day} ${time.format(start)}–${time.format(end)}`
}

export function formatDateRange(lang: Lang, startsOn: string, endsOn: string): string {
  const locale = lang === "zh" ? "zh-CN" : "en-GB"
  const fmt = new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "long", day: "numeric" })
  const parse = (d: string) => new Date(d.length === 10 ? `${d}T00:00:00Z` : d)
  return `${fmt.format(parse(startsOn))} – ${fmt.format(parse(endsOn))}`
}
