import { describe, expect, it } from "vitest"
import { ATTRIBUTES } from "../../seed/src/catalogue/vocabulary"
import { isCnyAmount, listingDiff, ListingInput, ListingUpdate, mergePendingChange, reviewedChanges, toStoredSpecs, type ListingSnapshot } from "../../plugins/supplier/src/lib/listing"
import { CsvFileError, parseListingCsv } from "../../plugins/supplier/src/lib/listing-csv"
import { uploadFilePath } from "../../plugins/supplier/src/lib/listing-media"
import type { ListingState } from "../../plugins/supplier/src/lib/listing-state"
import { planListingUpdate } from "../../plugins/supplier/src/lib/listing-update"
import { SPEC_ATTRIBUTES } from "../../plugins/supplier/src/lib/spec-attributes"

// Supplier listings' pure parts: input rules, specs, review diffs, edit plans, CSV rows.

const base = {
  title: "得力 A4 复印纸 70g",
  description: "500 张/包",
  kind: "goods",
  category_id: "pcat_1",
  variants: [{ title: "5 包装", sku: "DL-A4-5", price_cny: 129.9 }],
}

function issues(input: unknown) {
  const parsed = ListingInput.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)
}

describe("listing input", () => {
  it("accepts CNY prices above zero with at most two decimals", () => {
    expect([0.01, 1, 129.9, 1299.99, 0.1 + 0.2, 0.001].map((v) => isCnyAmount(v))).toEqual([true, true, true, true, true, false])
    expect(isCnyAmount(0)).toBe(false)
    expect(isCnyAmount(0, { allowZero: true })).toBe(true)
    expect(isCnyAmount(12.345)).toBe(false)
    expect(isCnyAmount(-1)).toBe(false)
  })

  it("names the field of each problem", () => {
    expect(issues(base)).toEqual([])
    expect(issues({ ...base, variants: [{ title: "x", price_cny: 0 }] })[0]).toMatch(/^variants\.0\.price_cny: .*greater than 0/)
    expect(issues({ ...base, variants: [{ title: "x", price_cny: 1.005 }] })[0]).toMatch(/2 decimals/)
    expect(issues({ ...base, variants: [{ title: "x", price_cny: "12" }] })[0]).toMatch(/^variants\.0\.price_cny/)
    expect(issues({ ...base, kind: "rental" })).toEqual([expect.stringMatching(/^rental: .*rental terms/)])
    expect(issues({ ...base, service: { service_area: "成都", response_hours: 4, unit: "次" } })).toEqual([expect.stringMatching(/^service: /)])
    expect(issues({ ...base, surprise: 1 })[0]).toMatch(/surprise/)
  })

  it("checks options against variants and stock against variant indexes", () => {
    const options = [{ title: "颜色", values: ["黑", "白"] }]
    expect(issues({ ...base, options, variants: [{ title: "黑", options: { 颜色: "黑" }, price_cny: 1 }, { title: "白", options: { 颜色: "白" }, price_cny: 1 }] })).toEqual([])
    expect(issues({ ...base, options, variants: [{ title: "红", options: { 颜色: "红" }, price_cny: 1 }] })[0]).toMatch(/no value "红"/)
    expect(issues({ ...base, options, variants: [{ title: "a", options: { 颜色: "黑" }, price_cny: 1 }, { title: "b", options: { 颜色: "黑" }, price_cny: 1 }] })[0]).toMatch(/same option values/)
    expect(issues({ ...base, variants: [{ title: "a", price_cny: 1 }, { title: "a", price_cny: 2 }] })[0]).toMatch(/used twice/)
    expect(issues({ ...base, stock: [{ variant_index: 1, location_id: "sloc_1", quantity: 3 }] })[0]).toMatch(/^stock\.0\.variant_index/)
    expect(issues({ ...base, specs: [{ key: "brand", value: "得力" }, { key: "品牌", value: "x" }] })[0]).toMatch(/given twice/)
  })

  it("an update must change something and names each variant once", () => {
    expect(ListingUpdate.safeParse({}).success).toBe(false)
    expect(ListingUpdate.safeParse({ title: "新" }).success).toBe(true)
    expect(ListingUpdate.safeParse({ variants: [{ id: "v1", price_cny: 1 }, { id: "v1", price_cny: 2 }] }).success).toBe(false)
  })
})

