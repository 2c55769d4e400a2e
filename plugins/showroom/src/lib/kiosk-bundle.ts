import crypto from "node:crypto"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { antennaList, showroomService, type KioskActor } from "./kiosk-auth"
import type { KioskBundle, KioskExhibit, KioskProduct, KioskTheme, LocalizedRow } from "./kiosk-types"

/**
 * GET /kiosk/bundle: everything a kiosk shows, for working offline — its centre and zones, the
 * exhibits on display in the centre with their active tags' EPCs and product pages, today's
 * and the next published theme (Asia/Shanghai days) with their events and seats left.
 * `version` hashes the content (not generated_at), so it changes exactly when what the kiosk
 * shows changes; it is the ETag.
 */

type Row = Record<string, any>
type Scope = { resolve: (key: string) => any }

const SHANGHAI_OFFSET_MS = 8 * 3600_000
const DAY_MS = 24 * 3600_000

/** [start, end) of the Asia/Shanghai calendar day holding `now` (China has no DST). */
export function shanghaiDay(now: Date): { start: Date; end: Date } {
  const local = now.getTime() + SHANGHAI_OFFSET_MS
  const startLocal = local - (((local % DAY_MS) + DAY_MS) % DAY_MS)
  return { start: new Date(startLocal - SHANGHAI_OFFSET_MS), end: new Date(startLocal - SHANGHAI_OFFSET_MS + DAY_MS) }
}

/**
 * The calendar day a theme date means. Dates stored as UTC midnight ("2026-11-01" parsed) read as
 * that UTC date; anything else as the Asia/Shanghai date of the instant.
 */
