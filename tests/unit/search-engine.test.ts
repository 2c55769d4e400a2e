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

// The engine's shortcuts (a bounded heap for the page, memoised filter answers and facet
// values per document number, field masks in the bigram index) must give what a plain reading
// of every document gives.
describe("search engine shortcuts agree with a plain reading", () => {
  const { engine, docs } = engineWithCatalogue()
  const byId = new Map(docs.map((d) => [d.id as string, d]))
  const everything = (query: Parameters<SearchEngine["search"]>[0]) => engine.search({ ...query, skip: 0, take: 100_000 })

  it("a page is the same slice of the order as sorting every match", () => {
    const orders: (Record<string, "ASC" | "DESC"> | undefined)[] = [undefined, { price: "ASC" }, { price: "DESC" }, { created_at: "DESC" }, { title: "ASC" }]
    for (const q of ["办公", "节能", "产品", "型", undefined]) {
      for (const order of orders) {
        const all = everything({ q, order }).hits.map((h) => h.id)
        for (const skip of [0, 3, 9]) {
          // Far more matches than the page reaches (8×), so the page is picked, not sorted.
          expect(all.length).toBeGreaterThan(8 * (skip + 5))
          const page = engine.search({ q, order, skip, take: 5 }).hits.map((h) => h.id)
          expect(page, `${q} ${JSON.stringify(order)} skip ${skip}`).toEqual(all.slice(skip, skip + 5))
        }
      }
    }
  })

  it("facet counts equal counts over every matching document, multi-valued fields included", () => {
    const filters = { offer_kind: { $in: ["goods", "rental"] }, status: "published" }
    const result = engine.search({
      q: "办公",
      filters,
      take: 0,
      facets: [
        { field: "category_ids", limit: 1000 },
        { field: "brand", limit: 1000 },
        { field: "price", type: "range", ranges: [{ key: "low", to: 500 }, { key: "mid", from: 500, to: 5000 }, { key: "high", from: 5000 }] },
      ],
    })
    const matched = everything({ q: "办公", filters }).hits.map((h) => byId.get(h.id)!)
    expect(matched.length).toBe(result.count)
    const tally = (values: (string | null | undefined)[]) => {
      const out = new Map<string, number>()
      for (const v of values) if (v) out.set(v, (out.get(v) ?? 0) + 1)
      return out
    }
    const counted = (facet: string) => new Map((result.facets![facet] as { values: { value: string; count: number }[] }).values.map((v) => [v.value, v.count]))
    expect(counted("category_ids")).toEqual(tally(matched.flatMap((d) => [...new Set(d.category_ids)])))
    expect(matched.some((d) => d.category_ids.length > 1)).toBe(true)
    expect(counted("brand")).toEqual(tally(matched.map((d) => d.brand)))
    const ranges = (result.facets!.price as { ranges: { key: string; count: number }[] }).ranges
    const prices = matched.map((d) => d.price).filter((p): p is number => p !== null)
    expect(ranges.map((r) => r.count)).toEqual([prices.filter((p) => p < 500).length, prices.filter((p) => p >= 500 && p < 5000).length, prices.filter((p) => p >= 5000).length])
  })

  it("range facets count a document with several values once per range and skip one without", () => {
    const e = new SearchEngine({ searchable: SEARCHABLE })
    e.upsert([
      { id: "a", title: "会议桌", price: 100 },
      { id: "b", title: "会议椅", price: [100, 900] },
      { id: "c", title: "会议室", price: null },
      { id: "d", title: "会议机", price: "1200" },
    ])
    const result = e.search({ q: "会议", take: 0, facets: [{ field: "price", type: "range", ranges: [{ key: "low", to: 500 }, { key: "high", from: 500 }] }] })
    expect((result.facets!.price as { ranges: { count: number }[] }).ranges.map((r) => r.count)).toEqual([2, 2])
  })

  it("remembered filter answers and facet values follow updates, deletes and compaction", () => {
    const e = new SearchEngine({ searchable: SEARCHABLE })
    const doc = (i: number, status = "published", brand = i % 2 ? "得力" : "晨光") => ({ id: `p${i}`, title: `会议桌 ${i}`, status, brand, price: i })
    e.upsert(Array.from({ length: 1200 }, (_, i) => doc(i)))
    const count = () => e.search({ q: "会议", filters: { status: "published" }, take: 0, facets: ["brand"] })
    const brands = () => Object.fromEntries((count().facets!.brand as { values: { value: string; count: number }[] }).values.map((v) => [v.value, v.count]))
    expect(count().count).toBe(1200)
    expect(brands()).toEqual({ 得力: 600, 晨光: 600 })
    e.upsert([doc(1, "draft"), doc(3, "published", "齐心")])
    expect(count().count).toBe(1199)
    expect(brands()).toEqual({ 得力: 598, 晨光: 600, 齐心: 1 })
    // 1,100 deletes: past the tombstone threshold, the engine renumbers its documents.
    e.remove(Array.from({ length: 1100 }, (_, i) => `p${i + 100}`))
    expect(count().count).toBe(99)
    expect(brands()).toEqual({ 得力: 48, 晨光: 50, 齐心: 1 })
    e.upsert([doc(5000, "published", "真彩")])
    expect(brands()).toEqual({ 得力: 48, 晨光: 50, 齐心: 1, 真彩: 1 })
  })

  it("finds Latin words, pinyin and numbers through the word index exactly as reading every field would", () => {
    // Without synonyms, so a word's matches are the documents whose text holds it.
    const plain = new SearchEngine({ searchable: SEARCHABLE })
    plain.upsert(docs)
    const internals = plain as unknown as {
      docs: ({ fields: string[] } | undefined)[]
      words: string[]
      wholeScore(stored: { fields: string[] }, text: string): number
    }
    // Whole words of the catalogue's text and pieces of them (starts, middles, single letters).
    const rng = (() => {
      let x = 7
      return () => (x = (x * 48271) % 2147483647) / 2147483647
    })()
    const terms = new Set(["led", "a4", "3d", "ai", "s", "jiguang", "dyj", "huiyi", "zulin", "9", "x"])
    for (let i = 0; i < 60; i++) {
      const word = internals.words[Math.floor(rng() * internals.words.length)]
      terms.add(word)
      const start = Math.floor(rng() * word.length)
      terms.add(word.slice(start, start + 1 + Math.floor(rng() * 5)))
    }
    for (const term of terms) {
      const expected: { docs: number[]; scores: number[] } = { docs: [], scores: [] }
      internals.docs.forEach((stored, n) => {
        if (!stored || !stored.fields.some((field) => field.includes(term))) return
        expected.docs.push(n)
        expected.scores.push(internals.wholeScore(stored, term))
      })
      expect(expected.docs.length, term).toBeGreaterThan(0)
      expect(plain.textScores(term), term).toEqual(expected)
    }
  })

  it("a query of several words scores the same whether its frequent words are tested in place or collected", () => {
    const collecting = new SearchEngine({ searchable: SEARCHABLE, synonyms: DEFAULT_SYNONYMS, verifyRatio: Infinity })
    collecting.upsert(docs)
    const queries = ["led 灯", "a4 纸", "s 型", "得力 a4", "晨光 s", "办公 型 s", "会议 计算机", "电脑 办公", "彩色打印 型", "jiguang s", "激光 打印 机", "ai 翻译", "huiyi 桌", "型 a"]
    let narrowed = 0
    for (const q of queries) {
      const expected = collecting.textScores(q)
      const actual = engine.textScores(q)
      expect(actual, q).toEqual(expected)
      if (expected && expected.docs.length) narrowed++
    }
    expect(narrowed).toBeGreaterThan(10)
  })

  it("the word index follows updates, deletes and compaction", () => {
    const e = new SearchEngine({ searchable: SEARCHABLE })
    const doc = (i: number, title = `LED 灯 ${i}`) => ({ id: `p${i}`, title })
    e.upsert(Array.from({ length: 1200 }, (_, i) => doc(i)))
    const count = (q: string) => e.search({ q, take: 0 }).count
    expect(count("led")).toBe(1200)
    e.upsert([doc(1, "OLED 屏 1"), doc(2, "灯 2")])
    expect([count("led"), count("oled"), count("ole")]).toEqual([1199, 1, 1])
    // Past the tombstone threshold: renumbered, the word index rebuilt with the rest.
    e.remove(Array.from({ length: 1100 }, (_, i) => `p${i + 100}`))
    // p0–p99 are left; "1" is in p1, p10–p19, p21, p31, …, p91.
    expect([count("led"), count("oled"), count("1")]).toEqual([99, 1, 19])
    expect(e.search({ q: "oled", take: 1 }).hits[0].id).toBe("p1")
  })

  it("scores a two-character word from the index as reading the text would: whole field, then prefix, then inside", () => {
    const e = new SearchEngine({ searchable: SEARCHABLE })
    e.upsert([
      { id: "inside", title: "小型会议桌" },
      { id: "whole", title: "会议" },
      { id: "prefix", title: "会议桌" },
      { id: "brand", title: "桌子", brand: "会议" },
      { id: "description", title: "桌子", description: "适合会议" },
    ])
    expect(e.search({ q: "会议", take: 10 }).hits.map((h) => h.id)).toEqual(["whole", "prefix", "brand", "inside", "description"])
    // Three characters go through the same order by reading the fields.
    expect(e.search({ q: "会议桌", take: 10 }).hits.map((h) => h.id)).toEqual(["prefix", "inside"])
  })
})
