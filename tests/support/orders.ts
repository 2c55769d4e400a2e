// Buying through the real store API and fulfilling through the real admin API — what a buyer
// and an operator do, for tests that need customers and orders. No vitest imports: the
// storefront's browser tests reuse these helpers. Every helper throws with the response body
// when Medusa refuses, so a failing setup says why.

import { admin, backendUrl, store, type Channel, type JsonResponse } from "./http"

export interface TestCustomer {
  id: string
  email: string
  password: string
  /** Bearer token of a logged-in session. */
  token: string
}

export interface InvoiceInput {
  type: string
  title: string
  tax_id?: string
  email?: string
  address?: string
  phone?: string
  bank_name?: string
  bank_account?: string
}

/** A company invoice with a valid unified social credit code as its tax number. */
export const COMPANY_INVOICE: InvoiceInput = {
  type: "company",
  title: "成都市机关事务管理局",
  tax_id: "91110108551385082Q",
  email: "invoice@example.cn",
  address: "成都市锦江区红星路 1 号",
  phone: "028-86000000",
  bank_name: "中国工商银行成都分行",
  bank_account: "4402 2010 0900 1234 567",
}

export const SHIPPING_ADDRESS = {
  first_name: "晓明",
  last_name: "王",
  address_1: "天府大道北段 966 号",
  city: "成都",
  province: "四川省",
  postal_code: "610041",
  country_code: "cn",
  phone: "13800000000",
}

export type ShippingOptionCode = "standard-delivery" | "pickup-experience-centre"

