// Experience-centre (plugins/showroom) helpers for stack tests: centres, zones and exhibits made
// through the admin API, a kiosk row for QR scans, and a checkout whose cart carries a kiosk scan.
// No vitest imports, so browser tests can reuse them; every helper throws with the response body
// when the backend refuses.

import crypto from "node:crypto"
import { Client } from "pg"
import { issueKioskKey } from "../../plugins/showroom/src/lib/kiosk-key"
import { admin, type JsonResponse } from "./http"
import { COMPANY_INVOICE, createCart, postAs, SHIPPING_ADDRESS, storeAs, variantInStock, type TestCustomer } from "./orders"
import { testStack } from "./stack"

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

async function sql(text: string, values: unknown[]) {
  const client = new Client({ connectionString: testStack().databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}

/**
 * A kiosk of the centre, with its key. TEST SETUP ONLY: written straight into the database
 * because the kiosk admin routes (POST /admin/showroom/kiosks) belong to the kiosk API, built
 * separately; switch to that route once both are merged. The row is what that route writes: a
 * key from issueKioskKey() with only its SHA-256 stored.
 */
export async function insertKiosk(centreId: string, zoneId: string, antennas: string[] = []) {
  const issued = issueKioskKey()
  const id = `xksk_test${crypto.randomBytes(8).toString("hex")}`
  await sql(
    `insert into showroom_kiosk (id, name, antennas, key_id, key_hash, centre_id, zone_id) values ($1, $2, $3, $4, $5, $6, $7)`,
    [id, `测试触摸屏 ${uniqueSuffix()}`, JSON.stringify({ ids: antennas }), issued.key_id, issued.key_hash, centreId, zoneId]
  )
  return { id, key: issued.key }
}

/** Marks a kiosk revoked (test setup, like insertKiosk). */
export async function revokeKioskRow(kioskId: string) {
  await sql(`update showroom_kiosk set revoked_at = now() where id = $1`, [kioskId])
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
