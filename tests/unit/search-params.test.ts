import { describe, expect, it } from "vitest"
import { parseSearchParams, priceRange, toQuery, withChange, withoutValue } from "../../storefront/app/lib/search-params"

const parse = (query: string, categories = ["printing-copying", "office-goods"]) =>
  parseSearchParams(new URLSearchParams(query), (handle) => categories.includes(handle))

describe("search page URL parameters", () => {
  it("reads every filter, multi-valued ones in order, duplicates once", () => {
    const { state, dropped } = parse(
      "q=打印机&category=printing-copying&kind=goods&kind=rental&brand=华为&brand=联想&brand=华为&supplier=成都蓉城办公设备有限公司&energy=一级能效&origin=广东省深圳市&in_stock=1&price=500-2000&sort=price_asc&page=3"
    )
    expect(dropped).toEqual([])
    expect(state).toEqual({
      q: "打印机",
      category: ["printing-copying"],
      kind: ["goods", "rental"],
      brand: ["华为", "联想"],
      supplier: ["成都蓉城办公设备有限公司"],
      energy: ["一级能效"],
      origin: ["广东省深圳市"],
      in_stock: true,
      price: "500-2000",
      sort: "price_asc",
      page: 3,
    })
  })

  it("defaults: relevance with a query, newest without; page 1", () => {
    expect(parse("q=x").state).toMatchObject({ sort: "relevance", page: 1, in_stock: false, price: null })
    expect(parse("").state).toMatchObject({ q: "", sort: "newest", page: 1 })
  })

  it("drops invalid values and names them, never throws", () => {
    const { state, dropped } = parse(
      `kind=weapons&category=no-such-category&category=<x>&price=2000-500&price2=1&sort=cheapest&page=0&in_stock=maybe&brand=${"b".repeat(101)}&q=${"q".repeat(101)}&brand=%00`
    )
    expect(state).toMatchObject({ q: "", kind: [], category: [], brand: [], price: null, sort: "newest", page: 1, in_stock: false })
    expect(dropped).toEqual(
      expect.arrayContaining(["kind=weapons", "category=no-such-category", "category=<x>", "price=2000-500", "sort=cheapest", "page=0", "in_stock=maybe"])
    )
    expect(dropped.some((d) => d.startsWith("q=") && d.endsWith("…"))).toBe(true)
    for (const query of ["page=abc", "page=1e9", "page=2.5", "price=abc", "price=-5-10", "sort=", "q=%20%20"]) {
      expect(() => parse(query), query).not.toThrow()
    }
    expect(parse("page=99999").state.page).toBe(1)
  })

  it("turns price keys into ranges", () => {
    expect(priceRange("0-500")).toEqual({ to: 500 })
    expect(priceRange("500-2000")).toEqual({ from: 500, to: 2000 })
    expect(priceRange("10000+")).toEqual({ from: 10000 })
    expect(priceRange(null)).toBeNull()
  })

  it("writes canonical links: defaults left out, a change goes back to page 1", () => {
    const { state } = parse("q=打印机&brand=华为&brand=联想&kind=goods&page=4")
    expect(toQuery(state)).toBe(`?q=${encodeURIComponent("打印机")}&kind=goods&brand=${encodeURIComponent("华为")}&brand=${encodeURIComponent("联想")}&page=4`)
    expect(withoutValue(state, "brand", "华为")).toBe(`/search?q=${encodeURIComponent("打印机")}&kind=goods&brand=${encodeURIComponent("联想")}`)
    expect(withChange(state, { sort: "price_desc" })).toContain("sort=price_desc")
    expect(withChange(state, { sort: "price_desc" })).not.toContain("page=")
    // Round trip: a written link reads back as the same state.
    expect(parse(toQuery(state).slice(1)).state).toEqual(state)
  })
})
