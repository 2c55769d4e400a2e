import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { admin, listAll, store } from "../support/http"
import { testStack } from "../support/stack"

// Product pages are cached in the storefront (30 s TTL); the backend's notices must make a
// price or stock change visible at once. Uses the last single-variant product and restores it.
let product: { id: string; handle: string; variantId: string; price: number; inventoryItemId: string }
const levels: { location_id: string; stocked_quantity: number }[] = []

async function pageHtml(handle: string): Promise<string> {
  const response = await fetch(`${testStack().facts.storefront_url}/products/${handle}`)
  expect(response.status).toBe(200)
  return response.text()
}

const shownPrice = (html: string) => /data-testid="price">([^<]*)</.exec(html)?.[1]
const shownStock = (html: string) => /data-testid="stock">([^<]*)</.exec(html)?.[1]

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`not within ${timeoutMs} ms`)
}

async function setPrice(amount: number) {
  const response = await admin(`/admin/products/${product.id}/variants/${product.variantId}`, {
    method: "POST",
    body: JSON.stringify({ prices: [{ currency_code: "cny", amount }] }),
  })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
}

async function setStock(quantity: number | null) {
  for (const level of levels) {
    const response = await admin(`/admin/inventory-items/${product.inventoryItemId}/location-levels/${level.location_id}`, {
      method: "POST",
      body: JSON.stringify({ stocked_quantity: quantity ?? level.stocked_quantity }),
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
  }
}

beforeAll(async () => {
  const products = await listAll(
    (offset, limit) => store(`/store/products?fields=id,handle,*variants&order=handle&limit=${limit}&offset=${offset}`),
    "products"
  )
  // One variant, so the page's preselected variant is the one whose stock the test changes.
  // A seeded product (gwc-…): other test files add suppliers' listings to the same backend.
  const { id, handle } = products.filter((p) => p.variants.length === 1 && p.handle.startsWith("gwc-")).pop()
  const detail = await admin(`/admin/products/${id}?fields=id,*variants,*variants.prices,*variants.inventory_items`)
  const variant = detail.body.product.variants[0]
  product = {
    id,
    handle,
    variantId: variant.id,
    price: variant.prices.find((p: { currency_code: string }) => p.currency_code === "cny").amount,
    inventoryItemId: variant.inventory_items[0].inventory_item_id,
  }
  const item = await admin(`/admin/inventory-items/${product.inventoryItemId}?fields=*location_levels`)
  levels.push(...item.body.inventory_item.location_levels.map((l: { location_id: string; stocked_quantity: number }) => ({ ...l })))
})

afterAll(async () => {
  if (!product) return
  await setPrice(product.price)
  await setStock(null)
})

describe("storefront product cache", () => {
  it("shows a new price right after the operator changes it (not after the TTL)", async () => {
    const before = shownPrice(await pageHtml(product.handle))
    expect(before).toMatch(/^¥/)
    // Cached now: a second render serves the same price.
    expect(shownPrice(await pageHtml(product.handle))).toBe(before)

    const newPrice = product.price + 100
    await setPrice(newPrice)
    const expected = new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY" }).format(newPrice)
    const ms = await waitUntil(async () => shownPrice(await pageHtml(product.handle)) === expected)
    expect(ms).toBeLessThan(5_000)
  })

  it("shows out of stock right after the stock goes to zero", async () => {
    expect(shownStock(await pageHtml(product.handle))).not.toBe("缺货")
    await setStock(0)
    await waitUntil(async () => shownStock(await pageHtml(product.handle)) === "缺货")
  })

  it("accepts notices only with the shared secret and a valid body", async () => {
    const url = `${testStack().facts.storefront_url}/internal/cache/invalidate`
    const unsigned = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })
    expect(unsigned.status).toBe(401)
    const wrong = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-cache-secret": "nope" }, body: "{}" })
    expect(wrong.status).toBe(401)
    const secret = testStack().env.STOREFRONT_CACHE_SECRET
    const bad = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-cache-secret": secret }, body: JSON.stringify({ product_ids: "x" }) })
    expect(bad.status).toBe(400)
    const ok = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-cache-secret": secret }, body: JSON.stringify({ all: true }) })
    expect(ok.status).toBe(200)
  })
})
