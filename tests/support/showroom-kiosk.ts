import crypto from "node:crypto"
import { Client } from "pg"
import { admin, backendUrl } from "./http"
import { testStack } from "./stack"

/**
 * Setup for the kiosk API tests: a centre with zones, exhibits of seeded products with RFID tags,
 * and published themes. Centres, zones, exhibits, tags and themes have their own admin routes
 * (helper backend-admin's, not on this branch yet), so this TEST SETUP writes those rows straight
 * into the test database; every kiosk, key and event under test goes through the real routes.
 * After the merge this can switch to the admin routes.
 */

const rand = () => crypto.randomBytes(8).toString("hex")
export const randomEpc = () => crypto.randomBytes(12).toString("hex").toUpperCase()

export interface TestProduct {
  id: string
  title: string
  handle: string
  variant_id: string
  price: number | null
}

export interface TestShowroom {
  centre: { id: string; name: string }
  zones: { id: string; code: string; name: string }[]
  exhibits: { id: string; zone_id: string; antenna: string; epc: string; product: TestProduct }[]
  theme: { id: string; title: string; event_id: string; capacity: number }
  nextTheme: { id: string; title: string }
  draftTheme: { id: string }
}

async function withDb<T>(fn: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: testStack().databaseUrl })
  await db.connect()
  try {
    return await fn(db)
  } finally {
    await db.end()
  }
}

export function sql<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
  return withDb(async (db) => (await db.query(text, params)).rows as T[])
}

/** Published products of the seeded catalogue with a CNY price on their first variant. */
export async function seededProducts(count: number, skip = 0): Promise<TestProduct[]> {
  const r = await admin(`/admin/products?limit=${count}&offset=${skip}&order=handle&fields=id,title,handle,*variants,*variants.prices`)
  if (r.status !== 200) throw new Error(`products: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body.products.map((p: any) => {
    const v = p.variants[0]
    const price = (v.prices ?? []).find((x: any) => x.currency_code === "cny")?.amount ?? null
    return { id: p.id, title: p.title, handle: p.handle, variant_id: v.id, price: price === null ? null : Number(price) }
  })
}

/** YYYY-MM-DD of today ± days in Asia/Shanghai, as a UTC-midnight timestamp (how date columns read back). */
function shanghaiDate(offsetDays: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000)
  return `${d.toISOString().slice(0, 10)}T00:00:00Z`
}

/** A centre with two zones (A: two exhibits, B: one), one tag each, a current and a next theme. */
export async function createTestShowroom(label: string, productSkip = 0): Promise<TestShowroom> {
  const products = await seededProducts(3, productSkip)
  const s = rand()
  const centre = { id: `xctr_t${s}`, name: `测试体验中心 ${label} ${s}` }
  const zones = [
    { id: `xzon_ta${s}`, code: "A", name: "办公设备" },
    { id: `xzon_tb${s}`, code: "B", name: "家具与信创" },
  ]
  const exhibits = products.map((product, i) => {
    const zone = zones[i < 2 ? 0 : 1]
    return { id: `xexh_t${i}${s}`, zone_id: zone.id, antenna: `reader-${s}-${zone.code}:${i + 1}`, epc: randomEpc(), product }
  })
  const theme = { id: `xthm_tc${s}`, title: `本月主题 ${s}`, event_id: `xevt_t${s}`, capacity: 30 }
  const nextTheme = { id: `xthm_tn${s}`, title: `下月主题 ${s}` }
  const draftTheme = { id: `xthm_td${s}` }
  await withDb(async (db) => {
    await db.query("begin")
    await db.query(`insert into showroom_centre (id, name, name_en, address, opening_hours) values ($1, $2, $3, '成都市高新区天府大道 1 号', '周一至周五 9:00–17:30')`, [centre.id, centre.name, `Test centre ${s}`])
    for (const [rank, z] of zones.entries())
      await db.query(`insert into showroom_zone (id, code, name, name_en, rank, centre_id) values ($1, $2, $3, $4, $5, $6)`, [z.id, z.code, z.name, `Zone ${z.code}`, rank, centre.id])
    for (const [rank, e] of exhibits.entries()) {
      await db.query(`insert into showroom_exhibit (id, product_id, variant_id, plinth, antenna, rank, status, zone_id) values ($1, $2, $3, $4, $5, $6, 'on_display', $7)`, [e.id, e.product.id, e.product.variant_id, `P-${rank + 1}`, e.antenna, rank, e.zone_id])
      await db.query(`insert into showroom_rfid_tag (id, epc, scheme, status, exhibit_id) values ($1, $2, 'raw', 'active', $3)`, [`xtag_t${rank}${s}`, e.epc, e.id])
    }
    // A withdrawn exhibit and a retired tag never reach a kiosk.
    await db.query(`insert into showroom_exhibit (id, product_id, variant_id, plinth, antenna, status, zone_id) values ($1, $2, $3, 'P-9', 'reader-x:9', 'withdrawn', $4)`, [`xexh_tw${s}`, products[0].id, products[0].variant_id, zones[0].id])
    await db.query(`insert into showroom_rfid_tag (id, epc, scheme, status, exhibit_id) values ($1, $2, 'raw', 'retired', $3)`, [`xtag_tr${s}`, randomEpc(), exhibits[0].id])
    const themeSql = `insert into showroom_theme (id, title, title_en, story, hero_media, starts_on, ends_on, featured_product_ids, featured_exhibit_ids, status, centre_id)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`
    await db.query(themeSql, [theme.id, theme.title, `This month ${s}`, "一月一主题", { items: [{ url: "https://example.com/hero.jpg", kind: "image", alt: "hero" }] }, shanghaiDate(-3), shanghaiDate(3), { ids: [products[0].id] }, { ids: [exhibits[0].id] }, "published", centre.id])
    await db.query(themeSql, [nextTheme.id, nextTheme.title, null, null, { items: [] }, shanghaiDate(4), shanghaiDate(30), { ids: [] }, { ids: [] }, "published", centre.id])
    await db.query(themeSql, [draftTheme.id, `草稿 ${s}`, null, null, { items: [] }, shanghaiDate(-1), shanghaiDate(1), { ids: [] }, { ids: [] }, "draft", centre.id])
    const starts = new Date(Date.now() + 2 * 86_400_000)
    await db.query(`insert into showroom_theme_event (id, title, location, starts_at, ends_at, capacity, theme_id) values ($1, '信创产品体验日', 'A 区', $2, $3, $4, $5)`, [theme.event_id, starts, new Date(starts.getTime() + 2 * 3600_000), theme.capacity, theme.id])
    await db.query(`insert into showroom_event_signup (id, name, phone, party_size, status, event_id) values ($1, '张三', '13800000000', 3, 'confirmed', $2), ($3, '李四', '13900000000', 2, 'cancelled', $2)`, [`xsgn_t1${s}`, theme.event_id, `xsgn_t2${s}`])
    await db.query("commit")
  })
  return { centre, zones, exhibits, theme, nextTheme, draftTheme }
}

/** Creates a kiosk through the admin route; returns the kiosk and its (once-shown) key. */
export async function createKiosk(input: { centre_id: string; zone_id: string; name: string; antennas: string[] }) {
  const r = await admin("/admin/showroom/kiosks", { method: "POST", body: JSON.stringify(input) })
  if (r.status !== 201) throw new Error(`create kiosk: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body as { kiosk: { id: string; name: string; key_id: string }; key: string }
}

export function kioskFetch(key: string | null, path: string, init: RequestInit = {}, scheme = "Kiosk") {
  const headers = new Headers(init.headers)
  if (key !== null) headers.set("authorization", `${scheme} ${key}`)
  if (init.body) headers.set("content-type", "application/json")
  return fetch(backendUrl(path), { ...init, headers })
}

export async function kiosk<T = any>(key: string | null, path: string, init: RequestInit = {}) {
  const response = await kioskFetch(key, path, init)
  const text = await response.text()
  let body: any = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // not JSON
  }
  return { status: response.status, body: body as T, headers: response.headers }
}