describe("specs", () => {
  it("use the seeded vocabulary: same keys, labels and units as the catalogue", () => {
    expect(SPEC_ATTRIBUTES).toEqual(ATTRIBUTES)
  })

  it("map keys and labels to the vocabulary and values to the attribute's type", () => {
    const result = toStoredSpecs([
      { key: "brand", value: "得力" },
      { key: "质保期", value: "24" },
      { key: "Carbon-neutral label", value: "是" },
      { key: "纸张克重", value: "70", unit: "g" },
    ])
    expect(result).toEqual({
      specs: [
        { key: "brand", label_zh: "品牌", label_en: "Brand", unit: null, value: "得力" },
        { key: "warranty_months", label_zh: "质保期", label_en: "Warranty", unit: "月", value: 24 },
        { key: "carbon_neutral", label_zh: "双碳标识", label_en: "Carbon-neutral label", unit: null, value: true },
        { key: "纸张克重", label_zh: "纸张克重", label_en: "纸张克重", unit: "g", value: "70" },
      ],
    })
    expect(toStoredSpecs([{ key: "power", value: "很大" }])).toEqual({ error: expect.stringMatching(/"power" must be a number/) })
    expect(toStoredSpecs([{ key: "xinchuang", value: "也许" }])).toEqual({ error: expect.stringMatching(/yes or no/) })
  })
})

const spec = (key: string, value: string | number) => ({ key, label_zh: key, label_en: key, unit: null, value })

describe("review diffs", () => {
  const live: ListingSnapshot = {
    title: "旧标题",
    category_id: "pcat_1",
    specs: [spec("brand", "得力"), spec("color", "白")],
    prices: [
      { variant_id: "v1", variant_title: "小", price_cny: 10 },
      { variant_id: "v2", variant_title: "大", price_cny: 20 },
    ],
    rental: null,
    service: null,
  }

  it("keep only reviewed fields that differ, prices per variant", () => {
    const { proposed, previous } = reviewedChanges(live, {
      title: "旧标题",
      prices: [
        { variant_id: "v1", variant_title: "小", price_cny: 10 },
        { variant_id: "v2", variant_title: "大", price_cny: 25 },
      ],
      specs: [spec("brand", "得力"), spec("color", "黑"), spec("model", "X1")],
    })
    expect(Object.keys(proposed).sort()).toEqual(["prices", "specs"])
    expect(proposed.prices).toEqual([{ variant_id: "v2", variant_title: "大", price_cny: 25 }])
    expect(previous.prices).toEqual([{ variant_id: "v2", variant_title: "大", price_cny: 20 }])
    expect(listingDiff(previous, proposed)).toEqual({
      prices: [{ variant_id: "v2", variant_title: "大", from: 20, to: 25 }],
      specs: {
        added: [{ key: "model", label_zh: "model", label_en: "model", unit: null, from: null, to: "X1" }],
        removed: [],
        changed: [{ key: "color", label_zh: "color", label_en: "color", unit: null, from: "白", to: "黑" }],
      },
    })
  })

  it("merge a new edit into a pending change; editing back to the live value drops the field", () => {
    const pending = reviewedChanges(live, { title: "新标题", prices: [{ variant_id: "v1", variant_title: "小", price_cny: 12 }] }).proposed
    const merged = mergePendingChange(live, pending, { prices: [{ variant_id: "v2", variant_title: "大", price_cny: 22 }], title: "旧标题" })
    expect(merged.proposed).toEqual({
      prices: [
        { variant_id: "v1", variant_title: "小", price_cny: 12 },
        { variant_id: "v2", variant_title: "大", price_cny: 22 },
      ],
    })
    expect(merged.previous.prices?.map((p) => p.price_cny)).toEqual([10, 20])
  })

  it("a new listing's diff has nothing before it", () => {
    expect(listingDiff(null, { title: "新", prices: [{ variant_id: null, variant_title: "标准", price_cny: 9 }] })).toEqual({
      title: { from: null, to: "新" },
      prices: [{ variant_id: null, variant_title: "标准", from: null, to: 9 }],
    })
  })
})

