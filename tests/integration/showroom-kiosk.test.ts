// Kiosk API (plugins/showroom /kiosk/* and /admin/showroom/kiosks*) on the real backend: the
// operator creates kiosks (key shown once, only its hash stored), rotates and revokes them; the
// kiosk authenticates with its own key only (no key, malformed, wrong, revoked, rotated-away and
// admin tokens are 401), is rate limited per key, reads its bundle (ETag / 304), posts tag events
// exactly once (replays and concurrent duplicates), and listens on its own SSE stream.

import crypto from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { admin, adminToken, backendUrl } from "../support/http"
import { testStack } from "../support/stack"
import {
  createKiosk,
  createTestShowroom,
  kiosk,
  kioskFetch,
  openStream,
  postEvents,
  randomEpc,
  sql,
  tagEvent,
  type SseReader,
  type TestShowroom,
} from "../support/showroom-kiosk"

let showroom: TestShowroom
let other: TestShowroom
/** Kiosk A watches zone A's antennas; kiosk B (zone B) watches zone B's; kiosk X is in another centre. */
let a: { kiosk: { id: string }; key: string }
let b: { kiosk: { id: string }; key: string }
let x: { kiosk: { id: string }; key: string }
const streams: SseReader[] = []

beforeAll(async () => {
  showroom = await createTestShowroom("kiosk")
  other = await createTestShowroom("kiosk-other", 3)
  const zoneA = showroom.zones[0]
  const zoneB = showroom.zones[1]
  a = await createKiosk({ centre_id: showroom.centre.id, zone_id: zoneA.id, name: `展区A触摸屏 ${zoneA.id}`, antennas: showroom.exhibits.filter((e) => e.zone_id === zoneA.id).map((e) => e.antenna) })
  b = await createKiosk({ centre_id: showroom.centre.id, zone_id: zoneB.id, name: `展区B触摸屏 ${zoneB.id}`, antennas: showroom.exhibits.filter((e) => e.zone_id === zoneB.id).map((e) => e.antenna) })
  x = await createKiosk({ centre_id: other.centre.id, zone_id: other.zones[0].id, name: `其他中心触摸屏 ${other.centre.id}`, antennas: [other.exhibits[0].antenna] })
})

afterAll(() => {
  for (const s of streams) s.close()
})

