// The experience centre's operator API (plugins/showroom, /admin/showroom/*) on the real backend:
// centres, zones, exhibits with RFID tags (a reader's raw EPC or an SGTIN-96 encoded from a GTIN),
// printable tag labels, monthly themes with events and their sign-up lists. Then the refusals:
// bad input (400 naming the field), unknown records (404), conflicts (409: taken zone code or EPC,
// a zone with exhibits on display, overlapping published themes), and no admin token (401).

import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { decodeEpc, gtin13 } from "../../plugins/showroom/src/lib/epc"
import crypto from "node:crypto"
import { admin, adminToken, backendUrl, store } from "../support/http"
import {
  catalogueProducts,
  createCentre,
  createExhibit,
  createZone,
  del,
  post,
  uniqueSuffix,
  type CatalogueProduct,
} from "../support/showroom"

// GTINs of a company prefix no seed uses, with an item reference unique to this run.
const itemBase = Number(Date.now().toString().slice(-5))
const testGtin = (n: number) => gtin13("6970009", (itemBase + n) % 100000)
const randomEpc = (bytes = 12) => crypto.randomBytes(bytes).toString("hex")

let products: CatalogueProduct[]
let centre: { id: string; name: string }
let zoneA: { id: string; code: string }
let zoneB: { id: string; code: string }

beforeAll(async () => {
  products = await catalogueProducts(6)
  expect(products.length).toBeGreaterThanOrEqual(4)
  centre = await createCentre()
  zoneA = await createZone(centre.id, "A")
  zoneB = await createZone(centre.id, "B")
})

describe("centres and zones", () => {
  it("creates, reads, lists, updates and deletes a centre", async () => {
    const name = `展厅 ${uniqueSuffix()}`
    const created = await post("/admin/showroom/centres", { name, name_en: "Showroom", address: "成都市高新区天府大道 1 号", opening_hours: "周一至周五 9:00–17:30" })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.centre.id
    expect(created.body.centre).toMatchObject({ name, name_en: "Showroom", opening_hours: "周一至周五 9:00–17:30" })

    const list = await admin("/admin/showroom/centres?limit=200")
    expect(list.status).toBe(200)
    expect(list.body.centres.map((c: { id: string }) => c.id)).toContain(id)

    const updated = await post(`/admin/showroom/centres/${id}`, { city: "成都", name_en: null })
    expect(updated.status).toBe(200)
    expect(updated.body.centre).toMatchObject({ city: "成都", name_en: null, name })

    const zone = await createZone(id, "z1")
    expect(zone.code).toBe("Z1")
    const withZones = await admin(`/admin/showroom/centres/${id}`)
    expect(withZones.body.centre.zones.map((z: { id: string }) => z.id)).toEqual([zone.id])

    const refused = await del(`/admin/showroom/centres/${id}`)
    expect(refused.status).toBe(409)
    expect(refused.body.message).toContain("展区")

    expect((await del(`/admin/showroom/zones/${zone.id}`)).status).toBe(200)
    expect((await del(`/admin/showroom/centres/${id}`)).status).toBe(200)
    expect((await admin(`/admin/showroom/centres/${id}`)).status).toBe(404)
  })

  it("refuses bad centre and zone input with the field named, unknown ids with 404, a taken zone code with 409", async () => {
    const noName = await post("/admin/showroom/centres", { city: "成都" })
    expect(noName.status).toBe(400)
    expect(noName.body.message).toMatch(/name/)
    const extra = await post("/admin/showroom/centres", { name: "x", colour: "red" })
    expect(extra.status).toBe(400)

    expect((await admin("/admin/showroom/centres/xctr_nope")).status).toBe(404)
    expect((await post("/admin/showroom/centres/xctr_nope", { city: "x" })).status).toBe(404)

    const unknownCentre = await post("/admin/showroom/zones", { centre_id: "xctr_nope", code: "Q", name: "Q" })
    expect(unknownCentre.status).toBe(404)
    const badCode = await post("/admin/showroom/zones", { centre_id: centre.id, code: "A B!", name: "坏编号" })
    expect(badCode.status).toBe(400)
    expect(badCode.body.message).toMatch(/code/)
    const taken = await post("/admin/showroom/zones", { centre_id: centre.id, code: "a", name: "重复" })
    expect(taken.status).toBe(409)
    expect(taken.body.message).toContain("A")

    const zones = await admin(`/admin/showroom/zones?centre_id=${centre.id}`)
    expect(zones.body.zones.map((z: { code: string }) => z.code)).toEqual(["A", "B"])
    const renamed = await post(`/admin/showroom/zones/${zoneB.id}`, { code: "A" })
    expect(renamed.status).toBe(409)
  })

  it("answers 401 without an admin token", async () => {
    const response = await fetch(backendUrl("/admin/showroom/centres"))
    expect(response.status).toBe(401)
  })
})