function state(status: ListingState["status"]): ListingState {
  return {
    id: "prod_1",
    title: "旧标题",
    subtitle: null,
    description: "旧描述",
    handle: "sup-1-x",
    status,
    thumbnail: null,
    metadata: { offer_kind: "goods", specs: [spec("brand", "得力")], supplier_code: "SUP-1" },
    category_ids: ["pcat_1"],
    options: [],
    images: [],
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    variants: [
      { id: "v1", title: "标准", sku: null, manage_inventory: true, options: {}, prices: [{ id: "price_1", amount: 10, currency_code: "cny" }], price_cny: 10, inventory_item_id: "iitem_1", levels: [] },
    ],
  }
}

describe("edit plans", () => {
  it("on a live listing: title and price wait for review, the description applies at once", () => {
    const plan = planListingUpdate({
      supplier_id: "sup_1",
      state: state("published"),
      changes: [{ id: "lchg_0", kind: "create", status: "approved", proposed: {}, previous: null, created_at: "2026-01-01" }],
      wanted: { title: "新标题", description: "新描述", prices: [{ variant_id: "v1", variant_title: "标准", price_cny: 8 }] },
    })
    expect(plan.product).toEqual({ id: "prod_1", description: "新描述" })
    expect(plan.prices).toEqual([])
    expect(plan.change).toMatchObject({ action: "create", data: { kind: "update", proposed: { title: "新标题", prices: [{ variant_id: "v1", price_cny: 8 }] }, previous: { title: "旧标题", prices: [{ variant_id: "v1", price_cny: 10 }] } } })
    expect(plan.in_review.sort()).toEqual(["prices", "title"])
  })

  it("on a live listing with a pending edit: merges, or withdraws it when edited back", () => {
    const pending = { id: "lchg_1", kind: "update" as const, status: "pending" as const, proposed: { title: "新标题" }, previous: { title: "旧标题" }, created_at: "2026-01-02" }
    const merged = planListingUpdate({ supplier_id: "sup_1", state: state("published"), changes: [pending], wanted: { prices: [{ variant_id: "v1", variant_title: "标准", price_cny: 9 }] } })
    expect(merged.change).toMatchObject({ action: "update", data: { id: "lchg_1", proposed: { title: "新标题", prices: [{ price_cny: 9 }] } } })
    const back = planListingUpdate({ supplier_id: "sup_1", state: state("published"), changes: [pending], wanted: { title: "旧标题" } })
    expect(back.change).toEqual({ action: "delete", id: "lchg_1" })
  })

  it("on a listing not yet approved: everything applies to the draft and the create change is resubmitted", () => {
    const plan = planListingUpdate({
      supplier_id: "sup_1",
      state: state("draft"),
      changes: [{ id: "lchg_0", kind: "create", status: "changes_requested", proposed: { title: "旧标题" }, previous: null, created_at: "2026-01-01" }],
      wanted: { title: "改好的标题", prices: [{ variant_id: "v1", variant_title: "标准", price_cny: 11 }] },
    })
    expect(plan.product).toEqual({ id: "prod_1", title: "改好的标题" })
    expect(plan.prices).toEqual([{ id: "v1", prices: [{ id: "price_1", amount: 11, currency_code: "cny" }] }])
    expect(plan.change).toMatchObject({ action: "update", data: { id: "lchg_0", status: "pending", proposed: { title: "改好的标题", prices: [{ variant_id: "v1", price_cny: 11 }] } } })
  })

  it("a rejected new listing cannot be edited", () => {
    expect(() =>
      planListingUpdate({ supplier_id: "sup_1", state: state("draft"), changes: [{ id: "lchg_0", kind: "create", status: "rejected", proposed: {}, previous: null, created_at: "2026-01-01" }], wanted: { title: "x" } })
    ).toThrow(/rejected/)
  })
})