describe("admin kiosk routes", () => {
  it("creates a kiosk with its key shown once; only the key's SHA-256 is stored and never returned", async () => {
    const created = await admin("/admin/showroom/kiosks", {
      method: "POST",
      body: JSON.stringify({ centre_id: showroom.centre.id, zone_id: showroom.zones[0].id, name: `一次性密钥 ${crypto.randomUUID()}`, antennas: ["reader-z:1", "reader-z:1", "reader-z:2"] }),
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const { kiosk: k, key } = created.body
    expect(key).toMatch(/^gwck_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/)
    expect(k).toMatchObject({ centre_id: showroom.centre.id, zone_id: showroom.zones[0].id, antennas: ["reader-z:1", "reader-z:2"], status: "active", online: false })
    expect(k).not.toHaveProperty("key_hash")
    expect(key.startsWith(`gwck_${k.key_id}_`)).toBe(true)

    const [row] = await sql("select key_hash from showroom_kiosk where id = $1", [k.id])
    expect(row.key_hash).toBe(crypto.createHash("sha256").update(key).digest("hex"))
    expect(JSON.stringify(row)).not.toContain(key)

    const got = await admin(`/admin/showroom/kiosks/${k.id}`)
    const listed = await admin(`/admin/showroom/kiosks?centre_id=${showroom.centre.id}&limit=200`)
    for (const r of [got, listed]) {
      expect(r.status).toBe(200)
      const text = JSON.stringify(r.body)
      expect(text).not.toContain(key)
      expect(text).not.toContain(row.key_hash)
      expect(text).not.toContain("key_hash")
    }
    expect(listed.body.kiosks.map((kk: any) => kk.id)).toEqual(expect.arrayContaining([k.id, a.kiosk.id, b.kiosk.id]))
    expect(listed.body.kiosks.map((kk: any) => kk.id)).not.toContain(x.kiosk.id)
  })

  it("refuses bad input with a clear 4xx: zone of another centre 400, unknown centre 404, missing name 400, unknown kiosk 404", async () => {
    const wrongZone = await admin("/admin/showroom/kiosks", { method: "POST", body: JSON.stringify({ centre_id: showroom.centre.id, zone_id: other.zones[0].id, name: "错区", antennas: [] }) })
    expect(wrongZone.status).toBe(400)
    expect(wrongZone.body.message).toContain("zone_id")
    const noCentre = await admin("/admin/showroom/kiosks", { method: "POST", body: JSON.stringify({ centre_id: "xctr_missing", zone_id: showroom.zones[0].id, name: "无中心", antennas: [] }) })
    expect(noCentre.status).toBe(404)
    const noName = await admin("/admin/showroom/kiosks", { method: "POST", body: JSON.stringify({ centre_id: showroom.centre.id, zone_id: showroom.zones[0].id, antennas: [] }) })
    expect(noName.status).toBe(400)
    expect(noName.body.message).toContain("name")
    const extra = await admin("/admin/showroom/kiosks", { method: "POST", body: JSON.stringify({ centre_id: showroom.centre.id, zone_id: showroom.zones[0].id, name: "x", key_hash: "00" }) })
    expect(extra.status).toBe(400)
    expect((await admin("/admin/showroom/kiosks/xksk_missing")).status).toBe(404)
    expect((await admin("/admin/showroom/kiosks/xksk_missing/revoke", { method: "POST", body: "{}" })).status).toBe(404)
    const unauth = await fetch(backendUrl("/admin/showroom/kiosks"))
    expect(unauth.status).toBe(401)
  })

  it("updates name and antennas; a zone must stay in the kiosk's centre", async () => {
    const k = await createKiosk({ centre_id: showroom.centre.id, zone_id: showroom.zones[0].id, name: `改名前 ${crypto.randomUUID()}`, antennas: [] })
    const updated = await admin(`/admin/showroom/kiosks/${k.kiosk.id}`, { method: "POST", body: JSON.stringify({ name: "改名后", zone_id: showroom.zones[1].id, antennas: ["reader-q:1"] }) })
    expect(updated.status, JSON.stringify(updated.body)).toBe(200)
    expect(updated.body.kiosk).toMatchObject({ name: "改名后", zone_id: showroom.zones[1].id, antennas: ["reader-q:1"] })
    const me = await kiosk(k.key, "/kiosk/me")
    expect(me.body.kiosk).toMatchObject({ name: "改名后", zone_id: showroom.zones[1].id, antennas: ["reader-q:1"] })
    const moved = await admin(`/admin/showroom/kiosks/${k.kiosk.id}`, { method: "POST", body: JSON.stringify({ zone_id: other.zones[0].id }) })
    expect(moved.status).toBe(400)
  })
})

describe("kiosk authentication", () => {
  it("answers /kiosk/me for the kiosk's own key (Authorization: Kiosk or x-kiosk-key)", async () => {
    const me = await kiosk(a.key, "/kiosk/me")
    expect(me.status, JSON.stringify(me.body)).toBe(200)
    expect(me.body.kiosk).toEqual({ id: a.kiosk.id, name: expect.any(String), centre_id: showroom.centre.id, zone_id: showroom.zones[0].id, antennas: [showroom.exhibits[0].antenna, showroom.exhibits[1].antenna] })
    const viaHeader = await fetch(backendUrl("/kiosk/me"), { headers: { "x-kiosk-key": b.key } })
    expect(viaHeader.status).toBe(200)
    expect((await viaHeader.json()).kiosk.id).toBe(b.kiosk.id)
  })

  it("refuses no key, a malformed key, a wrong key and an unknown key with 401 and a zh/en message", async () => {
    const none = await kiosk(null, "/kiosk/me")
    expect(none.status).toBe(401)
    expect(none.body.message).toMatch(/触摸屏密钥.*kiosk key/)
    const malformed = await kiosk("not-a-key", "/kiosk/me")
    expect(malformed.status).toBe(401)
    expect(malformed.body.message).toContain("malformed")
    const keyId = a.key.slice(5, 17)
    const wrong = await kiosk(`gwck_${keyId}_${crypto.randomBytes(32).toString("base64url")}`, "/kiosk/me")
    expect(wrong.status).toBe(401)
    expect(wrong.body.message).toContain("invalid kiosk key")
    const unknown = await kiosk(`gwck_${crypto.randomBytes(6).toString("hex")}_${crypto.randomBytes(32).toString("base64url")}`, "/kiosk/me")
    expect(unknown.status).toBe(401)
    for (const path of ["/kiosk/bundle", `/kiosk/kiosks/${a.kiosk.id}/stream`]) expect((await kiosk(null, path)).status).toBe(401)
    expect((await kiosk(null, "/kiosk/events", { method: "POST", body: JSON.stringify({ events: [tagEvent(randomEpc(), null)] }) })).status).toBe(401)
  })

  it("does not take admin, publishable or customer-style tokens as a kiosk key", async () => {
    const bearer = await kioskFetch(await adminToken(), "/kiosk/me", {}, "Bearer")
    expect(bearer.status).toBe(401)
    const publishable = await fetch(backendUrl("/kiosk/me"), { headers: { "x-publishable-api-key": testStack().facts.publishable_keys.showroom.token } })
    expect(publishable.status).toBe(401)
    const adminAsKiosk = await kiosk(await adminToken(), "/kiosk/me")
    expect(adminAsKiosk.status).toBe(401)
  })

  it("locks a revoked kiosk out at once; rotating gives a new key, refuses the old one and un-revokes", async () => {
    const k = await createKiosk({ centre_id: showroom.centre.id, zone_id: showroom.zones[0].id, name: `吊销测试 ${crypto.randomUUID()}`, antennas: [] })
    expect((await kiosk(k.key, "/kiosk/me")).status).toBe(200)
    const revoked = await admin(`/admin/showroom/kiosks/${k.kiosk.id}/revoke`, { method: "POST" })
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200)
    expect(revoked.body.kiosk).toMatchObject({ status: "revoked", revoked_at: expect.any(String) })
    expect(revoked.body).not.toHaveProperty("key")
    const after = await kiosk(k.key, "/kiosk/me")
    expect(after.status).toBe(401)
    expect(after.body.message).toContain("revoked")
    expect((await kiosk(k.key, "/kiosk/bundle")).status).toBe(401)

    const rotated = await admin(`/admin/showroom/kiosks/${k.kiosk.id}/rotate-key`, { method: "POST" })
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200)
    expect(rotated.body.key).not.toBe(k.key)
    expect(rotated.body.kiosk).toMatchObject({ status: "active", revoked_at: null, key_rotated_at: expect.any(String) })
    expect((await kiosk(k.key, "/kiosk/me")).status).toBe(401)
    expect((await kiosk(rotated.body.key, "/kiosk/me")).status).toBe(200)

    // Rotating an active kiosk: the old key stops at once too.
    const again = await admin(`/admin/showroom/kiosks/${k.kiosk.id}/rotate-key`, { method: "POST" })
    expect((await kiosk(rotated.body.key, "/kiosk/me")).status).toBe(401)
    expect((await kiosk(again.body.key, "/kiosk/me")).status).toBe(200)
  })
})

