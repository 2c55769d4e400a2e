// Experience-centre (plugins/showroom) helpers for stack tests: centres, zones and exhibits made
// through the admin API, kiosks (admin API) for QR scans, and a checkout whose cart carries a kiosk scan.
// No vitest imports, so browser tests can reuse them; every helper throws with the response body
// when the backend refuses.

import crypto from "node:crypto"
import { admin, type JsonResponse } from "./http"
import { COMPANY_INVOICE, createCart, postAs, SHIPPING_ADDRESS, storeAs, variantInStock, type TestCustomer } from "./orders"

function ok<T extends JsonResponse>(what: string, response: T, status?: number): T {
  if (status ? response.status !== status : response.status < 200 || response.status >= 300) {
    throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`)
  }
  return response
}

/** A suffix no other test run uses (names and zone codes are unique per centre / globally). */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${crypto.randomBytes(2).toString("hex")}`
}

export const post = (path: string, body: unknown) => admin(path, { method: "POST", body: JSON.stringify(body) })
export const del = (path: string) => admin(path, { method: "DELETE" })

export async function createCentre(label = "测试体验中心") {
  const response = ok("create centre", await post("/admin/showroom/centres", { name: `${label} ${uniqueSuffix()}`, city: "成都" }), 201)
  return response.body.centre as { id: string; name: string }
}

export async function createZone(centreId: string, code: string, name = `展区 ${code}`) {
  const response = ok("create zone", await post("/admin/showroom/zones", { centre_id: centreId, code, name }), 201)
  return response.body.zone as { id: string; code: string; centre_id: string }
}

export interface CatalogueProduct {
  id: string
  title: string
  handle: string
  variant_id: string
}

/** Products of the seeded catalogue (admin API), each with its first variant. */
export async function catalogueProducts(count: number, offset = 0): Promise<CatalogueProduct[]> {
  const response = ok("list products", await admin(`/admin/products?limit=${count}&offset=${offset}&fields=id,title,handle,*variants&order=created_at`))
  return response.body.products
    .filter((p: { variants: unknown[] }) => p.variants?.length)
    .map((p: { id: string; title: string; handle: string; variants: { id: string }[] }) => ({ id: p.id, title: p.title, handle: p.handle, variant_id: p.variants[0].id }))
}

export async function createExhibit(zoneId: string, product: CatalogueProduct, extra: Record<string, unknown> = {}) {
  const response = ok(
    "create exhibit",
    await post("/admin/showroom/exhibits", { zone_id: zoneId, product_id: product.id, variant_id: product.variant_id, ...extra }),
    201
  )
  return response.body.exhibit as { id: string; tags: { id: string; epc: string; gtin: string | null; serial: string | null; scheme: string }[] }
}

/** A kiosk of the centre, with its key (shown once), through the admin route. */
export async function insertKiosk(centreId: string, zoneId: string, antennas: string[] = []) {
  const r = await post("/admin/showroom/kiosks", { centre_id: centreId, zone_id: zoneId, name: `测试触摸屏 ${uniqueSuffix()}`, antennas })
  if (r.status !== 201) throw new Error(`create kiosk: ${r.status} ${JSON.stringify(r.body)}`)
  return { id: r.body.kiosk.id as string, key: r.body.key as string }
}

/** Revokes a kiosk through the admin route. */
export async function revokeKioskRow(kioskId: string) {
  const r = await post(`/admin/showroom/kiosks/${kioskId}/revoke`, {})
  if (r.status !== 200) throw new Error(`revoke kiosk: ${r.status} ${JSON.stringify(r.body)}`)
}

/**
 * The whole checkout, with `metadata.showroom_scan_id` on the cart as the storefront sets it
 * after a kiosk QR scan; returns the order.
 */
export async function placeOrderWithScan(customer: TestCustomer, scanId: string | null) {
  const cart = await createCart(customer)
  const variant = await variantInStock()
  ok("add line item", await postAs(customer, `/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: 1 }))
  ok(
    "set address and scan",
    await postAs(customer, `/store/carts/${cart.id}`, { shipping_address: SHIPPING_ADDRESS, ...(scanId ? { metadata: { showroom_scan_id: scanId } } : {}) })
  )
  ok("set invoice details", await postAs(customer, `/store/carts/${cart.id}/invoice`, COMPANY_INVOICE))
  const options = ok("list shipping options", await storeAs(customer, `/store/shipping-options?cart_id=${cart.id}`))
  const option = options.body.shipping_options.find((o: { type?: { code?: string } | null }) => o.type?.code === "standard-delivery")
  if (!option) throw new Error(`no standard-delivery option: ${JSON.stringify(options.body)}`)
  ok("add shipping method", await postAs(customer, `/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }))
  const collection = ok("create payment collection", await postAs(customer, "/store/payment-collections", { cart_id: cart.id }))
  ok(
    "create payment session",
    await postAs(customer, `/store/payment-collections/${collection.body.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  )
  const completed = ok("complete cart", await postAs(customer, `/store/carts/${cart.id}/complete`))
  if (completed.body.type !== "order") throw new Error(`complete cart: ${JSON.stringify(completed.body)}`)
  return completed.body.order as { id: string; total: number }
}

/** Waits until `check` returns a value (polling), or throws after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 20_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}
