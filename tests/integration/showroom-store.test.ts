// The experience centre's visitor API (plugins/showroom, /store/showroom/*) and its analytics on
// the real backend: current and upcoming monthly themes with events and seats left, event
// sign-ups (and every way they are refused), kiosk QR scans, the order.placed subscriber that
// attributes an order whose cart carried the scan, and /admin/showroom/analytics counting it all.

import crypto from "node:crypto"
import { beforeAll, describe, expect, it } from "vitest"
import { shanghaiDay, shanghaiMonth } from "../../plugins/showroom/src/lib/showroom-dates"
import { admin, backendUrl, store } from "../support/http"
import { registerCustomer } from "../support/orders"
import {
  catalogueProducts,
  createCentre,
  createExhibit,
  createZone,
  eventually,
  insertKiosk,
  placeOrderWithScan,
  post,
  revokeKioskRow,
  type CatalogueProduct,
} from "../support/showroom"

const DAY = 86_400_000
const addDays = (days: number) => shanghaiDay(new Date(Date.now() + days * DAY))

let products: CatalogueProduct[]
let centre: { id: string }
let zone: { id: string; code: string }
let exhibits: { id: string; tags: { epc: string }[] }[]
let kiosk: { id: string; key: string }

const signUp = (eventId: string, body: Record<string, unknown>) =>
  store(`/store/showroom/events/${eventId}/signups`, { init: { method: "POST", body: JSON.stringify(body) } })
const scan = (body: Record<string, unknown>, channel: "showroom" | "online" | null = "showroom") =>
  store("/store/showroom/scans", { channel, init: { method: "POST", body: JSON.stringify(body) } })
const phone = () => `13${String(crypto.randomInt(0, 1e9)).padStart(9, "0")}`

beforeAll(async () => {
  products = await catalogueProducts(4)
  centre = await createCentre("访客体验中心")
  zone = await createZone(centre.id, "A")
  exhibits = []
  for (const [i, product] of products.slice(0, 3).entries()) {
    exhibits.push(await createExhibit(zone.id, product, { plinth: `A-0${i + 1}`, antenna: `reader-a:${i + 1}`, tags: [{ epc: crypto.randomBytes(12).toString("hex") }] }))
  }
  kiosk = await insertKiosk(centre.id, zone.id, ["reader-a:1", "reader-a:2", "reader-a:3"])
})