describe("heartbeat", () => {
  it("records the heartbeat and versions; the operator sees the kiosk online", async () => {
    const before = await admin(`/admin/showroom/kiosks/${b.kiosk.id}`)
    expect(before.body.kiosk.online).toBe(false)
    const beat = await kiosk(b.key, "/kiosk/heartbeat", { method: "POST", body: JSON.stringify({ app_version: "1.2.3", agent_version: "0.9.0" }) })
    expect(beat.status, JSON.stringify(beat.body)).toBe(200)
    expect(beat.body.ok).toBe(true)
    expect(Math.abs(new Date(beat.body.server_time).getTime() - Date.now())).toBeLessThan(60_000)
    const after = await admin(`/admin/showroom/kiosks/${b.kiosk.id}`)
    expect(after.body.kiosk).toMatchObject({ online: true, app_version: "1.2.3", agent_version: "0.9.0", last_heartbeat_at: expect.any(String) })
    const bad = await kiosk(b.key, "/kiosk/heartbeat", { method: "POST", body: JSON.stringify({ app_version: 5 }) })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain("app_version")
  })
})

describe("bundle", () => {
  it("holds the kiosk's centre, zones, exhibits with EPCs and product pages, today's and next theme", async () => {
    const r = await kiosk(a.key, "/kiosk/bundle")
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    const bundle = r.body
    expect(r.headers.get("etag")).toBe(`"${bundle.version}"`)
    expect(bundle.kiosk).toMatchObject({ id: a.kiosk.id, antennas: [showroom.exhibits[0].antenna, showroom.exhibits[1].antenna] })
    expect(bundle.centre).toMatchObject({ id: showroom.centre.id, name: showroom.centre.name, opening_hours: "周一至周五 9:00–17:30" })
    expect(bundle.zone).toMatchObject({ id: showroom.zones[0].id, code: "A" })
    expect(bundle.zones.map((z: any) => z.code)).toEqual(["A", "B"])
    expect(bundle.storefront_url).toMatch(/^https?:\/\//)
    expect(bundle.idle_timeout_ms).toBeGreaterThanOrEqual(5_000)
    // Every exhibit on display in the centre (the withdrawn one is not), with its active tags only.
    expect(bundle.exhibits.map((e: any) => e.id).sort()).toEqual(showroom.exhibits.map((e) => e.id).sort())
    for (const expected of showroom.exhibits) {
      const e = bundle.exhibits.find((x: any) => x.id === expected.id)
      expect(e.epcs).toEqual([expected.epc])
      expect(e.antenna).toBe(expected.antenna)
      expect(e.product).toMatchObject({ id: expected.product.id, handle: expected.product.handle, title: expected.product.title, variant: { id: expected.product.variant_id } })
      expect(e.product.url).toBe(`${bundle.storefront_url}/products/${encodeURIComponent(expected.product.handle)}`)
      if (expected.product.price !== null) expect(e.product.price).toEqual({ amount: expected.product.price, currency_code: "cny" })
      expect(["goods", "rental", "service", "specialty"]).toContain(e.product.kind)
      expect(e.product.specs.length).toBeGreaterThan(0)
      expect(e.product.specs.length).toBeLessThanOrEqual(8)
      expect(e.product.specs[0]).toEqual({ label_zh: expect.any(String), label_en: expect.any(String), value: expect.any(String) })
      expect(e.product.supplier).toEqual({ id: expect.any(String), name: expect.any(String) })
      for (const url of [...e.product.images, e.product.thumbnail]) expect(url.startsWith(`${backendUrl()}/`) || /^https?:\/\//.test(url)).toBe(true)
    }
    // The media URLs are absolute and load (the agent proxies them by URL).
    const image = await fetch(bundle.exhibits[0].product.images[0])
    expect(image.status).toBe(200)
    expect(image.headers.get("content-type")).toMatch(/^image\//)
    await image.arrayBuffer()
    expect(bundle.theme).toMatchObject({ id: showroom.theme.id, title: showroom.theme.title, featured_product_ids: [showroom.exhibits[0].product.id], featured_exhibit_ids: [showroom.exhibits[0].id] })
    expect(bundle.theme.hero_media).toEqual([{ url: "https://example.com/hero.jpg", kind: "image", alt: "hero" }])
    expect(bundle.theme.starts_on).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    // 30 seats, one confirmed party of 3 (the cancelled one does not count).
    expect(bundle.theme.events).toEqual([expect.objectContaining({ id: showroom.theme.event_id, capacity: 30, seats_left: 27 })])
    expect(bundle.next_theme).toMatchObject({ id: showroom.nextTheme.id })
  })

  it("answers 304 to If-None-Match with the version; a change makes a new version", async () => {
    const first = await kiosk(a.key, "/kiosk/bundle")
    const etag = first.headers.get("etag")!
    const cached = await kioskFetch(a.key, "/kiosk/bundle", { headers: { "if-none-match": etag } })
    expect(cached.status).toBe(304)
    expect(await cached.text()).toBe("")
    const stale = await kioskFetch(a.key, "/kiosk/bundle", { headers: { "if-none-match": '"stale"' } })
    expect(stale.status).toBe(200)
    await stale.arrayBuffer()
    // Same content for kiosk B apart from kiosk / zone: versions differ per kiosk.
    const forB = await kiosk(b.key, "/kiosk/bundle")
    expect(forB.body.version).not.toBe(first.body.version)
    expect(forB.body.exhibits.length).toBe(first.body.exhibits.length)

    expect((await admin(`/admin/showroom/exhibits/${showroom.exhibits[0].id}`, { method: "POST", body: JSON.stringify({ plinth: "P-1b" }) })).status).toBe(200)
    const changed = await kioskFetch(a.key, "/kiosk/bundle", { headers: { "if-none-match": etag } })
    expect(changed.status).toBe(200)
    const body = await changed.json()
    expect(body.version).not.toBe(first.body.version)
    expect(body.exhibits.find((e: any) => e.id === showroom.exhibits[0].id).plinth).toBe("P-1b")
  })

  it("a kiosk of another centre sees only its own centre", async () => {
    const r = await kiosk(x.key, "/kiosk/bundle")
    expect(r.status).toBe(200)
    expect(r.body.centre.id).toBe(other.centre.id)
    expect(r.body.exhibits.map((e: any) => e.id).sort()).toEqual(other.exhibits.map((e) => e.id).sort())
  })
})

describe("events", () => {
  const stored = (ids: string[]) => sql<{ event_id: string; exhibit_id: string | null; product_id: string | null; kiosk_id: string; dwell_ms: number | null }>("select event_id, exhibit_id, product_id, kiosk_id, dwell_ms from showroom_kiosk_event where event_id = any($1)", [ids])

  it("stores a batch once: exhibit and product resolved from the EPC (unknown or other centre's EPC → null)", async () => {
    const known = showroom.exhibits[0]
    const batch = [
      tagEvent(known.epc, known.antenna, "lift"),
      tagEvent(known.epc, known.antenna, "replace"),
      tagEvent(randomEpc(), "reader-unknown:1", "lift"),
      tagEvent(other.exhibits[0].epc, other.exhibits[0].antenna, "lift"),
    ]
    const r = await postEvents(a.key, batch)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toEqual({ accepted: batch.map((e) => e.id), duplicates: [] })
    const rows = await stored(batch.map((e) => e.id))
    const byId = new Map(rows.map((row) => [row.event_id, row]))
    expect(byId.get(batch[0].id)).toMatchObject({ exhibit_id: known.id, product_id: known.product.id, kiosk_id: a.kiosk.id, dwell_ms: null })
    expect(byId.get(batch[1].id)).toMatchObject({ exhibit_id: known.id, dwell_ms: 4200 })
    expect(byId.get(batch[2].id)).toMatchObject({ exhibit_id: null, product_id: null })
    expect(byId.get(batch[3].id)).toMatchObject({ exhibit_id: null, product_id: null })

    const replay = await postEvents(a.key, batch)
    expect(replay.status).toBe(200)
    expect(replay.body).toEqual({ accepted: [], duplicates: batch.map((e) => e.id) })
    // Part new, part old, and an id twice in one batch.
    const fresh = tagEvent(known.epc, known.antenna)
    const mixed = await postEvents(a.key, [batch[0], fresh, fresh])
    expect(mixed.body).toEqual({ accepted: [fresh.id], duplicates: [batch[0].id] })
    expect(await stored([...batch.map((e) => e.id), fresh.id])).toHaveLength(5)
  })

  it("stores concurrent replays of the same batch exactly once, without a 500", async () => {
    const batch = Array.from({ length: 20 }, (_, i) => tagEvent(showroom.exhibits[i % 3].epc, showroom.exhibits[i % 3].antenna, i % 2 ? "replace" : "lift"))
    const results = await Promise.all(Array.from({ length: 6 }, () => postEvents(b.key, batch)))
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200)
    const accepted = results.flatMap((r) => r.body.accepted as string[])
    expect(accepted.sort()).toEqual(batch.map((e) => e.id).sort())
    for (const r of results) expect([...r.body.accepted, ...r.body.duplicates].sort()).toEqual(batch.map((e) => e.id).sort())
    expect(await stored(batch.map((e) => e.id))).toHaveLength(20)
  })

  it("validates every event: uuid id, lift|replace, hex EPC, time not over 5 min ahead, 1..200 events", async () => {
    const good = tagEvent(randomEpc(), null)
    const cases: [unknown, string][] = [
      [{ events: [{ ...good, id: "123" }] }, "events.0.id"],
      [{ events: [{ ...good, type: "drop" }] }, "events.0.type"],
      [{ events: [{ ...good, epc: "XYZ-not-hex" }] }, "events.0.epc"],
      [{ events: [{ ...good, occurred_at: new Date(Date.now() + 10 * 60_000).toISOString() }] }, "events.0.occurred_at"],
      [{ events: [{ ...good, occurred_at: "yesterday" }] }, "events.0.occurred_at"],
      [{ events: [] }, "events"],
      [{ events: Array.from({ length: 201 }, () => tagEvent(randomEpc(), null)) }, "events"],
      [{}, "events"],
    ]
    for (const [body, field] of cases) {
      const r = await kiosk(a.key, "/kiosk/events", { method: "POST", body: JSON.stringify(body) })
      expect(r.status, JSON.stringify(r.body)).toBe(400)
      expect(r.body.message).toContain(field)
    }
    // A slightly fast kiosk clock (1 min ahead) is fine; lower-case hex is normalised.
    const ahead = { ...tagEvent(randomEpc().toLowerCase(), null), occurred_at: new Date(Date.now() + 60_000).toISOString() }
    const ok = await postEvents(a.key, [ahead])
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    const [row] = await sql("select epc from showroom_kiosk_event where event_id = $1", [ahead.id])
    expect(row.epc).toBe(ahead.epc.toUpperCase())
  })
})

describe("stream", () => {
  it("is only the caller's own: another kiosk's stream 403, an unknown kiosk 404, no key 401", async () => {
    const foreign = await openStream(a.key, b.kiosk.id)
    expect(foreign.status).toBe(403)
    expect(foreign.body.message).toContain("own stream")
    const foreignCentre = await openStream(x.key, a.kiosk.id)
    expect(foreignCentre.status).toBe(403)
    expect((await openStream(a.key, "xksk_missing")).status).toBe(404)
  })

  it("sends hello, then lifts and replaces on the kiosk's antennas from any kiosk of the centre, and bundle changes", async () => {
    const opened = await openStream(a.key, a.kiosk.id)
    expect(opened.status).toBe(200)
    expect(opened.reader!.response.headers.get("content-type")).toContain("text/event-stream")
    const stream = opened.reader!
    streams.push(stream)
    const hello = await stream.next("hello")
    const bundle = await kiosk(a.key, "/kiosk/bundle")
    expect(hello.data.bundle_version).toBe(bundle.body.version)

    const mine = showroom.exhibits[0]
    const notMine = showroom.exhibits[2] // zone B's plinth: kiosk A does not watch it
    const elsewhere = tagEvent(notMine.epc, notMine.antenna)
    const lift = tagEvent(mine.epc, mine.antenna, "lift")
    // Posted by kiosk B: still opens on kiosk A, which watches that antenna.
    expect((await postEvents(b.key, [elsewhere, lift])).status).toBe(200)
    const got = await stream.next("lift")
    expect(got.data).toMatchObject({ id: lift.id, type: "lift", epc: mine.epc, antenna: mine.antenna, exhibit_id: mine.id })
    expect(got.id).toBe(lift.id)
    const replace = tagEvent(mine.epc, mine.antenna, "replace")
    await postEvents(a.key, [replace])
    expect((await stream.next("replace")).data).toMatchObject({ id: replace.id, exhibit_id: mine.id, dwell_ms: 4200 })
    expect(stream.taken("lift").map((m) => m.data.id)).not.toContain(elsewhere.id)
    // A replay is not sent again.
    await postEvents(a.key, [replace])
    const marker = tagEvent(mine.epc, mine.antenna, "lift")
    await postEvents(a.key, [marker])
    expect((await stream.next("lift")).data.id).toBe(marker.id)
    expect(stream.taken("replace")).toHaveLength(0)

    // Showroom data changes: the stream notices within its poll (5 s).
    expect((await admin(`/admin/showroom/exhibits/${mine.id}`, { method: "POST", body: JSON.stringify({ plinth: `P-${Date.now()}` }) })).status).toBe(200)
    const changed = await stream.next("bundle-changed", 20_000)
    const now = await kiosk(a.key, "/kiosk/bundle")
    expect(changed.data.bundle_version).toBe(now.body.version)
  })

  it("tells a revoked kiosk and ends its stream; a rotated key ends the old key's stream", async () => {
    const k = await createKiosk({ centre_id: showroom.centre.id, zone_id: showroom.zones[0].id, name: `流吊销 ${crypto.randomUUID()}`, antennas: [] })
    const first = await openStream(k.key, k.kiosk.id)
    streams.push(first.reader!)
    await first.reader!.next("hello")
    await admin(`/admin/showroom/kiosks/${k.kiosk.id}/rotate-key`, { method: "POST" })
    expect((await first.reader!.next("revoked")).data.message).toContain("revoked")
    expect(await first.reader!.waitEnded()).toBe(true)

    const rotated = await admin(`/admin/showroom/kiosks/${k.kiosk.id}`)
    expect(rotated.status).toBe(200)
    const latest = await admin(`/admin/showroom/kiosks/${k.kiosk.id}/rotate-key`, { method: "POST" })
    const second = await openStream(latest.body.key, k.kiosk.id)
    streams.push(second.reader!)
    await second.reader!.next("hello")
    await admin(`/admin/showroom/kiosks/${k.kiosk.id}/revoke`, { method: "POST" })
    await second.reader!.next("revoked")
    expect(await second.reader!.waitEnded()).toBe(true)
    expect((await openStream(latest.body.key, k.kiosk.id)).status).toBe(401)
  })
})

describe("rate limit", () => {
  it("answers 429 with Retry-After past the burst, per kiosk key, and recovers", async () => {
    const k = await createKiosk({ centre_id: showroom.centre.id, zone_id: showroom.zones[0].id, name: `限流 ${crypto.randomUUID()}`, antennas: [] })
    const results = await Promise.all(Array.from({ length: 600 }, () => kioskFetch(k.key, "/kiosk/me").then(async (r) => ({ status: r.status, retry: r.headers.get("retry-after"), body: await r.text() }))))
    const limited = results.filter((r) => r.status === 429)
    expect(results.filter((r) => r.status !== 200 && r.status !== 429)).toEqual([])
    expect(limited.length).toBeGreaterThan(0)
    expect(Number(limited[0].retry)).toBeGreaterThanOrEqual(1)
    expect(JSON.parse(limited[0].body).message).toContain("too many requests")
    // Another kiosk is not affected.
    expect((await kiosk(a.key, "/kiosk/me")).status).toBe(200)
    await new Promise((r) => setTimeout(r, Number(limited[0].retry) * 1000 + 200))
    expect((await kiosk(k.key, "/kiosk/me")).status).toBe(200)
  })

  it("limits failed key attempts per key_id: after 10 wrong keys, 429 — the kiosk's own key still works", async () => {
    const unknownKeyId = crypto.randomBytes(6).toString("hex")
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await kiosk(`gwck_${unknownKeyId}_${crypto.randomBytes(32).toString("base64url")}`, "/kiosk/me")).status)
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(statuses.slice(10)).toEqual([429, 429])

    const k = await createKiosk({ centre_id: showroom.centre.id, zone_id: showroom.zones[0].id, name: `猜密钥 ${crypto.randomUUID()}`, antennas: [] })
    expect((await kiosk(k.key, "/kiosk/me")).status).toBe(200)
    const keyId = k.key.slice(5, 17)
    const guesses: number[] = []
    for (let i = 0; i < 12; i++) guesses.push((await kiosk(`gwck_${keyId}_${crypto.randomBytes(32).toString("base64url")}`, "/kiosk/me")).status)
    expect(guesses).toEqual([...Array(10).fill(401), 429, 429])
    const own = await kiosk(k.key, "/kiosk/me")
    expect(own.status).toBe(200)
    expect(own.body.kiosk.id).toBe(k.kiosk.id)
    // Revocation still applies at once to a key_id in that state.
    await admin(`/admin/showroom/kiosks/${k.kiosk.id}/revoke`, { method: "POST" })
    expect((await kiosk(k.key, "/kiosk/me")).status).toBe(401)
  })
})