describe("CSV import rows", () => {
  const header = "title,kind,category_handle,price_cny,description,sku,brand,specs,stock"

  it("turn into listings with the file's line numbers, even after quoted line breaks and blank lines", () => {
    const csv = [
      header,
      "复印纸,goods,paper,129.90,500 张,SKU-1,得力,warranty_months=12;颜色=白,5",
      "",
      '"多行\n标题",goods,paper,¥1,299.00,描述,SKU-2,,,',
      "坏价格,goods,paper,0,描述,SKU-3,,,",
      "少一列,goods,paper,1,描述",
      "坏规格,goods,paper,1,描述,SKU-5,,没有等号,",
    ].join("\r\n")
    const rows = parseListingCsv(csv, { defaultLocationId: "sloc_1" })
    expect(rows.map((r) => r.line)).toEqual([2, 4, 6, 7, 8])
    expect(rows[0].input).toMatchObject({
      title: "复印纸",
      specs: [{ key: "brand", value: "得力" }, { key: "warranty_months", value: "12" }, { key: "颜色", value: "白" }],
      variants: [{ title: "标准", sku: "SKU-1", price_cny: 129.9 }],
      stock: [{ variant_index: 0, location_id: "sloc_1", quantity: 5 }],
    })
    // "¥1,299.00" is split by the comma into two cells: the row has a column too many
    expect(rows[1].error).toMatch(/expected 9 columns, got 10/)
    expect(rows[2].error).toMatch(/price_cny.*greater than 0/)
    expect(rows[3].error).toMatch(/expected 9 columns, got 5/)
    expect(rows[4].error).toMatch(/key=value/)
  })

  it("refuse a row holding a NUL character (PostgreSQL cannot store it)", () => {
    const rows = parseListingCsv("title,kind,category_handle,price_cny,description\nok,goods,paper,1,d\nbad\u0000,goods,paper,1,d\n")
    expect(rows[0].error).toBeUndefined()
    expect(rows[1]).toEqual({ line: 3, error: expect.stringMatching(/NUL/) })
  })

  it("reject a file with unknown or missing columns as a whole", () => {
    expect(() => parseListingCsv("title,kind,price\nx,goods,1")).toThrow(CsvFileError)
    expect(() => parseListingCsv("title,kind,price\nx,goods,1")).toThrow(/unknown columns: price/)
    expect(() => parseListingCsv("title,kind,price_cny\nx,goods,1")).toThrow(/missing required columns: description, category_handle/)
    expect(() => parseListingCsv('title,kind\n"x,goods')).toThrow(/not valid CSV/)
  })
})

describe("uploaded image paths", () => {
  it("serve only names sharp wrote, never a path out of the uploads folder", () => {
    const id = "0123456789abcdef0123456789abcdef"
    expect(uploadFilePath("sup_01JABCDEFGHJKMNPQRSTVWXYZ0", `${id}-thumb.webp`)).toMatch(/media\/uploads\/sup_01JABCDEFGHJKMNPQRSTVWXYZ0\/0123/)
    for (const [supplier, file] of [
      ["..", `${id}-thumb.webp`],
      ["sup_01JABCDEFGHJKMNPQRSTVWXYZ0", "../../etc/passwd"],
      ["sup_01JABCDEFGHJKMNPQRSTVWXYZ0", `${id}.json`],
      ["sup_01JABCDEFGHJKMNPQRSTVWXYZ0", `${id}-huge.webp`],
      ["sup_../x", `${id}-thumb.webp`],
    ]) {
      expect(uploadFilePath(supplier, file), `${supplier}/${file}`).toBeNull()
    }
  })
})
