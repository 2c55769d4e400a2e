import { describe, expect, it } from "vitest"
import { absoluteUrl, bundleVersion, calendarDate, etagMatches, productView, shanghaiDay, specsAndTerms } from "../../plugins/showroom/src/lib/kiosk-bundle"
import { kioskKeyFromHeaders, parseKioskKey, issueKioskKey, kioskKeyMatches } from "../../plugins/showroom/src/lib/kiosk-key"
import { KioskEventsBody, KioskHeartbeat } from "../../plugins/showroom/src/api/kiosk/validators"
import { AdminCreateKiosk } from "../../plugins/showroom/src/api/admin/showroom/kiosks/validators"
import { publicKiosk } from "../../plugins/showroom/src/lib/kiosk-admin"

describe("Asia/Shanghai days", () => {
  it("gives the Shanghai calendar day around an instant", () => {
    // 2026-11-30 23:30 in Shanghai is 15:30 UTC.
    const { start, end } = shanghaiDay(new Date("2026-11-30T15:30:00Z"))
    expect(start.toISOString()).toBe("2026-11-29T16:00:00.000Z")
    expect(end.toISOString()).toBe("2026-11-30T16:00:00.000Z")
    // 00:30 on 1 December in Shanghai is still 30 November in UTC.
    expect(shanghaiDay(new Date("2026-11-30T16:30:00Z")).start.toISOString()).toBe("2026-11-30T16:00:00.000Z")
  })

  it("reads theme dates stored at UTC midnight or at Shanghai midnight as the same day", () => {
    expect(calendarDate("2026-11-01T00:00:00Z")).toBe("2026-11-01")
    expect(calendarDate("2026-10-31T16:00:00Z")).toBe("2026-11-01")
    expect(calendarDate(new Date("2026-11-30T15:59:59Z"))).toBe("2026-11-30")
  })
})

describe("product pages for the kiosk", () => {
  const rental = {
    id: "prod_1",
    handle: "laptop-rental",
    title: "笔记本电脑租赁",
    subtitle: null,
    description: "d",
    thumbnail: "http://localhost:9000/static/t.webp",
    images: [{ url: "http://localhost:9000/static/b.webp", rank: 1 }, { url: "http://localhost:9000/static/a.webp", rank: 0 }],
    metadata: {
      offer_kind: "rental",
      supplier_code: "S01",
      supplier_name: "成都某科技有限公司",
      specs: [
        { key: "brand", label_zh: "品牌", label_en: "Brand", unit: null, value: "联想" },
        { key: "memory_gb", label_zh: "内存", label_en: "Memory", unit: "GB", value: 16 },
        { key: "xinchuang", label_zh: "信创适配", label_en: "Domestic IT", unit: null, value: true },
        { key: "min_rental_period", label_zh: "最短租期", label_en: "Minimum rental period", unit: null, value: "3个月" },
        { key: "deposit_cny", label_zh: "押金", label_en: "Deposit", unit: "元", value: 800 },
        { key: "color", label_zh: "颜色", label_en: "Colour", unit: null, value: "无" },
      ],
      rental: { period_unit: "month", min_periods: 3, deposit_cny: 800 },
    },
    variants: [
      { id: "var_a", title: "按月", sku: "RT-1", prices: [{ amount: 99, currency_code: "usd" }, { amount: 300, currency_code: "cny" }] },
      { id: "var_b", title: "按周", sku: "RT-2", prices: [{ amount: 120, currency_code: "cny" }] },
    ],
    supplier: null,
  }

  it("takes the exhibit's variant price in yuan, images in rank order, supplier, specs and rental terms", () => {
    const view = productView(rental, "var_b", "https://shop.example")
    expect(view.price).toEqual({ amount: 120, currency_code: "cny" })
    expect(view.variant).toEqual({ id: "var_b", title: "按周", sku: "RT-2" })
    expect(view.images).toEqual(["http://localhost:9000/static/a.webp", "http://localhost:9000/static/b.webp"])
    expect(view.kind).toBe("rental")
    expect(view.supplier).toEqual({ id: "S01", name: "成都某科技有限公司" })
    expect(view.url).toBe("https://shop.example/products/laptop-rental")
    expect(view.specs).toEqual([
      { label_zh: "品牌", label_en: "Brand", value: "联想" },
      { label_zh: "内存", label_en: "Memory", value: "16 GB" },
      { label_zh: "信创适配", label_en: "Domestic IT", value: "是 / Yes" },
      { label_zh: "颜色", label_en: "Colour", value: "无" },
    ])
    expect(view.terms).toEqual([
      { label_zh: "计费方式", label_en: "Billing period", value: "按月 / per month" },
      { label_zh: "最短租期", label_en: "Minimum rental period", value: "3个月" },
      { label_zh: "押金", label_en: "Deposit", value: "800元" },
    ])
    expect(productView({ ...rental, supplier: { id: "sup_1", company_name: "链接供应商" } }, "var_a", "x").supplier).toEqual({ id: "sup_1", name: "链接供应商" })
  })

  it("keeps at most 8 specs and lists service terms", () => {
    const specs = Array.from({ length: 12 }, (_, i) => ({ key: `k${i}`, label_zh: `规格${i}`, label_en: `Spec ${i}`, unit: null, value: i }))
    const { specs: out, terms } = specsAndTerms({ specs, service: { response_hours: 4, coverage: "成都市", delivery_mode: "onsite" } })
    expect(out).toHaveLength(8)
    expect(terms).toEqual([
      { label_zh: "响应时间", label_en: "Response time", value: "4 小时 / hours" },
      { label_zh: "服务范围", label_en: "Coverage", value: "成都市" },
      { label_zh: "服务方式", label_en: "Delivery mode", value: "上门服务 / on site" },
    ])
  })

  it("makes stored media paths absolute on the backend's origin and keeps absolute URLs", () => {
    expect(absoluteUrl("/media/products/a.webp", "http://localhost:9000")).toBe("http://localhost:9000/media/products/a.webp")
    expect(absoluteUrl("media/a.webp", "http://localhost:9000/")).toBe("http://localhost:9000/media/a.webp")
    expect(absoluteUrl("https://cdn.example/a.webp", "http://localhost:9000")).toBe("https://cdn.example/a.webp")
    expect(absoluteUrl("//cdn.example/a.webp", "https://api.example")).toBe("https://cdn.example/a.webp")
    const relative = productView({ id: "p", handle: "h", title: "t", thumbnail: "/media/t.webp", images: [], metadata: {}, variants: [] }, "v", "s")
    expect(relative.thumbnail).toMatch(/^https?:\/\/[^/]+\/media\/t\.webp$/)
    expect(relative.images).toEqual([relative.thumbnail])
    expect(relative.price).toBeNull()
    expect(relative.kind).toBe("goods")
  })

  it("versions bundles by content", () => {
    const base = { a: 1 } as any
    expect(bundleVersion(base)).toBe(bundleVersion({ a: 1 } as any))
    expect(bundleVersion(base)).not.toBe(bundleVersion({ a: 2 } as any))
  })

  it("matches If-None-Match lists, weak tags and *", () => {
    expect(etagMatches('"v1"', '"v1"')).toBe(true)
    expect(etagMatches('W/"v1"', '"v1"')).toBe(true)
    expect(etagMatches('"v0", "v1"', '"v1"')).toBe(true)
    expect(etagMatches("*", '"v1"')).toBe(true)
    expect(etagMatches('"v2"', '"v1"')).toBe(false)
    expect(etagMatches(undefined, '"v1"')).toBe(false)
  })
})

