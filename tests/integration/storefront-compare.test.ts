import { describe, expect, it } from "vitest"
import { listAll, store } from "../support/http"
import { testStack } from "../support/stack"

// The storefront's comparison (比较) list, driven as a browser without JavaScript drives it:
// plain form posts to /compare with the session cookie, and GET /compare?items=….

const storefront = () => testStack().facts.storefront_url

/** A visitor: keeps the session cookie between requests. */
function visitor() {
  let cookie = ""
  const remember = (response: Response) => {
    const set = response.headers.get("set-cookie")
    if (set) cookie = set.split(";")[0]
  }
  return {
    async post(fields: Record<string, string>) {
      const response = await fetch(`${storefront()}/compare`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", cookie },
        body: new URLSearchParams(fields),
        redirect: "manual",
      })
      remember(response)
      return { status: response.status, html: await response.text(), location: response.headers.get("location") }
    },
    async get(path: string) {
      const response = await fetch(`${storefront()}${path}`, { headers: { accept: "text/html", cookie } })
      remember(response)
      return { status: response.status, html: await response.text() }
    },
  }
}

function alertText(html: string): string | null {
  return /<p role="alert"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? null
}

const columns = (html: string) => [...html.matchAll(/data-testid="compare-column"/g)].length
const compareBadge = (html: string) => /data-testid="compare-link"[^>]*>[^<]*<span class="badge"[^>]*>(\d+)<\/span>/.exec(html)?.[1] ?? null

let handlesPromise: Promise<{ handle: string; title: string }[]> | null = null
function someProducts() {
  handlesPromise ??= listAll((offset, limit) => store(`/store/products?fields=handle,title&limit=${limit}&offset=${offset}`), "products").then(
    (products) => products.slice(0, 8) as { handle: string; title: string }[]
  )
  return handlesPromise
}

describe("storefront comparison list (no JavaScript)", () => {
  it("takes four products, refuses a fifth with a clear message and keeps the four", async () => {
    const products = await someProducts()
    const me = visitor()
    for (const [i, product] of products.slice(0, 4).entries()) {
      const result = await me.post({ intent: "add", handle: product.handle, redirectTo: "/categories" })
      expect(result.status, product.handle).toBe(302)
      expect(result.location).toBe("/categories")
      expect(compareBadge((await me.get("/categories")).html)).toBe(String(i + 1))
    }
    // Adding one already in the list changes nothing.
    expect((await me.post({ intent: "add", handle: products[0].handle })).status).toBe(302)

    const fifth = products[4]
    const refused = await me.post({ intent: "add", handle: fifth.handle, redirectTo: "/categories" })
    expect(refused.status).toBe(409)
    expect(alertText(refused.html)).toBe(`最多同时对比 4 件商品。请先移除一件，再加入“${fifth.title}”。`)
    // The page that says so is the comparison itself, so one can be removed right there.
    expect(columns(refused.html)).toBe(4)

    const page = await me.get("/compare")
    expect(page.status).toBe(200)
    expect(columns(page.html)).toBe(4)
    expect(page.html).not.toContain(`/products/${fifth.handle}"`)

    // Remove one; the fifth then fits.
    expect((await me.post({ intent: "remove", handle: products[1].handle })).location).toBe("/compare")
    expect((await me.post({ intent: "add", handle: fifth.handle })).status).toBe(302)
    const after = await me.get("/compare")
    expect(columns(after.html)).toBe(4)
    expect(after.html).toContain(`/products/${fifth.handle}"`)
    expect(after.html).not.toContain(`/products/${products[1].handle}"`)

    expect((await me.post({ intent: "clear" })).status).toBe(302)
    expect(columns((await me.get("/compare")).html)).toBe(0)
  })

  it("answers bad form input with a message, never a 500", async () => {
    const me = visitor()
    for (const fields of [
      {},
      { intent: "add" },
      { intent: "add", handle: "" },
      { intent: "add", handle: "<script>alert(1)</script>" },
      { intent: "add", handle: "a".repeat(500) },
      { intent: "drop", handle: "x" },
      { intent: "add", handle: "ok\u0000nul" },
    ]) {
      const result = await me.post(fields as Record<string, string>)
      expect(result.status, JSON.stringify(fields)).toBe(400)
      expect(alertText(result.html)).toBe("请求无效，请重试。")
    }
    const unknown = await me.post({ intent: "add", handle: "no-such-product-anywhere" })
    expect(unknown.status).toBe(404)
    expect(alertText(unknown.html)).toBe("找不到该商品，无法加入对比。")
  })

  it("sends the visitor back only to local pages", async () => {
    const [product] = await someProducts()
    const me = visitor()
    for (const [redirectTo, expected] of [
      ["//evil.example/x", "/compare"],
      ["/\\evil.example", "/compare"],
      ["https://evil.example/", "/compare"],
      ["/products/x?y=1", "/products/x?y=1"],
    ]) {
      const result = await me.post({ intent: "remove", handle: product.handle, redirectTo })
      expect(result.location, redirectTo).toBe(expected)
    }
  })

  it("shows exactly the products of a shared ?items= link, to anyone", async () => {
    const products = await someProducts()
    const handles = products.slice(5, 8).map((p) => p.handle)
    const page = await visitor().get(`/compare?items=${handles.join(",")}`)
    expect(page.status).toBe(200)
    expect(columns(page.html)).toBe(3)
    const order = handles.map((h) => page.html.indexOf(`"/products/${h}"`))
    expect(order.every((index, i) => index > 0 && (i === 0 || index > order[i - 1]))).toBe(true)
    expect(page.html).toContain(`/compare?items=${handles.join(",")}`)
  })

  it("names bad, unknown and surplus items in the page instead of failing", async () => {
    const products = await someProducts()
    const me = visitor()
    const bad = await me.get(`/compare?items=${encodeURIComponent(`${products[0].handle},<b>x</b>,a b,%00,${products[1].handle}`)}`)
    expect(bad.status).toBe(200)
    expect(columns(bad.html)).toBe(2)
    expect(bad.html).toContain("已忽略无效的商品标识")
    expect(bad.html).not.toContain("<b>x</b>")

    const unknown = await me.get(`/compare?items=missing-one,${products[0].handle}`)
    expect(unknown.status).toBe(200)
    expect(columns(unknown.html)).toBe(1)
    expect(unknown.html).toContain("找不到这些商品（可能已下架）：missing-one")

    const onlyUnknown = await me.get("/compare?items=missing-one,missing-two")
    expect(onlyUnknown.status).toBe(200)
    expect(columns(onlyUnknown.html)).toBe(0)

    const many = await me.get(`/compare?items=${products.slice(0, 6).map((p) => p.handle).join(",")}`)
    expect(many.status).toBe(200)
    expect(columns(many.html)).toBe(4)
    expect(many.html).toContain("最多同时对比 4 件商品，已忽略")

    for (const query of ["items=" + "x".repeat(5000), "items=,,,", "diff=yes&items=%E0%A4%A", "items[]=1&items=2"]) {
      const result = await me.get(`/compare?${query}`)
      expect(result.status, query).toBe(200)
    }
  })
})
