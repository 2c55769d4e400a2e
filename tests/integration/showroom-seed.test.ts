// The demo experience centre the seed writes (seed v5) and the stack facts / `npm start` give out:
// one centre, zones A/B/C, 30 exhibits of showroom-channel products each with SGTIN-96 tags that
// decode back to the exhibit's GTIN, a kiosk per zone whose demo key authenticates, and the
// current and next month's published themes with two events each.

import { Client } from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { decodeEpc } from "../../plugins/showroom/src/lib/epc"
import { kioskKeyMatches } from "../../plugins/showroom/src/lib/kiosk-key"
import { SHOWROOM_CENTRE, SHOWROOM_GTINS, SHOWROOM_KIOSKS, demoKioskKeyFor, monthRange, nextMonth, shanghaiMonth } from "../../seed/src/demo/showroom-data"
import { CHANNELS } from "../../seed/src/demo/seed-demo"
import { backendUrl, store } from "../support/http"
import { testStack } from "../support/stack"

let db: Client

beforeAll(async () => {
  db = new Client({ connectionString: testStack().databaseUrl })
  await db.connect()
})
afterAll(async () => {
  await db.end()
})

async function rows<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[]
}

describe("seeded experience centre", () => {
  it("is one centre with zones A, B and C (bilingual) in the stack facts", async () => {
    const { facts } = testStack()
    const centres = await rows("select id, name, name_en, address, opening_hours from showroom_centre where name = $1 and deleted_at is null", [SHOWROOM_CENTRE.name])
    expect(centres).toHaveLength(1)
    expect(centres[0]).toMatchObject({ name: "成都市公物仓体验中心", name_en: SHOWROOM_CENTRE.name_en })
    expect(centres[0].address).toContain("成都")
    expect(centres[0].opening_hours).toContain("9:00")
    expect(facts.showroom.centre_id).toBe(centres[0].id)

    const zones = await rows("select code, name, name_en from showroom_zone where centre_id = $1 and deleted_at is null order by code", [centres[0].id])
    expect(zones).toEqual([
      { code: "A", name: "办公设备", name_en: "Office equipment" },
      { code: "B", name: "家具与信创", name_en: "Furniture and domestic IT (Xinchuang)" },
      { code: "C", name: "租赁与服务", name_en: "Rentals and services" },
    ])
  })

  it("has 30 exhibits of showroom-channel products, each with 1–2 active SGTIN-96 tags decoding to its GTIN", async () => {
    const centreId = testStack().facts.showroom.centre_id
    const exhibits = await rows<{ id: string; product_id: string; variant_id: string; plinth: string; antenna: string; code: string }>(
      `select e.id, e.product_id, e.variant_id, e.plinth, e.antenna, z.code
         from showroom_exhibit e join showroom_zone z on z.id = e.zone_id
        where z.centre_id = $1 and e.deleted_at is null and e.plinth ~ '^[ABC]-[0-9]{2}$'
        order by e.plinth`,
      [centreId]
    )
    expect(exhibits).toHaveLength(30)
    for (const code of ["A", "B", "C"]) expect(exhibits.filter((e) => e.code === code)).toHaveLength(10)
    // Their products are in the "Showroom kiosks" channel, their variants belong to them.
    const inChannel = await rows<{ product_id: string }>(
      `select psc.product_id from product_sales_channel psc join sales_channel sc on sc.id = psc.sales_channel_id
        where sc.name = $1 and psc.deleted_at is null and psc.product_id = any($2)`,
      [CHANNELS.showroom.name, exhibits.map((e) => e.product_id)]
    )
    expect(new Set(inChannel.map((r) => r.product_id)).size).toBe(30)
    const variants = await rows<{ id: string; product_id: string }>("select id, product_id from product_variant where id = any($1)", [exhibits.map((e) => e.variant_id)])
    for (const exhibit of exhibits) {
      expect(variants.find((v) => v.id === exhibit.variant_id)?.product_id).toBe(exhibit.product_id)
      const position = Number(exhibit.plinth.slice(2))
      expect(exhibit.antenna).toBe(`reader-${exhibit.code.toLowerCase()}:${position}`)
    }

    const tags = await rows<{ exhibit_id: string; epc: string; scheme: string; gtin: string; serial: string }>(
      "select exhibit_id, epc, scheme, gtin, serial from showroom_rfid_tag where exhibit_id = any($1) and status = 'active' and deleted_at is null",
      [exhibits.map((e) => e.id)]
    )
    const seenGtins = new Set<string>()
    for (const exhibit of exhibits) {
      const own = tags.filter((t) => t.exhibit_id === exhibit.id)
      expect(own.length, exhibit.plinth).toBeGreaterThanOrEqual(1)
      expect(own.length, exhibit.plinth).toBeLessThanOrEqual(2)
      const gtins = new Set(own.map((t) => t.gtin))
      expect(gtins.size).toBe(1)
      for (const tag of own) {
        expect(tag.scheme).toBe("sgtin-96")
        const decoded = decodeEpc(tag.epc)
        expect(decoded).toMatchObject({ scheme: "sgtin-96", gtin: tag.gtin.padStart(14, "0"), serial: tag.serial })
      }
      seenGtins.add([...gtins][0])
    }
    expect([...seenGtins].sort()).toEqual([...SHOWROOM_GTINS].sort())
  })

  it("has a kiosk per zone watching that zone's antennas; their demo keys are in the stack facts and authenticate", async () => {
    const { facts, env } = testStack()
    expect(facts.showroom.kiosks.map((k) => [k.zone_code, k.name])).toEqual(SHOWROOM_KIOSKS.map((k) => [k.zone, k.name]))
    for (const [i, kiosk] of facts.showroom.kiosks.entries()) {
      expect(kiosk.key).toBe(demoKioskKeyFor(env.SUPPLIER_PASSWORD, SHOWROOM_KIOSKS[i]).key)
      const [row] = await rows("select antennas, key_hash, revoked_at from showroom_kiosk where id = $1", [kiosk.id])
      expect(row.revoked_at).toBeNull()
      // Only the key's hash is stored.
      expect(row.key_hash).not.toBe(kiosk.key)
      expect(kioskKeyMatches(kiosk.key!, row.key_hash)).toBe(true)
      expect(row.antennas.ids).toEqual(Array.from({ length: 10 }, (_, n) => `reader-${kiosk.zone_code.toLowerCase()}:${n + 1}`))

      // The kiosk API (plugins/showroom/src/api/kiosk) knows the kiosk by its key.
      const me = await fetch(backendUrl("/kiosk/me"), { headers: { authorization: `Kiosk ${kiosk.key}` } })
      expect(me.status).toBe(200)
      expect(((await me.json()) as any).kiosk).toMatchObject({ id: kiosk.id, name: kiosk.name, centre_id: facts.showroom.centre_id })
    }
    const wrong = await fetch(backendUrl("/kiosk/me"), { headers: { authorization: `Kiosk ${demoKioskKeyFor("not-the-password", SHOWROOM_KIOSKS[0]).key}` } })
    expect(wrong.status).toBe(401)
  })

  it("publishes this month's and next month's themes (China Standard Time) with two events each", async () => {
    const centreId = testStack().facts.showroom.centre_id
    const current = shanghaiMonth(new Date())
    const expected = [monthRange(current.year, current.month), monthRange(nextMonth(current).year, nextMonth(current).month)]
    const themes = await rows<{ id: string; title: string; starts_on: Date; ends_on: Date; status: string; hero_media: any; featured_product_ids: any; featured_exhibit_ids: any }>(
      "select id, title, starts_on, ends_on, status, hero_media, featured_product_ids, featured_exhibit_ids from showroom_theme where centre_id = $1 and deleted_at is null and starts_on = any($2) order by starts_on",
      [centreId, expected.map((r) => r.starts_on)]
    )
    expect(themes).toHaveLength(2)
    for (const [i, theme] of themes.entries()) {
      expect(theme.status).toBe("published")
      expect(new Date(theme.starts_on).getTime()).toBe(expected[i].starts_on.getTime())
      expect(new Date(theme.ends_on).getTime()).toBe(expected[i].ends_on.getTime())
      expect(theme.hero_media.items.length).toBeGreaterThan(0)
      expect(theme.featured_product_ids.ids.length).toBeGreaterThan(0)
      expect(theme.featured_exhibit_ids.ids.length).toBeGreaterThan(0)
      const events = await rows("select title, starts_at, capacity from showroom_theme_event where theme_id = $1 and deleted_at is null", [theme.id])
      expect(events).toHaveLength(2)
      for (const event of events) expect(new Date(event.starts_at).getTime()).toBeGreaterThan(Date.now() - 60_000)
    }

    // The store API shows both, current first.
    const listed = await store(`/store/showroom/themes?centre_id=${centreId}`)
    expect(listed.status, JSON.stringify(listed.body)).toBe(200)
    const titles = JSON.stringify(listed.body)
    for (const theme of themes) expect(titles).toContain(theme.title)
  })
})