describe("exhibits and tags", () => {
  it("puts a variant on display with an SGTIN-96 tag from a GTIN and a raw reader EPC", async () => {
    const gtin = testGtin(1)
    const exhibit = await createExhibit(zoneA.id, products[0], {
      plinth: "A-01",
      antenna: "reader-a:1",
      tags: [{ gtin }, { epc: `e2:80:11:60:${randomEpc(8).match(/../g)!.join(":")}` }],
    })
    expect(exhibit).toMatchObject({ zone_id: zoneA.id, zone_code: "A", centre_id: centre.id, plinth: "A-01", antenna: "reader-a:1", status: "on_display" })
    expect(exhibit.tags).toHaveLength(2)
    const sgtin = exhibit.tags.find((t) => t.scheme === "sgtin-96")!
    expect(sgtin.gtin).toBe(gtin.padStart(14, "0"))
    expect(decodeEpc(sgtin.epc)).toMatchObject({ scheme: "sgtin-96", gtin: gtin.padStart(14, "0"), serial: sgtin.serial })
    const raw = exhibit.tags.find((t) => t.scheme === "raw")!
    expect(raw.epc).toMatch(/^E2801160[0-9A-F]{16}$/)

    // A second tag of the same GTIN gets the next serial.
    const second = await post(`/admin/showroom/exhibits/${exhibit.id}/tags`, { gtin })
    expect(second.status, JSON.stringify(second.body)).toBe(201)
    expect(BigInt(second.body.tag.serial)).toBe(BigInt(sgtin.serial!) + 1n)

    const got = await admin(`/admin/showroom/exhibits/${exhibit.id}`)
    expect(got.status).toBe(200)
    expect(got.body.exhibit.product).toMatchObject({ id: products[0].id, title: products[0].title })
    expect(got.body.exhibit.tags).toHaveLength(3)

    // Listed by zone, by centre and by product title.
    const byZone = await admin(`/admin/showroom/exhibits?zone_id=${zoneA.id}`)
    expect(byZone.body.exhibits.map((e: { id: string }) => e.id)).toContain(exhibit.id)
    const byCentre = await admin(`/admin/showroom/exhibits?centre_id=${centre.id}&q=${encodeURIComponent(products[0].title.slice(0, 4))}`)
    expect(byCentre.body.exhibits.map((e: { id: string }) => e.id)).toContain(exhibit.id)
    expect(byCentre.body.exhibits[0].product.title).toBeTruthy()
    const byPlinth = await admin(`/admin/showroom/exhibits?centre_id=${centre.id}&q=A-01`)
    expect(byPlinth.body.exhibits.map((e: { id: string }) => e.id)).toEqual([exhibit.id])
  })

  it("refuses a taken EPC (409) and leaves no exhibit behind", async () => {
    const first = await createExhibit(zoneB.id, products[1], { tags: [{ gtin: testGtin(2), serial: 7 }] })
    const epc = first.tags[0].epc
    const before = await admin(`/admin/showroom/exhibits?zone_id=${zoneB.id}`)
    const refused = await post("/admin/showroom/exhibits", {
      zone_id: zoneB.id,
      product_id: products[2].id,
      variant_id: products[2].variant_id,
      tags: [{ epc: epc.toLowerCase() }],
    })
    expect(refused.status).toBe(409)
    expect(refused.body.message).toContain(epc)
    const after = await admin(`/admin/showroom/exhibits?zone_id=${zoneB.id}`)
    expect(after.body.count).toBe(before.body.count)

    const again = await post(`/admin/showroom/exhibits/${first.id}/tags`, { gtin: testGtin(2), serial: 7 })
    expect(again.status).toBe(409)
    const twiceInOne = await post("/admin/showroom/exhibits", {
      zone_id: zoneB.id,
      product_id: products[2].id,
      variant_id: products[2].variant_id,
      tags: (() => {
        const epc = randomEpc(10)
        return [{ epc: epc.toUpperCase() }, { epc: epc.match(/../g)!.join("-") }]
      })(),
    })
    expect(twiceInOne.status).toBe(409)
  })

  it("refuses an unknown zone (404), an unknown product or a variant of another product (400), bad tags (400)", async () => {
    const unknownZone = await post("/admin/showroom/exhibits", { zone_id: "xzon_nope", product_id: products[0].id, variant_id: products[0].variant_id })
    expect(unknownZone.status).toBe(404)
    const unknownProduct = await post("/admin/showroom/exhibits", { zone_id: zoneA.id, product_id: "prod_nope", variant_id: products[0].variant_id })
    expect(unknownProduct.status).toBe(400)
    expect(unknownProduct.body.message).toContain("prod_nope")
    const wrongVariant = await post("/admin/showroom/exhibits", { zone_id: zoneA.id, product_id: products[0].id, variant_id: products[1].variant_id })
    expect(wrongVariant.status).toBe(400)
    expect(wrongVariant.body.message).toContain("不属于")
    const noVariant = await post("/admin/showroom/exhibits", { zone_id: zoneA.id, product_id: products[0].id })
    expect(noVariant.status).toBe(400)
    expect(noVariant.body.message).toMatch(/variant_id/)

    const exhibit = await createExhibit(zoneA.id, products[3])
    const badEpc = await post(`/admin/showroom/exhibits/${exhibit.id}/tags`, { epc: "XYZ-not-hex" })
    expect(badEpc.status).toBe(400)
    expect(badEpc.body.message).toContain("EPC")
    const good = testGtin(3)
    const badGtin = await post(`/admin/showroom/exhibits/${exhibit.id}/tags`, { gtin: good.slice(0, 12) + ((Number(good[12]) + 1) % 10) })
    expect(badGtin.status).toBe(400)
    expect(badGtin.body.message).toContain("GTIN")
    const both = await post(`/admin/showroom/exhibits/${exhibit.id}/tags`, { gtin: testGtin(3), epc: "AABB" })
    expect(both.status).toBe(400)
    expect((await post("/admin/showroom/exhibits/xexh_nope/tags", { gtin: testGtin(3) })).status).toBe(404)
    expect((await admin("/admin/showroom/exhibits/xexh_nope")).status).toBe(404)
  })

  it("retires a tag (its EPC can be registered again) and withdraws an exhibit with its tags; a zone with exhibits on display is not deleted", async () => {
    const zone = await createZone(centre.id, `W${uniqueSuffix().slice(-4)}`)
    const exhibit = await createExhibit(zone.id, products[1], { plinth: "W-01", tags: [{ gtin: testGtin(4) }, { gtin: testGtin(4) }] })
    const [first, second] = exhibit.tags

    const retired = await del(`/admin/showroom/tags/${first.id}`)
    expect(retired.status).toBe(200)
    const after = await admin(`/admin/showroom/exhibits/${exhibit.id}`)
    expect(after.body.exhibit.tags.map((t: { id: string }) => t.id)).toEqual([second.id])
    expect((await del(`/admin/showroom/tags/${first.id}`)).status).toBe(404)
    const reused = await post(`/admin/showroom/exhibits/${exhibit.id}/tags`, { epc: first.epc })
    expect(reused.status).toBe(201)

    const moved = await post(`/admin/showroom/exhibits/${exhibit.id}`, { plinth: "W-02", rank: 3 })
    expect(moved.status).toBe(200)
    expect(moved.body.exhibit).toMatchObject({ plinth: "W-02", rank: 3 })
    const badMove = await post(`/admin/showroom/exhibits/${exhibit.id}`, { variant_id: products[0].variant_id })
    expect(badMove.status).toBe(400)

    const refused = await del(`/admin/showroom/zones/${zone.id}`)
    expect(refused.status).toBe(409)
    expect(refused.body.message).toContain("1")

    const withdrawn = await del(`/admin/showroom/exhibits/${exhibit.id}`)
    expect(withdrawn.status).toBe(200)
    expect(withdrawn.body.status).toBe("withdrawn")
    expect(withdrawn.body.retired_tag_ids).toHaveLength(2)
    const listed = await admin(`/admin/showroom/exhibits?zone_id=${zone.id}`)
    expect(listed.body.count).toBe(0)
    const withdrawnList = await admin(`/admin/showroom/exhibits?zone_id=${zone.id}&status=withdrawn`)
    expect(withdrawnList.body.exhibits[0]).toMatchObject({ id: exhibit.id, tags: [] })
    const noTags = await post(`/admin/showroom/exhibits/${exhibit.id}/tags`, { gtin: testGtin(4) })
    expect(noTags.status).toBe(409)

    expect((await del(`/admin/showroom/zones/${zone.id}`)).status).toBe(200)
    expect((await admin(`/admin/showroom/zones/${zone.id}`)).status).toBe(404)
  })
})