describe("kiosk keys and bodies", () => {
  it("reads only kiosk keys from headers; a bearer token is not one", () => {
    const { key, key_hash } = issueKioskKey()
    expect(kioskKeyFromHeaders({ authorization: `Kiosk ${key}` })).toBe(key)
    expect(kioskKeyFromHeaders({ "x-kiosk-key": key })).toBe(key)
    expect(kioskKeyFromHeaders({ authorization: "Bearer abc.def.ghi" })).toBeNull()
    expect(parseKioskKey("Bearer abc")).toBeNull()
    expect(kioskKeyMatches(key, key_hash)).toBe(true)
    expect(kioskKeyMatches(`${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`, key_hash)).toBe(false)
  })

  it("never shows the key hash to the operator", () => {
    const view = publicKiosk({ id: "xksk_1", name: "n", centre_id: "c", zone_id: "z", antennas: { ids: ["r:1"] }, key_id: "abc", key_hash: "secret-hash", last_heartbeat_at: new Date(Date.now() - 30_000) })
    expect(JSON.stringify(view)).not.toContain("secret-hash")
    expect(view.online).toBe(true)
    expect(publicKiosk({ id: "x", key_id: "a", last_heartbeat_at: new Date(Date.now() - 3 * 60_000) }).online).toBe(false)
    expect(publicKiosk({ id: "x", key_id: "a", revoked_at: new Date(), last_heartbeat_at: new Date() }).online).toBe(false)
  })

  it("validates event batches and heartbeats with messages naming the field", () => {
    const event = { id: "0b7c1b1e-5b7a-4c1d-9f57-3c5d1f1b2a10", type: "lift", epc: "30395dfa8", antenna: "r:1", occurred_at: new Date().toISOString() }
    expect(KioskEventsBody.parse({ events: [event] }).events[0].epc).toBe("30395DFA8")
    const future = KioskEventsBody.safeParse({ events: [{ ...event, occurred_at: new Date(Date.now() + 6 * 60_000).toISOString() }] })
    expect(future.success).toBe(false)
    expect(KioskEventsBody.safeParse({ events: [{ ...event, extra: 1 }] }).success).toBe(false)
    expect(KioskHeartbeat.safeParse({ app_version: "x".repeat(65) }).success).toBe(false)
    expect(AdminCreateKiosk.parse({ centre_id: "c", zone_id: "z", name: " 屏 ", antennas: ["a", "a"] })).toEqual({ centre_id: "c", zone_id: "z", name: "屏", antennas: ["a"] })
  })
})
