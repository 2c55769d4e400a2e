// The deterministic demo catalogue: shape, realism constraints and the credit code checks.
// Pure data, no database.

import { describe, expect, it } from "vitest"
import {
  buildCreditCode,
  creditCodeCheckChar,
  isValidCreditCode,
  isValidOrgCode,
  orgCodeCheckChar,
} from "../../seed/src/catalogue/credit-code"
import { DEFAULT_SEED, generateCatalogue } from "../../seed/src/catalogue/generate"
import type { OfferKind, ProductSeed } from "../../seed/src/catalogue/types"

const catalogue = generateCatalogue()
const KINDS: OfferKind[] = ["goods", "rental", "service", "specialty"]
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/

const hasAtMostTwoDecimals = (n: number): boolean => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6
const countBy = <T,>(items: T[], key: (item: T) => string): Record<string, number> =>
  items.reduce<Record<string, number>>((acc, item) => {
    acc[key(item)] = (acc[key(item)] ?? 0) + 1
    return acc
  }, {})

describe("determinism", () => {
  it("gives deep-equal catalogues for the same seed", () => {
    expect(generateCatalogue()).toEqual(catalogue)
    expect(generateCatalogue(DEFAULT_SEED)).toEqual(catalogue)
    expect(catalogue.seed).toBe(20261122)
  })

  it("gives a different catalogue for a different seed", () => {
    const other = generateCatalogue(7)
    expect(other.seed).toBe(7)
    expect(other).not.toEqual(catalogue)
    expect(other.products.map((p) => p.title)).not.toEqual(catalogue.products.map((p) => p.title))
    expect(other.suppliers.map((s) => s.credit_code)).not.toEqual(catalogue.suppliers.map((s) => s.credit_code))
  })

  it("is quick to generate", () => {
    const started = performance.now()
    generateCatalogue(99)
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe("categories", () => {
  const tops = catalogue.categories.filter((c) => !c.parent_handle)
  const leaves = catalogue.categories.filter((c) => c.parent_handle)

  it("has one top-level category per kind, each with 3-6 children", () => {
    expect(tops).toHaveLength(4)
    expect(tops.map((c) => c.kind).sort()).toEqual([...KINDS].sort())
    for (const top of tops) {
      const children = leaves.filter((c) => c.parent_handle === top.handle)
      expect(children.length).toBeGreaterThanOrEqual(3)
      expect(children.length).toBeLessThanOrEqual(6)
      for (const child of children) expect(child.kind).toBe(top.kind)
    }
  })

  it("is exactly two levels deep", () => {
    const topHandles = new Set(tops.map((c) => c.handle))
    for (const leaf of leaves) expect(topHandles.has(leaf.parent_handle as string)).toBe(true)
  })

  it("has unique kebab-case handles, English names and hex colours", () => {
    const handles = catalogue.categories.map((c) => c.handle)
    expect(new Set(handles).size).toBe(handles.length)
    for (const c of catalogue.categories) {
      expect(c.handle).toMatch(KEBAB)
      expect(c.name_zh).toMatch(/\p{Script=Han}/u)
      expect(c.name_en.length).toBeGreaterThan(2)
      expect(c.color).toMatch(/^#[0-9A-Fa-f]{6}$/)
    }
    expect(new Set(tops.map((c) => c.color.toUpperCase())).size).toBe(4)
  })
})

describe("spec attributes", () => {
  it("declares at least 20 unique attributes with labels", () => {
    const keys = catalogue.attributes.map((a) => a.key)
    expect(keys.length).toBeGreaterThanOrEqual(20)
    expect(new Set(keys).size).toBe(keys.length)
    for (const key of ["brand", "model", "dimensions", "power", "warranty_months", "energy_label", "origin_region",
      "after_sales_response_hours", "weight_kg", "material", "color", "carbon_neutral", "min_rental_period",
      "service_area", "team_size", "shelf_life_days"]) {
      expect(keys).toContain(key)
    }
    for (const a of catalogue.attributes) {
      expect(a.label_zh).toMatch(/\p{Script=Han}/u)
      expect(["text", "number", "boolean"]).toContain(a.type)
    }
  })
})

describe("products", () => {
  const { products } = catalogue
  const leafHandles = new Set(catalogue.categories.filter((c) => c.parent_handle).map((c) => c.handle))
  const categoryKind = new Map(catalogue.categories.map((c) => [c.handle, c.kind]))
  const attributeType = new Map(catalogue.attributes.map((a) => [a.key, a.type]))

  it("has enough products across all kinds and all leaf categories", () => {
    expect(products.length).toBeGreaterThanOrEqual(320)
    const perKind = countBy(products, (p) => p.kind)
    for (const kind of KINDS) expect(perKind[kind]).toBeGreaterThanOrEqual(40)
    expect(perKind.goods).toBe(Math.max(...Object.values(perKind)))
    const usedLeaves = new Set(products.map((p) => p.category_handle))
    expect(usedLeaves).toEqual(leafHandles)
  })

  it("puts every product in a leaf category of its own kind", () => {
    for (const p of products) {
      expect(leafHandles.has(p.category_handle)).toBe(true)
      expect(categoryKind.get(p.category_handle)).toBe(p.kind)
    }
  })

  it("has at least five declared specs per product (goods seven) with values of the declared type", () => {
    for (const p of products) {
      const keys = Object.keys(p.specs)
      expect(keys.length, p.handle).toBeGreaterThanOrEqual(p.kind === "goods" ? 7 : 5)
      for (const [key, value] of Object.entries(p.specs)) {
        const type = attributeType.get(key)
        expect(type, `${p.handle}.${key}`).toBeDefined()
        const expected = type === "text" ? "string" : type
        expect(typeof value, `${p.handle}.${key}`).toBe(expected)
        if (typeof value === "number") expect(Number.isFinite(value)).toBe(true)
        if (typeof value === "string") expect(value.length).toBeGreaterThan(0)
      }
    }
  })

  it("has unique handles, titles and SKUs", () => {
    const handles = products.map((p) => p.handle)
    const titles = products.map((p) => p.title)
    const skus = products.flatMap((p) => p.variants.map((v) => v.sku))
    expect(new Set(handles).size).toBe(handles.length)
    expect(new Set(titles).size).toBe(titles.length)
    expect(new Set(skus).size).toBe(skus.length)
    for (const h of handles) expect(h).toMatch(/^gwc-\d{4}-[a-z0-9-]+$/)
    for (const h of handles) expect(h).toMatch(KEBAB)
  })

  it("writes Chinese titles, subtitles and 2-4 sentence descriptions", () => {
    for (const p of products) {
      expect(p.title).toMatch(/\p{Script=Han}/u)
      expect(p.subtitle).toMatch(/\p{Script=Han}/u)
      const sentences = p.description.split("。").filter((s) => s.trim().length > 0)
      expect(sentences.length, p.handle).toBeGreaterThanOrEqual(2)
      expect(sentences.length, p.handle).toBeLessThanOrEqual(4)
      expect(p.description).toMatch(/响应/) // after-sales is always mentioned
      expect(p.description).not.toMatch(/undefined|NaN|null/)
    }
  })

  it("prices every variant positively with at most two decimals", () => {
    for (const v of products.flatMap((p) => p.variants)) {
      expect(v.price_cny).toBeGreaterThan(0)
      expect(hasAtMostTwoDecimals(v.price_cny), `${v.sku} ${v.price_cny}`).toBe(true)
    }
  })

  it("keeps prices realistic per category", () => {
    const firstPrice = (slug: string) =>
      products.filter((p) => p.handle.endsWith(`-${slug}`)).map((p) => p.variants[0].price_cny)
    const pens = products
      .filter((p) => p.handle.endsWith("-gel-pen") || p.handle.endsWith("-signing-pen"))
      .flatMap((p) => p.variants.filter((v) => v.title === "单支" || p.options[0].title === "颜色"))
      .map((v) => v.price_cny)
    expect(pens.length).toBeGreaterThan(0)
    for (const price of pens) expect(price).toBeGreaterThanOrEqual(2)
    for (const price of pens) expect(price).toBeLessThanOrEqual(30)
    const printers = [...firstPrice("mono-laser-printer"), ...firstPrice("color-mfp")]
    expect(printers.length).toBeGreaterThan(0)
    for (const price of printers) expect(price).toBeGreaterThanOrEqual(700)
    for (const price of printers) expect(price).toBeLessThanOrEqual(7000)
  })

  it("keeps variants consistent with the product's options", () => {
    for (const p of products) {
      expect(p.variants.length).toBeGreaterThanOrEqual(1)
      expect(p.options.length).toBeGreaterThanOrEqual(1)
      const titles = new Set(p.variants.map((v) => v.title))
      expect(titles.size).toBe(p.variants.length)
      for (const v of p.variants) {
        expect(Object.keys(v.options).sort()).toEqual(p.options.map((o) => o.title).sort())
        for (const o of p.options) expect(o.values).toContain(v.options[o.title])
        expect(Number.isInteger(v.inventory.central)).toBe(true)
        expect(Number.isInteger(v.inventory.experience)).toBe(true)
        expect(v.inventory.central).toBeGreaterThan(0)
        expect(v.inventory.experience).toBeGreaterThanOrEqual(0)
      }
    }
  })

  it("gives each kind its own terms and variant axis", () => {
    const byKind = (kind: OfferKind): ProductSeed[] => products.filter((p) => p.kind === kind)
    for (const p of byKind("goods")) {
      expect(p.variants.length).toBeLessThanOrEqual(3)
      expect(p.rental).toBeUndefined()
      expect(p.service).toBeUndefined()
    }
    for (const p of byKind("rental")) {
      expect(p.rental).toBeDefined()
      expect(["day", "week", "month"]).toContain(p.rental?.period_unit)
      expect(p.rental?.min_periods).toBeGreaterThanOrEqual(1)
      expect(p.rental?.deposit_cny).toBeGreaterThan(0)
      expect(p.options[0].title).toBe("租期")
      expect(p.specs.deposit_cny).toBe(p.rental?.deposit_cny)
      expect(p.service).toBeUndefined()
    }
    expect(byKind("rental").some((p) => p.variants.length >= 3)).toBe(true)
    for (const p of byKind("service")) {
      expect(p.service).toBeDefined()
      expect(["onsite", "remote", "both"]).toContain(p.service?.delivery_mode)
      expect(p.service?.response_hours).toBe(p.specs.after_sales_response_hours)
      expect(p.service?.coverage).toBe(p.specs.service_area)
      expect(p.options[0].values).toEqual(["基础", "标准", "高级"])
      expect(p.variants.every((v) => v.inventory.central >= 1000)).toBe(true)
      expect(p.rental).toBeUndefined()
    }
    for (const p of byKind("specialty")) {
      expect(p.rental).toBeUndefined()
      expect(p.service).toBeUndefined()
      expect(typeof p.specs.origin_region).toBe("string")
    }
  })

  it("lists everything online, about 60 in the showroom and about 40 in livestreams", () => {
    for (const p of products) {
      expect(p.channels).toContain("online")
      expect(new Set(p.channels).size).toBe(p.channels.length)
    }
    const showroom = products.filter((p) => p.channels.includes("showroom")).length
    const livestream = products.filter((p) => p.channels.includes("livestream")).length
    expect(showroom).toBeGreaterThanOrEqual(50)
    expect(showroom).toBeLessThanOrEqual(70)
    expect(livestream).toBeGreaterThanOrEqual(30)
    expect(livestream).toBeLessThanOrEqual(50)
    expect(products.some((p) => p.channels.length === 1)).toBe(true)
    // Only showroom products hold stock in the experience centre (services excepted).
    for (const p of products.filter((x) => x.kind !== "service" && !x.channels.includes("showroom"))) {
      for (const v of p.variants) expect(v.inventory.experience).toBe(0)
    }
  })

  it("tags energy-saving, carbon-neutral, new and local products", () => {
    const tags = new Set(products.flatMap((p) => p.tags))
    for (const tag of ["节能", "双碳", "新品", "本地特色"]) expect(tags.has(tag)).toBe(true)
    for (const p of products) {
      expect(p.tags.includes("双碳")).toBe(p.specs.carbon_neutral === true)
      expect(new Set(p.tags).size).toBe(p.tags.length)
    }
  })
})

describe("suppliers", () => {
  const { suppliers, products } = catalogue

  it("has at least 12 named suppliers with unique codes", () => {
    expect(suppliers.length).toBeGreaterThanOrEqual(12)
    expect(new Set(suppliers.map((s) => s.code)).size).toBe(suppliers.length)
    expect(new Set(suppliers.map((s) => s.name)).size).toBe(suppliers.length)
    for (const s of suppliers) {
      expect(s.code).toMatch(/^SUP-\d{3}$/)
      expect(s.name).toMatch(/有限公司$/)
      expect(s.region).toMatch(/[省市区]/)
      expect(s.contact_name).toMatch(/^\p{Script=Han}{2,4}$/u)
      expect(s.contact_phone).toMatch(/^1[3-9]\d{9}$/)
      expect(s.kinds.length).toBeGreaterThan(0)
    }
    expect(new Set(suppliers.map((s) => s.region.slice(0, 2))).size).toBeGreaterThanOrEqual(6)
  })

  it("carries valid, unique unified social credit codes", () => {
    expect(new Set(suppliers.map((s) => s.credit_code)).size).toBe(suppliers.length)
    for (const s of suppliers) {
      expect(s.credit_code).toHaveLength(18)
      expect(isValidCreditCode(s.credit_code), s.credit_code).toBe(true)
      expect(isValidOrgCode(s.credit_code.slice(8, 17)), s.credit_code).toBe(true)
      expect(s.credit_code.slice(0, 2)).toBe("91")
    }
  })

  it("only sells kinds the supplier serves, and every supplier sells something", () => {
    const byCode = new Map(suppliers.map((s) => [s.code, s]))
    for (const p of products) {
      const supplier = byCode.get(p.supplier_code)
      expect(supplier, p.handle).toBeDefined()
      expect(supplier?.kinds).toContain(p.kind)
    }
    const selling = new Set(products.map((p) => p.supplier_code))
    for (const s of suppliers) expect(selling.has(s.code), s.code).toBe(true)
    for (const s of suppliers) {
      for (const kind of s.kinds) expect(products.some((p) => p.supplier_code === s.code && p.kind === kind)).toBe(true)
    }
  })
})

describe("unified social credit code (GB 32100-2015)", () => {
  const KNOWN_GOOD = "91350100M000100Y43"

  it("accepts known-good real codes", () => {
    expect(isValidCreditCode(KNOWN_GOOD)).toBe(true)
    expect(creditCodeCheckChar(KNOWN_GOOD.slice(0, 17))).toBe("3")
    expect(isValidCreditCode("91110108551385082Q")).toBe(true)
    expect(isValidCreditCode("914403001922038216")).toBe(true)
  })

  it("rejects a corrupted check character", () => {
    for (const c of "0123456789ABCDEFGHJKLMNPQRTUWXY") {
      if (c !== "3") expect(isValidCreditCode(KNOWN_GOOD.slice(0, 17) + c)).toBe(false)
    }
  })

  it("rejects a changed body character", () => {
    expect(isValidCreditCode("91350100M000101Y43")).toBe(false)
  })

  it("rejects characters outside the charset, wrong lengths and lowercase", () => {
    expect(isValidCreditCode("91350100M000I00Y43")).toBe(false)
    expect(isValidCreditCode("91350100M000100Y4O")).toBe(false)
    expect(isValidCreditCode("91350100M000100Y4")).toBe(false)
    expect(isValidCreditCode("91350100M000100Y433")).toBe(false)
    expect(isValidCreditCode(KNOWN_GOOD.toLowerCase())).toBe(false)
    expect(isValidCreditCode("")).toBe(false)
    expect(() => creditCodeCheckChar("91350100M000I00Y4")).toThrow()
  })

  it("computes GB 11714 organisation code check digits, including X and 0", () => {
    expect(orgCodeCheckChar("M000100Y")).toBe("4")
    expect(isValidOrgCode("M000100Y4")).toBe(true)
    expect(isValidOrgCode("M000100Y5")).toBe(false)
    // 6 × 2 = 12 ≡ 1 (mod 11), so 11 - 1 = 10 → "X"; an all-zero body gives 11 → "0".
    expect(orgCodeCheckChar("00000006")).toBe("X")
    expect(orgCodeCheckChar("00000000")).toBe("0")
  })

  it("builds codes that validate", () => {
    const code = buildCreditCode("510104", "MA6C1234")
    expect(code).toHaveLength(18)
    expect(code.startsWith("91510104MA6C1234")).toBe(true)
    expect(isValidCreditCode(code)).toBe(true)
    expect(isValidOrgCode(code.slice(8, 17))).toBe(true)
  })
})
