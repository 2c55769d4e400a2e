// The demo experience centre (体验中心) as plain data: the centre, its zones and kiosks, which
// products go on display, the RFID tags they carry and the monthly themes. Light on purpose, like
// supplier-logins.ts: the seed, `npm start` (kiosk keys in the stack facts) and the unit tests
// import it without loading Medusa.

import { encodeSgtin96, gtin13 } from "../../../plugins/showroom/src/lib/epc"
import { demoKioskKey, type IssuedKioskKey } from "../../../plugins/showroom/src/lib/kiosk-key"
import type { Catalogue, ProductSeed } from "../catalogue/types"

export const SHOWROOM_CENTRE = {
  name: "成都市公物仓体验中心",
  name_en: "Chengdu Gongwucang Experience Centre",
  address: "四川省成都市天府大道中段 1 号 公物仓大楼 1 层",
  city: "成都",
  opening_hours: "周一至周五 9:00–17:30，周六 10:00–16:00（法定节假日闭馆） / Mon–Fri 9:00–17:30, Sat 10:00–16:00 (closed on public holidays)",
} as const

export type ZoneCode = "A" | "B" | "C"

export interface ShowroomZoneSeed {
  code: ZoneCode
  name: string
  name_en: string
  description: string
  /** Leaf categories shown here, in the order their products take turns on the plinths. */
  categories: string[]
}

export const SHOWROOM_ZONES: ShowroomZoneSeed[] = [
  {
    code: "A",
    name: "办公设备",
    name_en: "Office equipment",
    description: "计算机、打印复印、会议音视频与节能照明设备，现场可拿起体验。 / Computers, printers, conference AV and efficient lighting to pick up and try.",
    categories: ["computers-peripherals", "printing-copying", "av-conference", "energy-lighting", "office-stationery"],
  },
  {
    code: "B",
    name: "家具与信创",
    name_en: "Furniture and domestic IT (Xinchuang)",
    description: "办公家具与国产高新技术产品。 / Office furniture and home-grown high-tech products.",
    categories: ["office-furniture", "high-tech-products", "cultural-creative", "intangible-heritage", "local-specialties"],
  },
  {
    code: "C",
    name: "租赁与服务",
    name_en: "Rentals and services",
    description: "设备、家具与车辆租赁，物业与节能改造服务。 / Equipment, furniture and vehicle rental; property and energy-retrofit services.",
    categories: ["equipment-rental", "furniture-rental", "vehicle-rental", "property-services", "energy-retrofit"],
  },
]

export const EXHIBITS_PER_ZONE = 10
/** GS1 company prefix of the demo tags (7 digits → SGTIN-96 partition 5). */
export const SHOWROOM_GTIN_PREFIX = "6971234"

/** The plinth (展台) label and the reader antenna under it: "A-01", "reader-a:1". */
export function plinthOf(zone: ZoneCode, position: number) {
  return { plinth: `${zone}-${String(position).padStart(2, "0")}`, antenna: `reader-${zone.toLowerCase()}:${position}` }
}

export interface ShowroomTagSeed {
  epc: string
  gtin: string
  serial: string
}

export interface ShowroomExhibitSeed {
  /** 1…30 over the whole centre; also the item reference of the exhibit's GTIN. */
  number: number
  zone: ZoneCode
  position: number
  plinth: string
  antenna: string
  product_handle: string
  tags: ShowroomTagSeed[]
}

/** Every third exhibit carries a second tag (a detachable part, a spare unit). */
export function tagsForExhibit(number: number): ShowroomTagSeed[] {
  const gtin = gtin13(SHOWROOM_GTIN_PREFIX, number)
  const serials = number % 3 === 0 ? [1, 2] : [1]
  return serials.map((serial) => ({ epc: encodeSgtin96(gtin, serial, SHOWROOM_GTIN_PREFIX.length), gtin, serial: String(serial) }))
}

/** The GTIN-13 of each of the 30 exhibits, in exhibit order. */
export const SHOWROOM_GTINS: string[] = Array.from({ length: EXHIBITS_PER_ZONE * SHOWROOM_ZONES.length }, (_, i) =>
  gtin13(SHOWROOM_GTIN_PREFIX, i + 1)
)

/** Every seeded tag (exhibit number, GTIN, serial, EPC hex). */
export const SHOWROOM_TAGS: (ShowroomTagSeed & { exhibit: number })[] = SHOWROOM_GTINS.flatMap((_, i) =>
  tagsForExhibit(i + 1).map((tag) => ({ ...tag, exhibit: i + 1 }))
)

/**
 * Which showroom-channel products stand on which plinth: per zone, its categories take turns
 * (products of one category by handle), so each zone shows a spread. Pure and deterministic.
 */