describe("tag labels", () => {
  it("prints a label per tag with title, plinth, EPC, tag URI (PDF text)", async () => {
    const gtin = testGtin(5)
    const exhibit = await createExhibit(zoneB.id, products[2], { plinth: "B-07", tags: [{ gtin }] })
    const response = await fetch(backendUrl(`/admin/showroom/labels.pdf?exhibit_ids=${exhibit.id}`), { headers: await adminHeaders() })
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe("application/pdf")
    const bytes = Buffer.from(await response.arrayBuffer())
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-")
    const text = pdfText(bytes)
    const epc = exhibit.tags[0].epc
    expect(text).toContain(epc)
    expect(text).toContain("B-07")
    expect(text).toContain(decodeEpc(epc)!.tag_uri!)
    expect(text).toContain(products[2].title.slice(0, 6))

    const byZone = await fetch(backendUrl(`/admin/showroom/labels.pdf?zone_id=${zoneB.id}`), { headers: await adminHeaders() })
    expect(byZone.status).toBe(200)
    expect(pdfText(Buffer.from(await byZone.arrayBuffer()))).toContain(epc)

    expect((await admin("/admin/showroom/labels.pdf")).status).toBe(400)
    expect((await admin("/admin/showroom/labels.pdf?zone_id=xzon_nope")).status).toBe(404)
    expect((await admin(`/admin/showroom/labels.pdf?exhibit_ids=${exhibit.id},xexh_nope`)).status).toBe(404)
  })
})

