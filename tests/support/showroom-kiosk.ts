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
/** A calendar day in Asia/Shanghai, offsetDays from today, as YYYY-MM-DD. */
function shanghaiDay(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)
}

async function adminPost<T = any>(path: string, body: unknown, expected = 201): Promise<T> {
  const r = await admin(path, { method: "POST", body: JSON.stringify(body) })
  if (r.status !== expected) throw new Error(`POST ${path}: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body as T
}

async function adminDelete(path: string): Promise<void> {
  const r = await admin(path, { method: "DELETE" })
  if (r.status >= 300) throw new Error(`DELETE ${path}: ${r.status} ${JSON.stringify(r.body)}`)
}

/**
 * A centre with two zones (A: two exhibits, B: one), one tag each, a current and a next theme,
 * a draft theme, a withdrawn exhibit and a retired tag — all through the admin API — and one
 * sign-up of 3 for the current theme's event through the store API.
 */
export async function createTestShowroom(label: string, productSkip = 0): Promise<TestShowroom> {
  const products = await seededProducts(3, productSkip)
  const s = rand()
  const name = `测试体验中心 ${label} ${s}`
  const centreBody = await adminPost("/admin/showroom/centres", { name, name_en: `Test centre ${s}`, address: "成都市高新区天府大道 1 号", opening_hours: "周一至周五 9:00–17:30" })
  const centre = { id: centreBody.centre.id as string, name }
  const zones: TestShowroom["zones"] = []
  for (const [rank, z] of [{ code: "A", name: "办公设备" }, { code: "B", name: "家具与信创" }].entries()) {
    const body = await adminPost("/admin/showroom/zones", { centre_id: centre.id, code: z.code, name: z.name, name_en: `Zone ${z.code}`, rank })
    zones.push({ id: body.zone.id, code: z.code, name: z.name })
  }
  const exhibits: TestShowroom["exhibits"] = []
  for (const [i, product] of products.entries()) {
    const zone = zones[i < 2 ? 0 : 1]
    const antenna = `reader-${s}-${zone.code}:${i + 1}`
    const epc = randomEpc()
    const body = await adminPost("/admin/showroom/exhibits", { zone_id: zone.id, product_id: product.id, variant_id: product.variant_id, plinth: `P-${i + 1}`, antenna, rank: i, tags: [{ epc }] })
    exhibits.push({ id: body.exhibit.id, zone_id: zone.id, antenna, epc, product })
  }
  // A withdrawn exhibit and a retired tag never reach a kiosk.
  const withdrawn = await adminPost("/admin/showroom/exhibits", { zone_id: zones[0].id, product_id: products[0].id, variant_id: products[0].variant_id, plinth: "P-9", antenna: "reader-x:9" })
  await adminDelete(`/admin/showroom/exhibits/${withdrawn.exhibit.id}`)
  const retired = await adminPost(`/admin/showroom/exhibits/${exhibits[0].id}/tags`, { epc: randomEpc() })
  await adminDelete(`/admin/showroom/tags/${retired.tag.id}`)

  const theme = async (title: string, from: number, to: number, status: "draft" | "published", extra: Record<string, unknown> = {}) =>
    (await adminPost("/admin/showroom/themes", { centre_id: centre.id, title, starts_on: shanghaiDay(from), ends_on: shanghaiDay(to), status, ...extra })).theme.id as string
  const currentTitle = `本月主题 ${s}`
  const currentId = await theme(currentTitle, -3, 3, "published", {
    title_en: `This month ${s}`,
    story: "一月一主题",
    hero_media: [{ url: "https://example.com/hero.jpg", kind: "image", alt: "hero" }],
    featured_product_ids: [products[0].id],
    featured_exhibit_ids: [exhibits[0].id],
  })
  const nextTitle = `下月主题 ${s}`
  const nextId = await theme(nextTitle, 4, 30, "published")
  const draftId = await theme(`草稿 ${s}`, -1, 1, "draft")
  const starts = new Date(Date.now() + 2 * 86_400_000)
  const capacity = 30
  const event = await adminPost(`/admin/showroom/themes/${currentId}/events`, {
    title: "信创产品体验日",
    location: "A 区",
    starts_at: starts.toISOString(),
    ends_at: new Date(starts.getTime() + 2 * 3600_000).toISOString(),
    capacity,
  })
  const eventId = event.event.id as string
  const signup = await fetch(`${backendUrl()}/store/showroom/events/${eventId}/signups`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-publishable-api-key": testStack().facts.publishable_keys.online.token },
    body: JSON.stringify({ name: "张三", phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`, party_size: 3 }),
  })
  if (signup.status !== 201) throw new Error(`sign-up: ${signup.status} ${await signup.text()}`)
  return {
    centre,
    zones,
    exhibits,
    theme: { id: currentId, title: currentTitle, event_id: eventId, capacity },
    nextTheme: { id: nextId, title: nextTitle },
    draftTheme: { id: draftId },
  }
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