export function planExhibits(catalogue: Pick<Catalogue, "products">): ShowroomExhibitSeed[] {
  const shown = catalogue.products.filter((p) => p.channels.includes("showroom"))
  const plan: ShowroomExhibitSeed[] = []
  for (const zone of SHOWROOM_ZONES) {
    const queues = zone.categories.map((category) =>
      shown.filter((p) => p.category_handle === category).sort((a, b) => a.handle.localeCompare(b.handle))
    )
    const picked: ProductSeed[] = []
    while (picked.length < EXHIBITS_PER_ZONE && queues.some((q) => q.length)) {
      for (const queue of queues) {
        const next = queue.shift()
        if (next && picked.length < EXHIBITS_PER_ZONE) picked.push(next)
      }
    }
    if (picked.length < EXHIBITS_PER_ZONE) {
      throw new Error(`zone ${zone.code}: only ${picked.length} showroom products in ${zone.categories.join(", ")}`)
    }
    picked.forEach((product, i) => {
      const number = plan.length + 1
      plan.push({ number, zone: zone.code, position: i + 1, ...plinthOf(zone.code, i + 1), product_handle: product.handle, tags: tagsForExhibit(number) })
    })
  }
  return plan
}

// ---------------------------------------------------------------------------
// Kiosks
// ---------------------------------------------------------------------------

export interface ShowroomKioskSeed {
  name: string
  zone: ZoneCode
}

export const SHOWROOM_KIOSKS: ShowroomKioskSeed[] = SHOWROOM_ZONES.map((zone) => ({ name: `${zone.code} 区触摸屏 Kiosk ${zone.code}`, zone: zone.code }))

/** A demo kiosk's key: derived from the demo password (SUPPLIER_PASSWORD) and the kiosk's name. */
export function demoKioskKeyFor(password: string, kiosk: Pick<ShowroomKioskSeed, "name">): IssuedKioskKey {
  return demoKioskKey(password, kiosk.name)
}

// ---------------------------------------------------------------------------
// Monthly themes (一月一主题)
// ---------------------------------------------------------------------------

export const SHOWROOM_TIME_ZONE = "Asia/Shanghai"

/** Year and month (1–12) of an instant on China Standard Time. */
export function shanghaiMonth(at: Date): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: SHOWROOM_TIME_ZONE, year: "numeric", month: "2-digit" }).formatToParts(at)
  return { year: Number(parts.find((p) => p.type === "year")!.value), month: Number(parts.find((p) => p.type === "month")!.value) }
}

/** Calendar day (YYYY-MM-DD) of an instant on China Standard Time. */
export function shanghaiDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: SHOWROOM_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at)
}

/**
 * A theme's date range: first and last calendar day of the month, inclusive, each stored as the
 * start of that day in Shanghai (00:00 +08:00), as the showroom plugin's admin routes store them.
 */
export function monthRange(year: number, month: number): { starts_on: Date; ends_on: Date } {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const day = (d: number) => `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`
  return { starts_on: shanghaiTime(day(1), "00:00"), ends_on: shanghaiTime(day(lastDay), "00:00") }
}

export function nextMonth({ year, month }: { year: number; month: number }) {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 }
}