export function calendarDate(value: Date | string): string {
  const d = new Date(value)
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return d.toISOString().slice(0, 10)
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** Does an If-None-Match header name this ETag (strong or weak, in a list, or `*`)? */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  const bare = etag.replace(/^W\//, "")
  return header.split(",").some((part) => {
    const t = part.trim()
    return t === "*" || t.replace(/^W\//, "") === bare
  })
}

export function storefrontUrl(): string {
  return (process.env.STOREFRONT_URL || "http://localhost:5173").replace(/\/+$/, "")
}

/** Where the backend is reached from outside (MEDUSA_BACKEND_URL), for relative media URLs. */
export function backendBaseUrl(): string {
  return (process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/+$/, "")
}

/**
 * Media URLs as the kiosk needs them: absolute ones as stored; the seed's `/media/…` paths are
 * served by the backend, so they get its origin (the agent proxies and caches them by URL).
 */
export function absoluteUrl(url: string, baseUrl = backendBaseUrl()): string {
  const base = baseUrl.replace(/\/+$/, "")
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url
  if (url.startsWith("//")) return `${new URL(base).protocol}${url}`
  return `${base}${url.startsWith("/") ? "" : "/"}${url}`
}

export function idleTimeoutMs(): number {
  const n = Number(process.env.GWC_KIOSK_IDLE_MS)
  return Number.isFinite(n) && n >= 5_000 ? Math.round(n) : 60_000
}

const YES_NO = { true: "是 / Yes", false: "否 / No" }

function specValue(value: unknown, unit: unknown): string | null {
  if (value === null || value === undefined || value === "") return null
  if (typeof value === "boolean") return YES_NO[String(value) as "true" | "false"]
  const u = typeof unit === "string" && unit ? (/^[A-Za-z%]/.test(unit) && unit !== "%" ? ` ${unit}` : unit) : ""
  return `${value}${u}`
}

const TERM_KEYS = new Set(["min_rental_period", "deposit_cny", "delivery_included", "insurance_included", "driver_included", "service_area", "service_hours", "team_size"])

const PERIOD_LABELS: Record<string, { zh: string; en: string }> = {
  day: { zh: "按天", en: "per day" },
  week: { zh: "按周", en: "per week" },
  month: { zh: "按月", en: "per month" },
}
const DELIVERY_MODES: Record<string, string> = {
  onsite: "上门服务 / on site",
  remote: "远程服务 / remote",
  both: "上门或远程 / on site or remote",
}

const cny = new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY" })

/** Key specs (at most 8) and rental / service terms from the product's metadata. */
export function specsAndTerms(metadata: Row | null | undefined): { specs: LocalizedRow[]; terms: LocalizedRow[] } {
  const specs: LocalizedRow[] = []
  const terms: LocalizedRow[] = []
  const list = Array.isArray(metadata?.specs) ? (metadata!.specs as Row[]) : []
  for (const spec of list) {
    const value = specValue(spec?.value, spec?.unit)
    if (!value || typeof spec.key !== "string") continue
    const row = { label_zh: String(spec.label_zh ?? spec.key), label_en: String(spec.label_en ?? spec.key), value }
    if (TERM_KEYS.has(spec.key)) terms.push(row)
    else if (specs.length < 8) specs.push(row)
  }
  const rental = metadata?.rental as Row | undefined
  if (rental) {
    const period = PERIOD_LABELS[String(rental.period_unit)]
    if (period) terms.unshift({ label_zh: "计费方式", label_en: "Billing period", value: `${period.zh} / ${period.en}` })
    if (!terms.some((t) => t.label_en === "Deposit") && Number.isFinite(Number(rental.deposit_cny)))
      terms.push({ label_zh: "押金", label_en: "Deposit", value: cny.format(Number(rental.deposit_cny)) })
  }
  const service = metadata?.service as Row | undefined
  if (service) {
    if (Number.isFinite(Number(service.response_hours)))
      terms.push({ label_zh: "响应时间", label_en: "Response time", value: `${service.response_hours} 小时 / hours` })
    if (typeof service.coverage === "string" && service.coverage)
      terms.push({ label_zh: "服务范围", label_en: "Coverage", value: service.coverage })
    if (DELIVERY_MODES[String(service.delivery_mode)])
      terms.push({ label_zh: "服务方式", label_en: "Delivery mode", value: DELIVERY_MODES[String(service.delivery_mode)] })
  }
  return { specs, terms }
}

function themeView(theme: Row, signupsByEvent: Map<string, number>): KioskTheme {
  const ids = (v: unknown) => {
    const list = (v as { ids?: unknown } | null)?.ids
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : []
  }
  const items = (theme.hero_media as { items?: unknown } | null)?.items
  return {
    id: theme.id,
    title: theme.title,
    title_en: theme.title_en ?? null,
    story: theme.story ?? null,
    story_en: theme.story_en ?? null,
    hero_media: (Array.isArray(items) ? items : [])
      .filter((m: Row) => m && typeof m.url === "string")
      .map((m: Row) => ({ url: absoluteUrl(m.url), kind: m.kind === "video" ? "video" : "image", ...(m.alt ? { alt: String(m.alt) } : {}) })),
    starts_on: calendarDate(theme.starts_on),
    ends_on: calendarDate(theme.ends_on),
    featured_product_ids: ids(theme.featured_product_ids),
    featured_exhibit_ids: ids(theme.featured_exhibit_ids),
    events: ((theme.events ?? []) as Row[])
      .filter((e) => e && !e.deleted_at)
      .sort((a, b) => new Date(a.starts_at).getTime() - new Date(b.starts_at).getTime())
      .map((e) => ({
        id: e.id,
        title: e.title,
        title_en: e.title_en ?? null,
        description: e.description ?? null,
        location: e.location ?? null,
        starts_at: new Date(e.starts_at).toISOString(),
        ends_at: new Date(e.ends_at).toISOString(),
        capacity: e.capacity,
        seats_left: Math.max(0, Number(e.capacity) - (signupsByEvent.get(e.id) ?? 0)),
      })),
  }
}

async function productsById(scope: Scope, productIds: string[]): Promise<Map<string, Row>> {
  if (!productIds.length) return new Map()
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: products }, suppliers] = await Promise.all([
    query.graph({
      entity: "product",
      fields: [
        "id", "handle", "title", "subtitle", "description", "thumbnail", "status", "metadata",
        "images.url", "images.rank",
        "variants.id", "variants.title", "variants.sku", "variants.prices.amount", "variants.prices.currency_code",
      ],
      filters: { id: productIds },
    }),
    // supplier ↔ product is a module link of plugins/supplier; read apart so a missing link
    // only costs the supplier name from the product's metadata.
    query
      .graph({ entity: "product", fields: ["id", "supplier.id", "supplier.company_name"], filters: { id: productIds } })
      .then((r: { data: Row[] }) => r.data)
      .catch(() => [] as Row[]),
  ])
  const supplierOf = new Map<string, Row>(suppliers.filter((p: Row) => p.supplier).map((p: Row) => [p.id, p.supplier]))
  return new Map(products.map((p: Row) => [p.id, { ...p, supplier: supplierOf.get(p.id) ?? null }]))
}

