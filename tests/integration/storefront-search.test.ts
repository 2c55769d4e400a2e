import { describe, expect, it } from "vitest"
import { testStack } from "../support/stack"

// The storefront's /search page and /search/suggest with hostile or broken input: a message in
// the page, never a 500 — whether or not the backend's search answers.

const storefront = () => testStack().facts.storefront_url

async function get(path: string) {
  const response = await fetch(`${storefront()}${path}`, { headers: { accept: "text/html" } })
  return { status: response.status, body: await response.text(), type: response.headers.get("content-type") ?? "" }
}

describe("storefront search page input", () => {
  it("answers odd URL parameters with the page (results or 'unavailable'), naming what it ignored", async () => {
    const queries = [
      "",
      "q=%E6%89%93%E5%8D%B0%E6%9C%BA",
      "q=" + "长".repeat(300),
      "q=%00&brand=%00",
      "kind=weapons&kind=goods",
      "page=-1&page=abc&sort=DROP%20TABLE",
      "price=9-1&price=abc&in_stock=perhaps",
      "category=../../etc&category=%3Cscript%3E",
      "brand=" + "x".repeat(2000),
      "q=%E0%A4%A",
      Array.from({ length: 60 }, (_, i) => `brand=b${i}`).join("&"),
    ]
    for (const query of queries) {
      const page = await get(`/search?${query}`)
      expect([200, 503], query).toContain(page.status)
      expect(page.body, query).toContain('id="search-title"')
      if (page.status === 503) expect(page.body).toContain("搜索暂时不可用，请稍后再试。")
    }
    const named = await get("/search?kind=weapons&sort=cheapest")
    expect(named.body).toContain("已忽略无效的搜索参数：")
    expect(named.body).toContain("kind=weapons")
    expect(named.body).toContain("sort=cheapest")
    const script = await get("/search?category=%3Cscript%3Ealert(1)%3C/script%3E")
    expect(script.body).not.toContain("<script>alert(1)")
  })

  it("suggestions are JSON; an empty or oversized query is a 400", async () => {
    for (const q of ["", "%20", "x".repeat(101)]) {
      const response = await get(`/search/suggest?q=${q}`)
      expect(response.status, q).toBe(400)
      expect(JSON.parse(response.body)).toEqual({ suggestions: [] })
    }
    const response = await get(`/search/suggest?q=${encodeURIComponent("打")}`)
    expect([200, 503]).toContain(response.status)
    expect(response.type).toContain("application/json")
    expect(Array.isArray(JSON.parse(response.body).suggestions)).toBe(true)
  })
})
