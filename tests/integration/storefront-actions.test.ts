import { describe, expect, it } from "vitest"
import { listAll, store } from "../support/http"
import { testStack } from "../support/stack"

// The storefront's actions, posted as a browser without JavaScript posts a form.
async function postForm(path: string, fields: Record<string, string>) {
  const response = await fetch(`${testStack().facts.storefront_url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
    body: new URLSearchParams(fields),
    redirect: "manual",
  })
  return { status: response.status, html: await response.text(), location: response.headers.get("location") }
}

function alertText(html: string): string | null {
  return /<p role="alert"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? null
}

async function variantWithLimitedStock() {
  const products = await listAll(
    (offset, limit) => store(`/store/products?fields=handle,*variants,+variants.inventory_quantity&limit=${limit}&offset=${offset}`),
    "products"
  )
  for (const product of products) {
    for (const variant of product.variants) {
      if (variant.manage_inventory && variant.inventory_quantity > 0 && variant.inventory_quantity < 900) {
        return { handle: product.handle as string, variantId: variant.id as string, stock: variant.inventory_quantity as number }
      }
    }
  }
  throw new Error("the seed has no variant with limited stock")
}

describe("storefront add-to-cart action (no JavaScript)", () => {
  it("refuses more than the stock with a clear message", async () => {
    const { handle, variantId, stock } = await variantWithLimitedStock()
    const result = await postForm(`/products/${handle}`, { variant_id: variantId, quantity: String(stock + 1) })
    expect(result.status).toBe(409)
    expect(alertText(result.html)).toBe("库存不足，无法加入购物车")
  })

  it("names a bad quantity", async () => {
    const { handle, variantId } = await variantWithLimitedStock()
    for (const quantity of ["0", "abc", "1000", "1.5"]) {
      const result = await postForm(`/products/${handle}`, { variant_id: variantId, quantity })
      expect(result.status, quantity).toBe(400)
      expect(alertText(result.html)).toBe("数量必须是 1 到 999 之间的整数")
    }
  })

  it("refuses a variant of another product", async () => {
    const { handle } = await variantWithLimitedStock()
    const result = await postForm(`/products/${handle}`, { variant_id: "variant_not_of_this_product", quantity: "1" })
    expect(result.status).toBe(400)
    expect(alertText(result.html)).toBe("请选择规格")
  })

  it("adds within stock and redirects to the cart", async () => {
    const { handle, variantId } = await variantWithLimitedStock()
    const result = await postForm(`/products/${handle}`, { variant_id: variantId, quantity: "1" })
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/cart?added=${handle}`)
  })

  it("refuses to check out an empty cart with a clear message", async () => {
    const result = await postForm("/checkout", { email: "a@b.cn" })
    expect(result.status).toBe(400)
    expect(alertText(result.html)).toBe("购物车是空的，无法结算。")
    const page = await fetch(`${testStack().facts.storefront_url}/checkout`)
    expect(page.status).toBe(200)
    expect(alertText(await page.text())).toBe("购物车是空的，无法结算。")
  })

  it("serves clean UTF-8 HTML (no NUL bytes where Chinese text crosses React's chunk boundaries)", async () => {
    const products = await listAll((offset, limit) => store(`/store/products?fields=handle&limit=${limit}&offset=${offset}`), "products")
    const pages = [...products.slice(0, 60).map((p) => `/products/${p.handle}`), "/", "/categories"]
    for (const path of pages) {
      const bytes = Buffer.from(await (await fetch(`${testStack().facts.storefront_url}${path}`)).arrayBuffer())
      expect(bytes.includes(0), path).toBe(false)
      expect(bytes.toString("utf8")).not.toContain("\uFFFD") // no broken multi-byte sequences
    }
  })

  it("answers a missing product with the 404 page", async () => {
    const response = await fetch(`${testStack().facts.storefront_url}/products/does-not-exist`)
    expect(response.status).toBe(404)
    expect(await response.text()).toContain("页面不存在")
  })
})