/** An instant given as a China Standard Time wall-clock time (UTC+8, no daylight saving). */
export function shanghaiTime(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+08:00`)
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

interface ThemeIdea {
  title: string
  title_en: string
  story: string
  story_en: string
  /** Zones whose exhibits the theme features. */
  zones: ZoneCode[]
  events: { title: string; title_en: string; description: string; location: string; capacity: number; time: [string, string] }[]
}

/** One idea per calendar month; the seed writes the current month's and the next. */
export const THEME_IDEAS: Record<number, ThemeIdea> = {
  1: idea("新春办公焕新季", "New Year office refresh", "新年新气象：从打印复印到会议音视频，一站焕新办公设备。", "A new year, a new office: refresh printers, copiers and conference AV in one place.", ["A"], "办公设备以旧换新讲座", "Trade-in talk: office equipment"),
  2: idea("开学季·校园采购月", "Back-to-school procurement month", "为学校与教育机构准备的家具、设备与租赁方案。", "Furniture, equipment and rentals for schools and education bodies.", ["B", "C"], "校园采购政策解读", "Campus procurement rules explained"),
  3: idea("绿色节能月", "Green energy month", "节能照明与节能改造服务，算清每一度电。", "Efficient lighting and energy-retrofit services: count every kilowatt-hour.", ["A", "C"], "公共机构节能改造案例分享", "Energy retrofits in public buildings: case studies"),
  4: idea("信创国产化体验月", "Domestic IT (Xinchuang) month", "国产高新技术产品集中展示，现场体验兼容与适配。", "Home-grown high-tech products on show; try compatibility on the spot.", ["B"], "信创产品适配现场演示", "Xinchuang compatibility demo"),
  5: idea("共享租赁月", "Sharing and rental month", "用租赁代替购置：设备、家具与车辆灵活租用。", "Rent rather than buy: flexible rental of equipment, furniture and vehicles.", ["C"], "租赁与购置成本对比讲座", "Rent vs buy: a cost talk"),
  6: idea("安全生产月", "Workplace safety month", "办公与物业安全：从设备到服务。", "Safety in offices and buildings, from equipment to services.", ["A", "C"], "物业安全服务开放日", "Property safety services open day"),
  7: idea("蜀地非遗文创月", "Sichuan heritage and crafts month", "非遗手工艺与地方文创，公务接待的好选择。", "Intangible-heritage crafts and local creative products for official hospitality.", ["B"], "非遗手工艺现场展示", "Live heritage craft demonstration"),
  8: idea("智慧会议室月", "Smart meeting room month", "会议音视频与协作设备，一键开会。", "Conference AV and collaboration kit: meetings at one touch.", ["A"], "智慧会议室搭建工作坊", "Smart meeting room workshop"),
  9: idea("秋季办公家具节", "Autumn office furniture fair", "人体工学办公家具，现场试坐试用。", "Ergonomic office furniture to sit on and try.", ["B"], "人体工学办公讲座", "Ergonomics at work talk"),
  10: idea("数字办公月", "Digital office month", "计算机外设与打印复印，无纸化办公从这里开始。", "Computers, peripherals and printing: the paperless office starts here.", ["A"], "无纸化办公方案分享", "Paperless office in practice"),
  11: idea("节能办公体验月", "Energy-saving office month", "从节能照明到节能改造服务，体验看得见的节能效果。", "From efficient lighting to retrofit services: see the savings for yourself.", ["A", "C"], "节能办公设备体验课", "Hands-on: energy-saving office equipment"),
  12: idea("年终采购服务月", "Year-end procurement month", "年底集中采购：设备、家具、租赁与服务一站比选。", "Year-end purchasing: compare equipment, furniture, rentals and services in one visit.", ["A", "B", "C"], "年终集中采购答疑会", "Year-end procurement Q&A"),
}

function idea(title: string, title_en: string, story: string, story_en: string, zones: ZoneCode[], talk: string, talk_en: string): ThemeIdea {
  return {
    title,
    title_en,
    story,
    story_en,
    zones,
    events: [
      { title: talk, title_en: talk_en, description: `${story} / ${story_en}`, location: "体验中心多功能厅 Multi-purpose hall", capacity: 30, time: ["14:00", "16:00"] },
      { title: `${title}·开放参观日`, title_en: `${title_en}: open day`, description: "讲解员带领参观三个展区，可现场拿起展品体验。 / Guided tour of the three zones; pick up the exhibits and try them.", location: "体验中心 A 区入口 Zone A entrance", capacity: 40, time: ["09:30", "11:30"] },
    ],
  }
}

export interface ThemeEventPlan {
  title: string
  title_en: string
  description: string
  location: string
  capacity: number
  starts_at: Date
  ends_at: Date
  signup_closes_at: Date
}

export interface ThemePlan {
  key: "current" | "next"
  title: string
  title_en: string
  story: string
  story_en: string
  zones: ZoneCode[]
  starts_on: Date
  ends_on: Date
  events: ThemeEventPlan[]
}

/**
 * The current month's and the next month's theme as of `seedDate` (China Standard Time), two
 * events each. The current month's events are still ahead (2 and 9 days after the seed date);
 * the next month's are on its 10th and 20th. Sign-up closes 2 hours before an event starts.
 */
export function planThemes(seedDate: Date): ThemePlan[] {
  const today = shanghaiDay(seedDate)
  const current = shanghaiMonth(seedDate)
  const next = nextMonth(current)
  const plans: ThemePlan[] = []
  for (const [key, month, days] of [
    ["current", current, [addDays(today, 2), addDays(today, 9)]],
    ["next", next, [`${next.year}-${String(next.month).padStart(2, "0")}-10`, `${next.year}-${String(next.month).padStart(2, "0")}-20`]],
  ] as const) {
    const theme = THEME_IDEAS[month.month]
    const range = monthRange(month.year, month.month)
    const suffix = ` · ${month.year} 年 ${month.month} 月`
    plans.push({
      key,
      title: `${theme.title}${suffix}`,
      title_en: `${theme.title_en} · ${month.year}-${String(month.month).padStart(2, "0")}`,
      story: theme.story,
      story_en: theme.story_en,
      zones: theme.zones,
      ...range,
      events: theme.events.map((event, i) => {
        const starts_at = shanghaiTime(days[i], event.time[0])
        return {
          title: event.title,
          title_en: event.title_en,
          description: event.description,
          location: event.location,
          capacity: event.capacity,
          starts_at,
          ends_at: shanghaiTime(days[i], event.time[1]),
          signup_closes_at: new Date(starts_at.getTime() - 2 * 3600_000),
        }
      }),
    })
  }
  return plans
}
