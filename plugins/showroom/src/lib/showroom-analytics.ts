import type { MedusaContainer } from "@medusajs/framework/types"
import { shanghaiMonthRange } from "./showroom-dates"
import { productSummaries } from "./showroom-products"
import { showroom } from "./showroom-service"

export interface ExhibitFigures {
  exhibit_id: string
  product_id: string | null
  title: string | null
  thumbnail: string | null
  zone_code: string | null
  plinth: string | null
  lifts: number
  dwell_ms_avg: number | null
  dwell_ms_total: number
  qr_scans: number
  orders: number
  revenue: number
}

export interface ShowroomAnalytics {
  month: string
  centre_id: string | null
  currency_code: "cny"
  totals: { lifts: number; dwell_ms_avg: number | null; qr_scans: number; orders: number; revenue: number }
  exhibits: ExhibitFigures[]
}

const round = (n: number) => Math.round(n * 100) / 100

/**
 * 展厅数据 for a month (Asia/Shanghai): lifts (拿起) from kiosk lift events, dwell time from
 * replace events, QR scans (a comparison scan counts for each of its exhibits, once in the
 * totals) and orders attributed to the showroom with their revenue. Exhibits sorted by lifts,
 * then scans, then orders.
 */
export async function showroomAnalytics(container: MedusaContainer, month: string, centreId?: string, limit = 100): Promise<ShowroomAnalytics> {
  const service = showroom(container)
  const { start, end } = shanghaiMonthRange(month)
  const centre = centreId ? { centre_id: centreId } : {}
  const [events, scans, attributions] = await Promise.all([
    service.listKioskEvents({ ...centre, occurred_at: { $gte: start, $lt: end } }, { select: ["type", "exhibit_id", "product_id", "dwell_ms"] }),
    service.listQrScans({ ...centre, created_at: { $gte: start, $lt: end } }, { select: ["exhibit_id", "exhibit_ids", "product_id"] }),
    service.listOrderAttributions({ ...centre, created_at: { $gte: start, $lt: end } }, { select: ["exhibit_id", "order_id", "total"] }),
  ])
  const figures = new Map<string, ExhibitFigures & { dwell_count: number }>()
  const of = (exhibitId: string) => {
    let f = figures.get(exhibitId)
    if (!f) {
      f = { exhibit_id: exhibitId, product_id: null, title: null, thumbnail: null, zone_code: null, plinth: null, lifts: 0, dwell_ms_avg: null, dwell_ms_total: 0, dwell_count: 0, qr_scans: 0, orders: 0, revenue: 0 }
      figures.set(exhibitId, f)
    }
    return f
  }
  let lifts = 0
  let dwellTotal = 0
  let dwellCount = 0
  for (const e of events) {
    if (e.type === "lift") {
      lifts++
      if (e.exhibit_id) of(e.exhibit_id).lifts++
    } else if (e.dwell_ms !== null && e.dwell_ms !== undefined) {
      dwellTotal += e.dwell_ms
      dwellCount++
      if (e.exhibit_id) {
        const f = of(e.exhibit_id)
        f.dwell_ms_total += e.dwell_ms
        f.dwell_count++
      }
    }
  }
  for (const s of scans) {
    const ids = new Set<string>(((s.exhibit_ids as { ids?: string[] } | null)?.ids ?? []).filter(Boolean))
    if (s.exhibit_id) ids.add(s.exhibit_id)
    for (const id of ids) of(id).qr_scans++
  }
  const orders = new Set<string>()
  let revenue = 0
  for (const a of attributions) {
    if (orders.has(a.order_id)) continue
    orders.add(a.order_id)
    revenue += Number(a.total ?? 0)
    if (a.exhibit_id) {
      const f = of(a.exhibit_id)
      f.orders++
      f.revenue += Number(a.total ?? 0)
    }
  }
  const ids = [...figures.keys()]
  const exhibits = ids.length ? await service.listExhibits({ id: ids }, { relations: ["zone"], withDeleted: true }) : []
  const products = await productSummaries(container, exhibits.map((e) => e.product_id))
  for (const e of exhibits) {
    const f = figures.get(e.id)!
    const p = products.get(e.product_id)
    Object.assign(f, { product_id: e.product_id, title: p?.title ?? null, thumbnail: p?.thumbnail ?? null, zone_code: e.zone?.code ?? null, plinth: e.plinth ?? null })
  }
  const rows = [...figures.values()]
    .map(({ dwell_count, ...f }) => ({ ...f, dwell_ms_avg: dwell_count ? Math.round(f.dwell_ms_total / dwell_count) : null, revenue: round(f.revenue) }))
    .sort((a, b) => b.lifts - a.lifts || b.qr_scans - a.qr_scans || b.orders - a.orders || a.exhibit_id.localeCompare(b.exhibit_id))
    .slice(0, limit)
  return {
    month,
    centre_id: centreId ?? null,
    currency_code: "cny",
    totals: { lifts, dwell_ms_avg: dwellCount ? Math.round(dwellTotal / dwellCount) : null, qr_scans: scans.length, orders: orders.size, revenue: round(revenue) },
    exhibits: rows,
  }
}