function fail(what: string, response: JsonResponse): never {
  throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`)
}

function expectOk<T extends JsonResponse>(what: string, response: T): T {
  if (response.status < 200 || response.status >= 300) fail(what, response)
  return response
}

let counter = 0

/** Registers a customer with Medusa's emailpass auth and logs them in. */
export async function registerCustomer(label = "buyer"): Promise<TestCustomer> {
  const email = `${label}-${Date.now().toString(36)}-${process.pid}-${++counter}@example.cn`
  const password = "Buyer-test-1"
  const auth = async (path: string) => {
    const response = await fetch(backendUrl(path), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    })
    const body = (await response.json()) as { token?: string }
    if (!response.ok || !body.token) throw new Error(`${path} failed: ${response.status} ${JSON.stringify(body)}`)
    return body.token
  }
  const registrationToken = await auth("/auth/customer/emailpass/register")
  const created = expectOk(
    "create customer",
    await store("/store/customers", {
      init: {
        method: "POST",
        body: JSON.stringify({ email, first_name: "测试", last_name: "买家" }),
        headers: { authorization: `Bearer ${registrationToken}` },
      },
    })
  )
  return { id: created.body.customer.id, email, password, token: await auth("/auth/customer/emailpass") }
}

/** A store call as the given customer (or anonymously with `null`), with the online key unless told otherwise. */
export function storeAs<T = any>(
  customer: TestCustomer | null,
  path: string,
  init: RequestInit = {},
  channel: Channel = "online"
): Promise<JsonResponse<T>> {
  const headers = new Headers(init.headers)
  if (customer) headers.set("authorization", `Bearer ${customer.token}`)
  return store<T>(path, { channel, init: { ...init, headers } })
}

export function postAs<T = any>(customer: TestCustomer | null, path: string, body: unknown = {}) {
  return storeAs<T>(customer, path, { method: "POST", body: JSON.stringify(body) })
}

let regionIdPromise: Promise<string> | null = null

/** The seeded region China (CNY). */
export function cnyRegionId(): Promise<string> {
  regionIdPromise ??= store("/store/regions").then((response) => {
    expectOk("list regions", response)
    const region = response.body.regions.find((r: { currency_code: string }) => r.currency_code === "cny")
    if (!region) throw new Error("no region sells in CNY")
    return region.id as string
  })
  return regionIdPromise
}

/** A variant of a seeded goods product (not a rental or service) with stock to sell. */
export async function variantInStock(offset = 0): Promise<{ id: string; title: string }> {
  const regionId = await cnyRegionId()
  const response = expectOk(
    "list products",
    await store(
      `/store/products?region_id=${regionId}&limit=50&offset=${offset}&fields=id,title,metadata,*variants,+variants.inventory_quantity`
    )
  )
  for (const product of response.body.products) {
    if (product.metadata?.offer_kind !== "goods") continue
    const variant = product.variants.find((v: { inventory_quantity?: number }) => (v.inventory_quantity ?? 0) >= 5)
    if (variant) return { id: variant.id, title: product.title }
  }
  throw new Error("no goods product with stock in the first products")
}

/** A cart in the CNY region; it belongs to the customer when one is given. */
export async function createCart(customer: TestCustomer | null): Promise<{ id: string; customer_id: string | null }> {
  const response = expectOk("create cart", await postAs(customer, "/store/carts", { region_id: await cnyRegionId() }))
  return response.body.cart
}

export interface PlaceOrderOptions {
  /** Invoice details to set on the cart; null for none. Default: COMPANY_INVOICE. */
  invoice?: InvoiceInput | null
  shippingOption?: ShippingOptionCode
  quantity?: number
}

/**
 * The whole checkout: cart in CNY → line item → shipping address → invoice details → shipping
 * method → payment collection and a `pp_system_default` session → complete. Returns the order.
 */
export async function placeOrder(customer: TestCustomer, options: PlaceOrderOptions = {}) {
  const cart = await createCart(customer)
  const variant = await variantInStock()
  expectOk(
    "add line item",
    await postAs(customer, `/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: options.quantity ?? 1 })
  )
  expectOk("set shipping address", await postAs(customer, `/store/carts/${cart.id}`, { shipping_address: SHIPPING_ADDRESS }))
  const invoice = options.invoice === undefined ? COMPANY_INVOICE : options.invoice
  if (invoice) expectOk("set invoice details", await postAs(customer, `/store/carts/${cart.id}/invoice`, invoice))

  const optionCode = options.shippingOption ?? "standard-delivery"
  const optionsResponse = expectOk("list shipping options", await storeAs(customer, `/store/shipping-options?cart_id=${cart.id}`))
  const option = optionsResponse.body.shipping_options.find(
    (o: { type?: { code?: string } | null }) => o.type?.code === optionCode
  )
  if (!option) fail(`find shipping option ${optionCode}`, optionsResponse)
  expectOk("add shipping method", await postAs(customer, `/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }))

  const collection = expectOk("create payment collection", await postAs(customer, "/store/payment-collections", { cart_id: cart.id }))
  expectOk(
    "create payment session",
    await postAs(customer, `/store/payment-collections/${collection.body.payment_collection.id}/payment-sessions`, {
      provider_id: "pp_system_default",
    })
  )
  const completed = expectOk("complete cart", await postAs(customer, `/store/carts/${cart.id}/complete`))
  if (completed.body.type !== "order") fail("complete cart", completed)
  return { cart_id: cart.id, order: completed.body.order as { id: string; display_id: number; created_at: string } }
}

/**
 * The order's metadata as the operator sees it (Medusa's store order route does not return
 * metadata; the invoice details travel there from the cart).
 */
export async function adminOrderMetadata(orderId: string): Promise<Record<string, any> | null> {
  return expectOk("admin get order metadata", await admin(`/admin/orders/${orderId}?fields=id,metadata`)).body.order.metadata
}

/** The order as the admin API shows it, with the fields the fulfilment helpers need. */
export async function adminOrder(orderId: string, extraFields = "") {
  const fields = ["*items", "*payment_collections", "*payment_collections.payments", "*fulfillments", extraFields]
    .filter(Boolean)
    .join(",")
  return expectOk("admin get order", await admin(`/admin/orders/${orderId}?fields=${fields}`)).body.order
}

/** Captures every authorised payment of the order (the operator's "capture" button). */
export async function adminCapturePayment(orderId: string): Promise<void> {
  const order = await adminOrder(orderId)
  const payments = order.payment_collections.flatMap((c: { payments: any[] }) => c.payments ?? [])
  if (!payments.length) throw new Error(`order ${orderId} has no payment to capture`)
  for (const payment of payments.filter((p: { captured_at?: string | null }) => !p.captured_at)) {
    expectOk("capture payment", await admin(`/admin/payments/${payment.id}/capture`, { method: "POST", body: "{}" }))
  }
}

/** Creates a fulfillment of every item of the order; returns its id. */
export async function adminCreateFulfillment(orderId: string): Promise<string> {
  const before = await adminOrder(orderId)
  const known = new Set(before.fulfillments.map((f: { id: string }) => f.id))
  const items = before.items.map((item: { id: string; quantity: number }) => ({ id: item.id, quantity: item.quantity }))
  expectOk(
    "create fulfillment",
    await admin(`/admin/orders/${orderId}/fulfillments`, { method: "POST", body: JSON.stringify({ items }) })
  )
  const after = await adminOrder(orderId)
  const created = after.fulfillments.find((f: { id: string }) => !known.has(f.id))
  if (!created) throw new Error(`no new fulfillment on order ${orderId}`)
  return created.id
}

export async function adminMarkShipped(orderId: string, fulfillmentId: string): Promise<void> {
  const order = await adminOrder(orderId)
  const items = order.items.map((item: { id: string; quantity: number }) => ({ id: item.id, quantity: item.quantity }))
  expectOk(
    "create shipment",
    await admin(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments`, {
      method: "POST",
      body: JSON.stringify({ items }),
    })
  )
}

export async function adminMarkDelivered(orderId: string, fulfillmentId: string): Promise<void> {
  expectOk(
    "mark delivered",
    await admin(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/mark-as-delivered`, { method: "POST", body: "{}" })
  )
}

/**
 * What the operator does after an order comes in, up to the given stage: capture the payment,
 * fulfil every item, ship, deliver. Returns the fulfillment id (when one was created).
 */
export async function adminFulfil(
  orderId: string,
  until: "paid" | "fulfilled" | "shipped" | "delivered" = "delivered"
): Promise<string | null> {
  await adminCapturePayment(orderId)
  if (until === "paid") return null
  const fulfillmentId = await adminCreateFulfillment(orderId)
  if (until === "fulfilled") return fulfillmentId
  await adminMarkShipped(orderId, fulfillmentId)
  if (until === "shipped") return fulfillmentId
  await adminMarkDelivered(orderId, fulfillmentId)
  return fulfillmentId
}