export function productView(product: Row, variantId: string, storefront: string): KioskProduct {
  const metadata = (product.metadata ?? {}) as Row
  const variants = (product.variants ?? []).filter(Boolean) as Row[]
  const variant = variants.find((v) => v.id === variantId) ?? variants[0] ?? null
  const price = ((variant?.prices ?? []) as Row[])
    .filter((p) => p?.currency_code === "cny" && Number.isFinite(Number(p.amount)))
    .map((p) => Number(p.amount))
    .sort((a, b) => a - b)[0]
  const images = ((product.images ?? []) as Row[])
    .filter((i) => i && typeof i.url === "string")
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .map((i) => absoluteUrl(i.url as string))
  const supplier = product.supplier
    ? { id: product.supplier.id as string, name: product.supplier.company_name as string }
    : typeof metadata.supplier_name === "string"
      ? { id: String(metadata.supplier_code ?? metadata.supplier_name), name: metadata.supplier_name }
      : null
  const { specs, terms } = specsAndTerms(metadata)
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    subtitle: product.subtitle ?? null,
    description: product.description ?? null,
    thumbnail: product.thumbnail ? absoluteUrl(product.thumbnail) : null,
    images: images.length ? images : product.thumbnail ? [absoluteUrl(product.thumbnail)] : [],
    kind: typeof metadata.offer_kind === "string" ? metadata.offer_kind : "goods",
    variant: { id: variant?.id ?? variantId, title: variant?.title ?? "", sku: variant?.sku ?? null },
    price: price === undefined ? null : { amount: price, currency_code: "cny" },
    supplier,
    specs,
    terms,
    url: `${storefront}/products/${encodeURIComponent(product.handle)}`,
  }
}

export function bundleVersion(bundle: Omit<KioskBundle, "version" | "generated_at">): string {
  return crypto.createHash("sha256").update(JSON.stringify(bundle)).digest("base64url").slice(0, 27)
}

export async function buildKioskBundle(scope: Scope, actor: KioskActor, now = new Date()): Promise<KioskBundle> {
  const showroom = showroomService(scope)
  const [kiosk] = await showroom.listKiosks({ id: actor.id }, { select: ["id", "name", "antennas", "centre_id", "zone_id"], take: 1 })
  const centreId = actor.centre_id
  const [centre, zones, themes] = await Promise.all([
    showroom.retrieveCentre(centreId),
    showroom.listZones({ centre_id: centreId }, { order: { rank: "ASC", code: "ASC" } }),
    showroom.listThemes({ centre_id: centreId, status: "published" }, { relations: ["events"], order: { starts_on: "ASC" } }),
  ])
  const zoneIds = zones.map((z) => z.id)
  const exhibits = zoneIds.length
    ? await showroom.listExhibits({ zone_id: zoneIds, status: "on_display" }, { relations: ["tags"], order: { rank: "ASC", created_at: "ASC" } })
    : []
  const products = await productsById(scope, [...new Set(exhibits.map((e) => e.product_id))])
  const storefront = storefrontUrl()

  const day = shanghaiDay(now)
  const current = themes.find((t) => new Date(t.starts_on) < day.end && new Date(t.ends_on) >= day.start) ?? null
  const next = themes.find((t) => t.id !== current?.id && new Date(t.starts_on) >= day.end) ?? null
  const eventIds = [current, next].flatMap((t) => ((t?.events ?? []) as Row[]).map((e) => e.id))
  const signups = eventIds.length ? await showroom.listEventSignups({ event_id: eventIds, status: "confirmed" }, { select: ["event_id", "party_size"] }) : []
  const seatsTaken = new Map<string, number>()
  for (const s of signups as Row[]) seatsTaken.set(s.event_id, (seatsTaken.get(s.event_id) ?? 0) + Number(s.party_size ?? 1))

  const zoneView = (z: Row) => ({ id: z.id, code: z.code, name: z.name, name_en: z.name_en ?? null })
  const ownZone = zones.find((z) => z.id === actor.zone_id)
  const exhibitViews: KioskExhibit[] = []
  for (const e of exhibits as Row[]) {
    const product = products.get(e.product_id)
    if (!product) continue
    exhibitViews.push({
      id: e.id,
      zone_id: e.zone_id,
      plinth: e.plinth ?? null,
      antenna: e.antenna ?? null,
      epcs: ((e.tags ?? []) as Row[]).filter((t) => t && t.status === "active" && !t.deleted_at).map((t) => String(t.epc).toUpperCase()).sort(),
      product: productView(product, e.variant_id, storefront),
    })
  }

  const content: Omit<KioskBundle, "version" | "generated_at"> = {
    kiosk: { id: actor.id, name: kiosk?.name ?? actor.name, antennas: antennaList(kiosk?.antennas ?? { ids: actor.antennas }) },
    centre: { id: centre.id, name: centre.name, name_en: centre.name_en ?? null, address: centre.address ?? null, opening_hours: centre.opening_hours ?? null },
    zone: ownZone ? zoneView(ownZone) : { id: actor.zone_id, code: "", name: "", name_en: null },
    zones: zones.map(zoneView),
    storefront_url: storefront,
    idle_timeout_ms: idleTimeoutMs(),
    theme: current ? themeView(current, seatsTaken) : null,
    next_theme: next ? themeView(next, seatsTaken) : null,
    exhibits: exhibitViews,
  }
  return { version: bundleVersion(content), generated_at: now.toISOString(), ...content }
}
