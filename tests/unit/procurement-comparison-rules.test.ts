import { describe, expect, it } from "vitest"
import {
  canonicalJson,
  comparisonRuleOptions,
  formatSerial,
  nextStatus,
  offerProblem,
  priceLockExpired,
  pricesLockedUntil,
  reviewActionFor,
  sha256Hex,
  type OfferCandidate,
} from "../../plugins/procurement/src/lib/comparison-rules"

const RULES = { min_offers: 3, min_suppliers: 3 }

function offer(n: number, overrides: Partial<OfferCandidate> = {}): OfferCandidate {
  return {
    variant_id: `variant_${n}`,
    found: true,
    title: `打印机 ${n}`,
    product_status: "published",
    category_ids: ["pcat_printing"],
    category_names: ["打印复印"],
    supplier_id: `sup_${n}`,
    unit_price: 1000 + n,
    ...overrides,
  }
}

describe("offerProblem", () => {
  it("accepts three published offers from three suppliers in the chosen category", () => {
    expect(offerProblem([offer(1), offer(2), offer(3)], "pcat_printing", RULES)).toBeNull()
  })

  it("needs the minimum number of offers and of distinct suppliers", () => {
    expect(offerProblem([offer(1), offer(2)], "pcat_printing", RULES)).toContain("至少需要 3 个报价，当前 2 个")
    const twoSuppliers = [offer(1), offer(2), offer(3, { supplier_id: "sup_1" })]
    expect(offerProblem(twoSuppliers, "pcat_printing", RULES)).toContain("至少需要 3 家不同供应商的报价，当前 2 家")
    expect(offerProblem(twoSuppliers, "pcat_printing", { min_offers: 3, min_suppliers: 2 })).toBeNull()
  })

  it("names unknown variants, duplicates and unpublished products", () => {
    expect(offerProblem([offer(1), offer(2), { variant_id: "variant_x", found: false }], "pcat_printing", RULES)).toContain("variant_x")
    expect(offerProblem([offer(1), offer(1), offer(2)], "pcat_printing", RULES)).toContain("重复")
    const draft = offerProblem([offer(1), offer(2), offer(3, { product_status: "draft" })], "pcat_printing", RULES)
    expect(draft).toContain("商品未上架")
    expect(draft).toContain("打印机 3")
  })

  it("tells mixed categories from offers outside the chosen one", () => {
    const mixed = offerProblem([offer(1), offer(2), offer(3, { category_ids: ["pcat_furniture"], category_names: ["办公家具"] })], "pcat_printing", RULES)
    expect(mixed).toContain("同一品目")
    expect(mixed).toContain("办公家具")
    const outside = offerProblem([offer(1), offer(2), offer(3)], "pcat_furniture", RULES)
    expect(outside).toContain("不属于所选品目")
    expect(outside).toContain("outside the chosen category")
  })

  it("needs a supplier and a CNY price for each offer", () => {
    expect(offerProblem([offer(1), offer(2), offer(3, { supplier_id: null })], "pcat_printing", RULES)).toContain("没有供应商")
    expect(offerProblem([offer(1), offer(2), offer(3, { unit_price: null })], "pcat_printing", RULES)).toContain("没有人民币价格")
  })
})

describe("state machine", () => {
  it("allows the documented path and refuses the rest", () => {
    expect(nextStatus("draft", "submit")).toBe("submitted")
    expect(nextStatus("submitted", "claim")).toBe("claimed")
    expect(nextStatus("claimed", "return")).toBe("returned")
    expect(nextStatus("returned", "edit")).toBe("returned")
    expect(nextStatus("returned", "submit")).toBe("submitted")
    expect(nextStatus("claimed", "confirm")).toBe("confirmed")
    expect(nextStatus("submitted", "confirm")).toBeNull()
    expect(nextStatus("draft", "claim")).toBeNull()
    expect(nextStatus("confirmed", "return")).toBeNull()
    expect(nextStatus("submitted", "edit")).toBeNull()
    expect(nextStatus("ordered", "order")).toBeNull()
  })

  it("a submission after a return is a resubmission", () => {
    expect(reviewActionFor("submit", "draft")).toBe("submitted")
    expect(reviewActionFor("submit", "returned")).toBe("resubmitted")
    expect(reviewActionFor("confirm", "claimed")).toBe("confirmed")
  })
})

describe("serials, price lock, canonical JSON", () => {
  it("formats serial numbers", () => {
    expect(formatSerial(2026, 123)).toBe("GWC-CMP-2026-000123")
    expect(formatSerial(2026, 1234567)).toBe("GWC-CMP-2026-1234567")
    expect(() => formatSerial(2026, 0)).toThrow()
  })

  it("locks prices for the validity window", () => {
    const at = new Date("2026-11-22T10:00:00Z")
    const until = pricesLockedUntil(at, 30)
    expect(until.toISOString()).toBe("2026-12-22T10:00:00.000Z")
    expect(priceLockExpired(until, new Date("2026-12-22T09:59:59Z"))).toBe(false)
    expect(priceLockExpired(until, new Date("2026-12-22T10:00:01Z"))).toBe(true)
    expect(priceLockExpired(null, at)).toBe(true)
  })

  it("reads the rules from the environment with defaults, refusing nonsense", () => {
    expect(comparisonRuleOptions({})).toEqual({ min_offers: 3, min_suppliers: 3, validity_days: 30 })
    expect(comparisonRuleOptions({ GWC_COMPARISON_MIN_OFFERS: "5", GWC_COMPARISON_VALIDITY_DAYS: "7" })).toEqual({ min_offers: 5, min_suppliers: 3, validity_days: 7 })
    expect(() => comparisonRuleOptions({ GWC_COMPARISON_MIN_SUPPLIERS: "three" })).toThrow(/GWC_COMPARISON_MIN_SUPPLIERS/)
  })

  it("canonical JSON sorts keys at every level, so equal data hashes equally", () => {
    const a = { b: 1, a: { d: [1, { y: 2, x: "中" }], c: null }, u: undefined }
    const b = { a: { c: null, d: [1, { x: "中", y: 2 }] }, b: 1 }
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[1,{"x":"中","y":2}]},"b":1}')
    expect(sha256Hex(canonicalJson(a))).toBe(sha256Hex(canonicalJson(b)))
    expect(sha256Hex(canonicalJson({ ...b, b: 2 }))).not.toBe(sha256Hex(canonicalJson(b)))
    expect(() => canonicalJson({ n: Number.NaN })).toThrow()
  })
})
