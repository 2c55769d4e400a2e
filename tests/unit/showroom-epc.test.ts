// EPC encode/decode for the demo experience centre's tags (seed v5): every seeded GTIN makes a
// valid SGTIN-96 that decodes back to the same GTIN and serial, and the plan of exhibits is
// deterministic.

import { describe, expect, it } from "vitest"
import { decodeEpc, encodeSgtin96, normalizeGtin } from "../../plugins/showroom/src/lib/epc"
import { generateCatalogue } from "../../seed/src/catalogue/generate"
import {
  SHOWROOM_GTIN_PREFIX,
  SHOWROOM_GTINS,
  SHOWROOM_KIOSKS,
  SHOWROOM_TAGS,
  demoKioskKeyFor,
  planExhibits,
  planThemes,
  shanghaiDay,
} from "../../seed/src/demo/showroom-data"
import { kioskKeyMatches, parseKioskKey } from "../../plugins/showroom/src/lib/kiosk-key"

describe("seeded showroom GTINs and EPCs", () => {
  it("are 30 distinct valid GTIN-13s under the demo company prefix", () => {
    expect(SHOWROOM_GTINS).toHaveLength(30)
    expect(new Set(SHOWROOM_GTINS).size).toBe(30)
    for (const gtin of SHOWROOM_GTINS) {
      expect(gtin).toMatch(/^\d{13}$/)
      expect(gtin.startsWith(SHOWROOM_GTIN_PREFIX)).toBe(true)
      expect(normalizeGtin(gtin)).toBe(gtin.padStart(14, "0"))
    }
    // A wrong check digit is refused.
    const broken = SHOWROOM_GTINS[0].slice(0, 12) + String((Number(SHOWROOM_GTINS[0][12]) + 1) % 10)
    expect(normalizeGtin(broken)).toBeNull()
  })

  it("every seeded tag is an SGTIN-96 that decodes back to its GTIN and serial (round trip)", () => {
    expect(SHOWROOM_TAGS.length).toBeGreaterThanOrEqual(30)
    expect(SHOWROOM_TAGS.length).toBeLessThanOrEqual(60)
    expect(new Set(SHOWROOM_TAGS.map((t) => t.epc)).size).toBe(SHOWROOM_TAGS.length)
    for (const tag of SHOWROOM_TAGS) {
      expect(tag.epc).toMatch(/^30[0-9A-F]{22}$/)
      const decoded = decodeEpc(tag.epc)
      expect(decoded).toMatchObject({ scheme: "sgtin-96", gtin: tag.gtin.padStart(14, "0"), serial: tag.serial })
      // Tag URI: urn:epc:tag:sgtin-96:<filter>.<company prefix>.<indicator + item ref>.<serial>
      expect(decoded!.tag_uri).toBe(`urn:epc:tag:sgtin-96:1.${SHOWROOM_GTIN_PREFIX}.0${tag.gtin.slice(7, 12)}.${tag.serial}`)
      // Encoding the decoded GTIN again gives the same hex; readers' lower case / separators too.
      expect(encodeSgtin96(decoded!.gtin!, Number(decoded!.serial), 7)).toBe(tag.epc)
      expect(decodeEpc(tag.epc.toLowerCase().match(/.{4}/g)!.join("-"))!.gtin).toBe(decoded!.gtin)
    }
  })

  it("each of the 30 exhibits has one or two tags of its own GTIN", () => {
    for (const [i, gtin] of SHOWROOM_GTINS.entries()) {
      const tags = SHOWROOM_TAGS.filter((t) => t.exhibit === i + 1)
      expect(tags.length).toBeGreaterThanOrEqual(1)
      expect(tags.length).toBeLessThanOrEqual(2)
      expect(tags.every((t) => t.gtin === gtin)).toBe(true)
    }
  })

  it("a raw UID is kept as a raw identifier, not mistaken for an SGTIN", () => {
    expect(decodeEpc("E2801160600002084E5F21B4")).toMatchObject({ scheme: "raw", gtin: null })
    expect(decodeEpc("not hex")).toBeNull()
  })
})

describe("the showroom plan", () => {
  const catalogue = generateCatalogue(20261122)

  it("puts 10 showroom-channel products on the plinths of each zone, deterministically", () => {
    const plan = planExhibits(catalogue)
    expect(plan).toHaveLength(30)
    expect(planExhibits(generateCatalogue(20261122))).toEqual(plan)
    const byHandle = new Map(catalogue.products.map((p) => [p.handle, p]))
    for (const exhibit of plan) {
      expect(byHandle.get(exhibit.product_handle)!.channels).toContain("showroom")
      expect(exhibit.antenna).toBe(`reader-${exhibit.zone.toLowerCase()}:${exhibit.position}`)
      expect(exhibit.tags.map((t) => t.gtin)).toEqual(exhibit.tags.map(() => SHOWROOM_GTINS[exhibit.number - 1]))
    }
    expect(new Set(plan.map((e) => e.product_handle)).size).toBe(30)
    for (const zone of ["A", "B", "C"]) expect(plan.filter((e) => e.zone === zone)).toHaveLength(10)
    // Zone C is rentals and services.
    expect(plan.filter((e) => e.zone === "C").every((e) => ["rental", "service"].includes(byHandle.get(e.product_handle)!.kind))).toBe(true)
  })

  it("themes cover this month and next in China Standard Time, with events still ahead", () => {
    // 23:30 UTC on 31 Dec is already 1 January in Shanghai.
    const [current, next] = planThemes(new Date("2026-12-31T23:30:00Z"))
    // Each day is stored as its start in Shanghai (00:00 +08:00).
    expect(current.starts_on.toISOString()).toBe("2026-12-31T16:00:00.000Z")
    expect(shanghaiDay(current.ends_on)).toBe("2027-01-31")
    expect(shanghaiDay(next.starts_on)).toBe("2027-02-01")
    expect(next.ends_on.toISOString()).toBe("2027-02-27T16:00:00.000Z")
    for (const theme of [current, next]) {
      expect(theme.events).toHaveLength(2)
      for (const event of theme.events) {
        expect(event.starts_at.getTime()).toBeGreaterThan(new Date("2026-12-31T23:30:00Z").getTime())
        expect(event.ends_at.getTime()).toBeGreaterThan(event.starts_at.getTime())
        expect(event.signup_closes_at.getTime()).toBeLessThan(event.starts_at.getTime())
      }
    }
    expect(shanghaiDay(next.events[0].starts_at)).toBe("2027-02-10")
    expect(current.title).not.toBe(next.title)
  })

  it("demo kiosk keys are well-formed, distinct and stable", () => {
    const keys = SHOWROOM_KIOSKS.map((k) => demoKioskKeyFor("demo-password", k))
    expect(new Set(keys.map((k) => k.key)).size).toBe(3)
    for (const issued of keys) {
      expect(parseKioskKey(issued.key)?.key_id).toBe(issued.key_id)
      expect(kioskKeyMatches(issued.key, issued.key_hash)).toBe(true)
    }
    expect(demoKioskKeyFor("demo-password", SHOWROOM_KIOSKS[0]).key).toBe(keys[0].key)
    expect(demoKioskKeyFor("other-password", SHOWROOM_KIOSKS[0]).key).not.toBe(keys[0].key)
  })
})