async function adminHeaders(): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await adminToken()}` }
}

function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "labels-"))
  const file = path.join(dir, "labels.pdf")
  fs.writeFileSync(file, bytes)
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

describe("monthly themes and events", () => {
  // Far-off years so the dates never meet another test's themes of the same centre.
  const year = 2100 + (Number(Date.now().toString().slice(-3)) % 500)

  it("creates a published theme, refuses an overlapping published one (409 naming it), lets drafts overlap", async () => {
    const created = await post("/admin/showroom/themes", {
      centre_id: centre.id,
      title: "信创办公月",
      title_en: "Xinchuang office month",
      story: "国产化办公设备集中展示。",
      hero_media: [{ url: "https://example.cn/hero.jpg", kind: "image", alt: "展厅" }],
      starts_on: `${year}-03-01`,
      ends_on: `${year}-03-31`,
      featured_product_ids: [products[0].id],
      status: "published",
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const theme = created.body.theme
    expect(theme).toMatchObject({
      starts_on: `${year}-03-01`,
      ends_on: `${year}-03-31`,
      hero_media: [{ url: "https://example.cn/hero.jpg", kind: "image", alt: "展厅" }],
      featured_product_ids: [products[0].id],
      featured_exhibit_ids: [],
      status: "published",
      events: [],
    })

    const overlapping = await post("/admin/showroom/themes", { centre_id: centre.id, title: "重叠主题", starts_on: `${year}-03-31`, ends_on: `${year}-04-15`, status: "published" })
    expect(overlapping.status).toBe(409)
    expect(overlapping.body.message).toContain("信创办公月")
    expect(overlapping.body.message).toContain(theme.id)

    const adjacent = await post("/admin/showroom/themes", { centre_id: centre.id, title: "四月主题", starts_on: `${year}-04-01`, ends_on: `${year}-04-30`, status: "published" })
    expect(adjacent.status).toBe(201)

    const draft = await post("/admin/showroom/themes", { centre_id: centre.id, title: "草稿主题", starts_on: `${year}-03-10`, ends_on: `${year}-03-20` })
    expect(draft.status).toBe(201)
    expect(draft.body.theme.status).toBe("draft")
    const publish = await post(`/admin/showroom/themes/${draft.body.theme.id}`, { status: "published" })
    expect(publish.status).toBe(409)
    const moved = await post(`/admin/showroom/themes/${draft.body.theme.id}`, { starts_on: `${year}-05-01`, ends_on: `${year}-05-31`, status: "published" })
    expect(moved.status).toBe(200)
    expect(moved.body.theme).toMatchObject({ starts_on: `${year}-05-01`, status: "published" })

    const list = await admin(`/admin/showroom/themes?centre_id=${centre.id}&status=published`)
    expect(list.body.themes.map((t: { starts_on: string }) => t.starts_on)).toEqual(
      expect.arrayContaining([`${year}-03-01`, `${year}-04-01`, `${year}-05-01`])
    )

    const deleted = await del(`/admin/showroom/themes/${adjacent.body.theme.id}`)
    expect(deleted.status).toBe(200)
    expect((await admin(`/admin/showroom/themes/${adjacent.body.theme.id}`)).status).toBe(404)
  })

  it("refuses bad theme input: end before start, impossible dates, unknown products, exhibits of another centre, unknown centre", async () => {
    const base = { centre_id: centre.id, title: "坏主题" }
    const backwards = await post("/admin/showroom/themes", { ...base, starts_on: `${year}-06-10`, ends_on: `${year}-06-01` })
    expect(backwards.status).toBe(400)
    expect(backwards.body.message).toMatch(/ends_on/)
    const impossible = await post("/admin/showroom/themes", { ...base, starts_on: `${year}-02-30`, ends_on: `${year}-03-02` })
    expect(impossible.status).toBe(400)
    expect(impossible.body.message).toMatch(/starts_on/)
    const unknownProduct = await post("/admin/showroom/themes", { ...base, starts_on: `${year}-07-01`, ends_on: `${year}-07-02`, featured_product_ids: ["prod_nope"] })
    expect(unknownProduct.status).toBe(400)
    expect(unknownProduct.body.message).toContain("prod_nope")
    const other = await createCentre("另一体验中心")
    const otherZone = await createZone(other.id, "X")
    const foreign = await createExhibit(otherZone.id, products[0])
    const foreignExhibit = await post("/admin/showroom/themes", { ...base, starts_on: `${year}-07-01`, ends_on: `${year}-07-02`, featured_exhibit_ids: [foreign.id] })
    expect(foreignExhibit.status).toBe(400)
    expect(foreignExhibit.body.message).toContain(foreign.id)
    const unknownCentre = await post("/admin/showroom/themes", { ...base, centre_id: "xctr_nope", starts_on: `${year}-07-01`, ends_on: `${year}-07-02` })
    expect(unknownCentre.status).toBe(404)
    const badMedia = await post("/admin/showroom/themes", { ...base, starts_on: `${year}-07-01`, ends_on: `${year}-07-02`, hero_media: [{ url: "not a url" }] })
    expect(badMedia.status).toBe(400)
    expect(badMedia.body.message).toMatch(/hero_media/)
  })

  it("adds, changes and deletes events; the sign-up list shows who signed up; capacity never drops below seats taken", async () => {
    const theme = (
      await post("/admin/showroom/themes", { centre_id: centre.id, title: "活动主题", starts_on: `${year}-08-01`, ends_on: `${year}-08-31`, status: "published" })
    ).body.theme
    const startsAt = new Date(Date.now() + 10 * 86_400_000)
    const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000)
    const created = await post(`/admin/showroom/themes/${theme.id}/events`, {
      title: "国产打印机体验会",
      title_en: "Domestic printer hands-on",
      location: "A 区",
      starts_at: startsAt.toISOString(),
      ends_at: endsAt.toISOString(),
      capacity: 4,
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const event = created.body.event
    expect(event).toMatchObject({ theme_id: theme.id, capacity: 4, seats_left: 4, signup_open: true })

    const phone = `139${String(Date.now()).slice(-8)}`
    const signup = await store(`/store/showroom/events/${event.id}/signups`, {
      init: { method: "POST", body: JSON.stringify({ name: "张三", phone, organization_name: "成都市财政局", party_size: 3 }) },
    })
    expect(signup.status, JSON.stringify(signup.body)).toBe(201)

    const list = await admin(`/admin/showroom/events/${event.id}/signups`)
    expect(list.status).toBe(200)
    expect(list.body.event).toMatchObject({ seats_taken: 3, seats_left: 1 })
    expect(list.body.signups).toEqual([expect.objectContaining({ name: "张三", phone, organization_name: "成都市财政局", party_size: 3, status: "confirmed" })])

    const tooSmall = await post(`/admin/showroom/events/${event.id}`, { capacity: 2 })
    expect(tooSmall.status).toBe(409)
    expect(tooSmall.body.message).toContain("3")
    const bigger = await post(`/admin/showroom/events/${event.id}`, { capacity: 10, location: "B 区" })
    expect(bigger.status).toBe(200)
    expect(bigger.body.event).toMatchObject({ capacity: 10, location: "B 区", seats_left: 7 })
    const backwards = await post(`/admin/showroom/events/${event.id}`, { ends_at: new Date(startsAt.getTime() - 1000).toISOString() })
    expect(backwards.status).toBe(400)

    const withEvents = await admin(`/admin/showroom/themes/${theme.id}`)
    expect(withEvents.body.theme.events.map((e: { id: string }) => e.id)).toEqual([event.id])

    const badEvent = await post(`/admin/showroom/themes/${theme.id}/events`, { title: "坏活动", starts_at: "tomorrow", ends_at: endsAt.toISOString(), capacity: 0 })
    expect(badEvent.status).toBe(400)
    expect(badEvent.body.message).toMatch(/starts_at|capacity/)
    expect((await post("/admin/showroom/themes/xthm_nope/events", { title: "x", starts_at: startsAt.toISOString(), ends_at: endsAt.toISOString(), capacity: 1 })).status).toBe(404)

    expect((await del(`/admin/showroom/events/${event.id}`)).status).toBe(200)
    expect((await admin(`/admin/showroom/events/${event.id}/signups`)).status).toBe(404)
    expect((await del(`/admin/showroom/events/${event.id}`)).status).toBe(404)
  })
})
