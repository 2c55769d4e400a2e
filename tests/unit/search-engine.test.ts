import { describe, expect, it } from "vitest"
import { SearchEngine, compileFilters, queryTerms } from "../../plugins/search/src/lib/engine"
import { DEFAULT_SYNONYMS } from "../../plugins/search/src/lib/synonyms"
import { provinceOf } from "../../plugins/search/src/lib/product-document"
import { catalogueDocuments } from "../support/search-documents"

// The engine behind search provider "zh", on the seeded catalogue, without a database.
const SEARCHABLE = [
  { path: "title", weight: 10 },
  { path: "brand", weight: 6 },
  { path: "category_names", weight: 5 },
  { path: "keywords", weight: 4 },
  { path: "subtitle", weight: 3 },
  { path: "attributes", weight: 3 },
  { path: "description", weight: 1 },
]

function engineWithCatalogue() {
  const engine = new SearchEngine({ searchable: SEARCHABLE, synonyms: DEFAULT_SYNONYMS })
  const docs = catalogueDocuments()
  engine.upsert(docs)
  return { engine, docs }
}

const titles = (engine: SearchEngine, q: string, take = 5) => engine.search({ q, take }).hits.map((h) => h.document.title as string)

describe("search engine (provider zh)", () => {
  const { engine, docs } = engineWithCatalogue()

  it("cuts queries into words on spaces and punctuation, full-width folded", () => {
    expect(queryTerms(" 激光　打印，ＨＰ ")).toEqual(["激光", "打印", "hp"])
  })

  it("treats a one-word query as a phrase: 打印机 never matches 打印…机", () => {
    for (const hit of engine.search({ q: "打印机", take: 100 }).hits) {
      const doc = docs.find((d) => d.id === hit.id)!
      const text = [doc.title, doc.brand, ...doc.category_names, doc.keywords, doc.subtitle, doc.attributes, doc.description].join(" ")
      expect(text).toContain("打印机")
    }
  })

  it("finds the colour laser printers first for 彩色打印 and among the first for 激光 打印 / 打印机", () => {
    expect(titles(engine, "彩色打印", 4).every((t) => t.includes("彩色激光打印机"))).toBe(true)
    expect(titles(engine, "激光 打印").every((t) => /激光.*打印/.test(t))).toBe(true)
    expect(titles(engine, "激光 打印", 10).some((t) => t.includes("彩色激光打印机"))).toBe(true)
    expect(titles(engine, "打印机", 10).every((t) => t.includes("打印机"))).toBe(true)
  })

  it("ranks title matches above description-only matches", () => {
    const hits = engine.search({ q: "会议", take: 200, include_score: true }).hits
    const firstDescriptionOnly = hits.findIndex((h) => !(h.document.title as string).includes("会议"))
    const lastTitle = hits.map((h) => (h.document.title as string).includes("会议")).lastIndexOf(true)
    expect(lastTitle).toBeLessThan(firstDescriptionOnly === -1 ? Infinity : firstDescriptionOnly)
  })

  it("expands synonyms: 计算机 finds 电脑 titles and the other way round", () => {
    expect(titles(engine, "笔记本计算机").some((t) => t.includes("笔记本电脑"))).toBe(true)
    expect(titles(engine, "台式电脑").some((t) => t.includes("台式计算机"))).toBe(true)
  })

  it("matches pinyin and initials of titles", () => {
    expect(titles(engine, "dayinji").every((t) => t.includes("打印机"))).toBe(true)
    expect(titles(engine, "caisejiguang").some((t) => t.includes("彩色激光"))).toBe(true)
  })

  it("returns nothing rather than something wrong for a word that occurs nowhere", () => {
    expect(engine.search({ q: "龙井 打印机" }).count).toBe(0)
  })

  it("counts facets over the filtered set and filters with the Medusa filter DSL", () => {
    const all = engine.search({ q: "打印", take: 0, facets: ["brand", "offer_kind"] })
    const brand = (all.facets!.brand as { values: { value: string; count: number }[] }).values[0]
    const filtered = engine.search({ q: "打印", take: 100, filters: { brand: { $in: [brand.value] } } })
    expect(filtered.count).toBe(brand.count)
    expect(filtered.hits.every((h) => h.document.brand === brand.value)).toBe(true)
    const cheap = engine.search({ take: 1000, filters: { price: { $lt: 100 }, in_stock: true } })
    expect(cheap.hits.every((h) => (h.document.price as number) < 100 && h.document.in_stock === true)).toBe(true)
    expect(cheap.count).toBe(docs.filter((d) => d.price !== null && d.price < 100 && d.in_stock).length)
  })

  it("computes range facets, sorts by price, paginates", () => {
    const result = engine.search({
      take: 5,
      skip: 5,
      order: { price: "ASC" },
      facets: [{ field: "price", type: "range", ranges: [{ key: "low", to: 500 }, { key: "high", from: 500 }] }],
    })
    const ranges = (result.facets!.price as { ranges: { key: string; count: number }[] }).ranges
    expect(ranges.find((r) => r.key === "low")!.count).toBe(docs.filter((d) => d.price! < 500).length)
    expect(ranges.find((r) => r.key === "high")!.count).toBe(docs.filter((d) => d.price! >= 500).length)
    const sorted = docs.map((d) => d.price!).sort((a, b) => a - b)
    expect(result.hits.map((h) => h.document.price)).toEqual(sorted.slice(5, 10))
  })

  it("applies updates and deletes at once", () => {
    const e = new SearchEngine({ searchable: SEARCHABLE })
    e.upsert([{ id: "a", title: "碎纸机" }, { id: "b", title: "打印机" }])
    expect(e.search({ q: "碎纸" }).count).toBe(1)
    e.upsert([{ id: "a", title: "订书机" }])
    expect(e.search({ q: "碎纸" }).count).toBe(0)
    expect(e.search({ q: "订书" }).hits[0].id).toBe("a")
    e.remove(["b"])
    expect(e.search({ q: "打印" }).count).toBe(0)
    expect(e.size).toBe(1)
  })

  it("rejects unknown filter operators", () => {
    expect(() => compileFilters({ price: { $between: [1, 2] } })).toThrow(/Unknown filter operator/)
  })

  it("reduces origin regions to provinces", () => {
    expect(provinceOf("广东省深圳市")).toBe("广东省")
    expect(provinceOf("北京市")).toBe("北京市")
    expect(provinceOf("广西壮族自治区南宁市")).toBe("广西壮族自治区")
  })
})