export const postEvents = (key: string, events: unknown[]) => kiosk(key, "/kiosk/events", { method: "POST", body: JSON.stringify({ events }) })

export function tagEvent(epc: string, antenna: string | null, type: "lift" | "replace" = "lift", extra: Record<string, unknown> = {}) {
  return { id: crypto.randomUUID(), type, epc, antenna, occurred_at: new Date().toISOString(), ...(type === "replace" ? { dwell_ms: 4200 } : {}), ...extra }
}

export interface SseMessage {
  event: string
  data: any
  id?: string
}

/** Reads a Server-Sent Events response message by message. */
export class SseReader {
  private buffer = ""
  private readonly queue: SseMessage[] = []
  private waiters: (() => void)[] = []
  ended = false
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>

  constructor(readonly response: Response, private readonly abort: AbortController) {
    this.reader = response.body!.getReader()
    void this.pump()
  }

  private async pump() {
    const decoder = new TextDecoder()
    try {
      for (;;) {
        const { value, done } = await this.reader.read()
        if (done) break
        this.buffer += decoder.decode(value, { stream: true })
        let idx
        while ((idx = this.buffer.indexOf("\n\n")) >= 0) {
          const block = this.buffer.slice(0, idx)
          this.buffer = this.buffer.slice(idx + 2)
          const message: SseMessage = { event: "message", data: null }
          const data: string[] = []
          let any = false
          for (const line of block.split("\n")) {
            if (!line || line.startsWith(":")) continue
            const [field, ...rest] = line.split(":")
            const value = rest.join(":").replace(/^ /, "")
            if (field === "event") (message.event = value), (any = true)
            else if (field === "data") data.push(value), (any = true)
            else if (field === "id") message.id = value
          }
          if (!any) continue
          const raw = data.join("\n")
          try {
            message.data = JSON.parse(raw)
          } catch {
            message.data = raw
          }
          this.queue.push(message)
        }
        this.wake()
      }
    } catch {
      // aborted
    }
    this.ended = true
    this.wake()
  }

  private wake() {
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }

  /** The next message of that event type (skipping others), or throws after `timeoutMs`. */
  async next(event: string, timeoutMs = 15_000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const i = this.queue.findIndex((m) => m.event === event)
      if (i >= 0) return this.queue.splice(i, 1)[0]
      if (this.ended) throw new Error(`stream ended before "${event}"`)
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`no "${event}" within ${timeoutMs} ms (got ${this.queue.map((m) => m.event).join(", ") || "nothing"})`)
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left)
        this.waiters.push(() => (clearTimeout(t), resolve()))
      })
    }
  }

  /** Every message received so far of that type. */
  taken(event: string): SseMessage[] {
    return this.queue.filter((m) => m.event === event)
  }

  async waitEnded(timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs
    while (!this.ended && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    return this.ended
  }

  close() {
    this.abort.abort()
  }
}

export async function openStream(key: string, kioskId: string): Promise<{ status: number; reader: SseReader | null; body: any }> {
  const abort = new AbortController()
  const response = await kioskFetch(key, `/kiosk/kiosks/${kioskId}/stream`, { signal: abort.signal, headers: { accept: "text/event-stream" } })
  if (response.status !== 200) {
    const body = await response.json().catch(() => null)
    return { status: response.status, reader: null, body }
  }
  return { status: 200, reader: new SseReader(response, abort), body: null }
}