describe("themes and event sign-ups", () => {
  let current: { id: string }
  let event: { id: string }

  beforeAll(async () => {
    const created = await post("/admin/showroom/themes", {
      centre_id: centre.id,
      title: "本月主题",
      starts_on: addDays(-3),
      ends_on: addDays(3),
      featured_exhibit_ids: [exhibits[0].id],
      status: "published",
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    current = created.body.theme
    const next = await post("/admin/showroom/themes", { centre_id: centre.id, title: "下月主题", starts_on: addDays(4), ends_on: addDays(30), status: "published" })
    expect(next.status).toBe(201)
    expect((await post("/admin/showroom/themes", { centre_id: centre.id, title: "草稿", starts_on: addDays(31), ends_on: addDays(40) })).status).toBe(201)
    expect((await post("/admin/showroom/themes", { centre_id: centre.id, title: "过去的主题", starts_on: addDays(-30), ends_on: addDays(-4), status: "published" })).status).toBe(201)
    const startsAt = new Date(Date.now() + 2 * DAY)
    const createdEvent = await post(`/admin/showroom/themes/${current.id}/events`, {
      title: "开放日",
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      capacity: 5,
    })
    expect(createdEvent.status).toBe(201)
    event = createdEvent.body.event
  })

  it("lists the current and upcoming published themes with events and seats left (no drafts, no past themes)", async () => {
    const response = await store(`/store/showroom/themes?centre_id=${centre.id}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.themes.map((t: { title: string }) => t.title)).toEqual(["本月主题", "下月主题"])
    expect(response.body.current_theme_id).toBe(current.id)
    expect(response.body.themes[0]).toMatchObject({ is_current: true, featured_exhibit_ids: [exhibits[0].id], centre: { id: centre.id } })
    expect(response.body.themes[1].is_current).toBe(false)
    expect(response.body.themes[0].events).toEqual([expect.objectContaining({ id: event.id, title: "开放日", capacity: 5, signup_open: true })])

    const noKey = await store(`/store/showroom/themes?centre_id=${centre.id}`, { channel: null })
    expect(noKey.status).toBe(400)
    expect((await store("/store/showroom/themes?centre=x")).status).toBe(400)
  })

  it("signs visitors up until the event is full; refuses the same phone, a full event, bad input and unknown events", async () => {
    const first = phone()
    const ok = await signUp(event.id, { name: "李四", phone: `+86 ${first}`, email: "lisi@example.cn", party_size: 3 })
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
    expect(ok.body.seats_left).toBe(2)
    expect(ok.body.signup.phone).toBe(`${first.slice(0, 3)}****${first.slice(-4)}`)

    const same = await signUp(event.id, { name: "李四", phone: first, party_size: 1 })
    expect(same.status).toBe(409)
    expect(same.body.message).toContain("已报名")

    const full = await signUp(event.id, { name: "王五", phone: phone(), party_size: 3 })
    expect(full.status).toBe(409)
    expect(full.body.message).toContain("2")

    const badPhone = await signUp(event.id, { name: "王五", phone: "12345", party_size: 1 })
    expect(badPhone.status).toBe(400)
    expect(badPhone.body.message).toMatch(/phone/)
    const tooMany = await signUp(event.id, { name: "王五", phone: phone(), party_size: 6 })
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.message).toMatch(/party_size/)
    const noName = await signUp(event.id, { phone: phone() })
    expect(noName.status).toBe(400)
    expect((await signUp("xevt_nope", { name: "王五", phone: phone() })).status).toBe(404)

    // Two visitors racing for the last two seats with two seats each: one gets them.
    const race = await Promise.all([signUp(event.id, { name: "赵六", phone: phone(), party_size: 2 }), signUp(event.id, { name: "钱七", phone: phone(), party_size: 2 })])
    expect(race.map((r) => r.status).sort()).toEqual([201, 409])

    const themes = await store(`/store/showroom/themes?centre_id=${centre.id}`)
    expect(themes.body.themes[0].events[0]).toMatchObject({ seats_left: 0, signup_open: false })
  })

  it("refuses sign-ups once closed, after the start, and for a draft theme's events", async () => {
    const soon = new Date(Date.now() + DAY)
    const closed = await post(`/admin/showroom/themes/${current.id}/events`, {
      title: "报名已截止",
      starts_at: soon.toISOString(),
      ends_at: new Date(soon.getTime() + 3_600_000).toISOString(),
      capacity: 10,
      signup_closes_at: new Date(Date.now() - 60_000).toISOString(),
    })
    const closedResponse = await signUp(closed.body.event.id, { name: "孙八", phone: phone() })
    expect(closedResponse.status).toBe(409)
    expect(closedResponse.body.message).toContain("截止")

    const started = await post(`/admin/showroom/themes/${current.id}/events`, {
      title: "已开始",
      starts_at: new Date(Date.now() - 3_600_000).toISOString(),
      ends_at: new Date(Date.now() + 3_600_000).toISOString(),
      capacity: 10,
    })
    const startedResponse = await signUp(started.body.event.id, { name: "孙八", phone: phone() })
    expect(startedResponse.status).toBe(409)
    expect(startedResponse.body.message).toContain("已开始")

    const draft = await post("/admin/showroom/themes", { centre_id: centre.id, title: "草稿活动主题", starts_on: addDays(60), ends_on: addDays(70) })
    const draftEvent = await post(`/admin/showroom/themes/${draft.body.theme.id}/events`, {
      title: "草稿活动",
      starts_at: soon.toISOString(),
      ends_at: new Date(soon.getTime() + 3_600_000).toISOString(),
      capacity: 10,
    })
    expect((await signUp(draftEvent.body.event.id, { name: "孙八", phone: phone() })).status).toBe(404)
  })
})

describe("QR scans, attribution and analytics", () => {
  it("records a scan from a kiosk's QR code and answers the products to open", async () => {
    const one = await scan({ kiosk_id: kiosk.id, exhibit_ids: [exhibits[0].id] })
    expect(one.status, JSON.stringify(one.body)).toBe(201)
    expect(one.body.scan.id).toMatch(/^xqrs_/)
    expect(one.body.products).toEqual([{ id: products[0].id, handle: products[0].handle, exhibit_id: exhibits[0].id }])

    const compare = await scan({ kiosk_id: kiosk.id, exhibit_ids: [exhibits[1].id, exhibits[2].id] }, "online")
    expect(compare.status).toBe(201)
    expect(compare.body.products.map((p: { handle: string }) => p.handle)).toEqual([products[1].handle, products[2].handle])
  })

  it("refuses scans from unknown or revoked kiosks (404), of exhibits in another centre (400), of too many exhibits (400)", async () => {
    expect((await scan({ kiosk_id: "xksk_nope", exhibit_ids: [exhibits[0].id] })).status).toBe(404)
    const revoked = await insertKiosk(centre.id, zone.id)
    await revokeKioskRow(revoked.id)
    expect((await scan({ kiosk_id: revoked.id, exhibit_ids: [exhibits[0].id] })).status).toBe(404)

    const other = await createCentre("别处体验中心")
    const otherZone = await createZone(other.id, "Z")
    const foreign = await createExhibit(otherZone.id, products[3])
    const outside = await scan({ kiosk_id: kiosk.id, exhibit_ids: [exhibits[0].id, foreign.id] })
    expect(outside.status).toBe(400)
    expect(outside.body.message).toContain(foreign.id)
    const five = await scan({ kiosk_id: kiosk.id, exhibit_ids: [1, 2, 3, 4, 5].map((i) => `xexh_${i}`) })
    expect(five.status).toBe(400)
    expect(five.body.message).toMatch(/exhibit_ids/)
    expect((await scan({ kiosk_id: kiosk.id, exhibit_ids: [] })).status).toBe(400)
    expect((await scan({ kiosk_id: kiosk.id, exhibit_ids: [exhibits[0].id] }, null)).status).toBe(400)
  })

  it("attributes an order placed with the scan in its cart (not orders without one), links it to the order, counts it in the month's analytics", async () => {
    const before = await admin(`/admin/showroom/analytics?centre_id=${centre.id}`)
    expect(before.status).toBe(200)
    expect(before.body.month).toBe(shanghaiMonth())

    const scanned = await scan({ kiosk_id: kiosk.id, exhibit_ids: [exhibits[2].id] })
    expect(scanned.status).toBe(201)
    const customer = await registerCustomer("showroom-visitor")
    const order = await placeOrderWithScan(customer, scanned.body.scan.id)
    // An order without a scan (and one with an unknown scan id) is not the showroom's.
    await placeOrderWithScan(customer, null)
    await placeOrderWithScan(customer, "xqrs_unknown")

    const adminOrder = await admin(`/admin/orders/${order.id}?fields=id,total,metadata`)
    expect(adminOrder.body.order.metadata.showroom_scan_id).toBe(scanned.body.scan.id)

    const after = await eventually(
      async () => {
        const r = await admin(`/admin/showroom/analytics?centre_id=${centre.id}`)
        return r.body.totals.orders > before.body.totals.orders ? r : null
      },
      30_000,
      "the attribution of the order"
    )
    expect(after.body.totals.orders).toBe(before.body.totals.orders + 1)
    expect(after.body.totals.revenue).toBeCloseTo(before.body.totals.revenue + Number(adminOrder.body.order.total), 2)
    const row = after.body.exhibits.find((e: { exhibit_id: string }) => e.exhibit_id === exhibits[2].id)
    expect(row).toMatchObject({ product_id: products[2].id, title: products[2].title, zone_code: "A", plinth: "A-03", orders: 1 })
    expect(row.revenue).toBeCloseTo(Number(adminOrder.body.order.total), 2)
    // Scans of this centre: exhibit 1 alone, exhibits 2 + 3 compared, exhibit 3 alone.
    expect(after.body.totals.qr_scans).toBe(3)
    expect(row.qr_scans).toBe(2)
    expect(after.body.exhibits.find((e: { exhibit_id: string }) => e.exhibit_id === exhibits[1].id).qr_scans).toBe(1)

    const linked = await admin(`/admin/orders/${order.id}?fields=id,*showroom_order_attribution`)
    expect(linked.status, JSON.stringify(linked.body)).toBe(200)
    expect(linked.body.order.showroom_order_attribution).toMatchObject({ order_id: order.id, scan_id: scanned.body.scan.id, kiosk_id: kiosk.id, exhibit_id: exhibits[2].id })

    // Another month has none of it; a bad month is a 400.
    const other = await admin(`/admin/showroom/analytics?centre_id=${centre.id}&month=2001-01`)
    expect(other.body).toMatchObject({ month: "2001-01", totals: { lifts: 0, qr_scans: 0, orders: 0, revenue: 0 }, exhibits: [] })
    expect((await admin("/admin/showroom/analytics?month=2026-13")).status).toBe(400)
  })
})

// Lifts reach the backend through the kiosk API (POST /kiosk/events, authenticated with the kiosk's
// own key), which is built separately; this part holds once both are merged.
describe("analytics of kiosk lifts (with the kiosk API)", () => {
  it("counts lifts per exhibit and the dwell time from replace events, sorted by lifts", async () => {
    const now = Date.now()
    const event = (type: "lift" | "replace", epc: string, antenna: string, at: number, dwell_ms?: number) => ({
      id: crypto.randomUUID(),
      type,
      epc,
      antenna,
      occurred_at: new Date(at).toISOString(),
      ...(dwell_ms !== undefined ? { dwell_ms } : {}),
    })
    const [a, b] = [exhibits[0].tags[0].epc, exhibits[1].tags[0].epc]
    const events = [
      event("lift", a, "reader-a:1", now - 60_000),
      event("replace", a, "reader-a:1", now - 50_000, 10_000),
      event("lift", a, "reader-a:1", now - 40_000),
      event("replace", a, "reader-a:1", now - 20_000, 20_000),
      event("lift", b, "reader-a:2", now - 10_000),
    ]
    const posted = await fetch(backendUrl("/kiosk/events"), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Kiosk ${kiosk.key}` },
      body: JSON.stringify({ events }),
    })
    expect(posted.status).toBe(200)
    const analytics = await admin(`/admin/showroom/analytics?centre_id=${centre.id}`)
    expect(analytics.body.totals.lifts).toBe(3)
    expect(analytics.body.totals.dwell_ms_avg).toBe(15_000)
    expect(analytics.body.exhibits[0]).toMatchObject({ exhibit_id: exhibits[0].id, lifts: 2, dwell_ms_avg: 15_000, dwell_ms_total: 30_000 })
    expect(analytics.body.exhibits[1]).toMatchObject({ exhibit_id: exhibits[1].id, lifts: 1, dwell_ms_avg: null })
  })
})
