// Suppliers' orders (供应商订单) on the real backend: a buyer's order reaches each supplier whose
// products are in it, with only that supplier's lines; the supplier ships (Medusa fulfillment +
// shipment), delivers services, marks deliveries, and the buyer's timeline and acceptance (验收)
// follow. Then the tenant wall, attacked: another supplier, a buyer and nobody get nothing.

import { beforeAll, describe, expect, it } from "vitest"
import { generateCatalogue } from "../../seed/src"
import { admin, store } from "../support/http"
import {
  adminCapturePayment,
  adminOrder,
  cnyRegionId,
  createCart,
  postAs,
  registerCustomer,
  SHIPPING_ADDRESS,
  storeAs,
  type TestCustomer,
} from "../support/orders"
import { testStack } from "../support/stack"
import { registerSupplier, supplierApi, supplierLogin } from "../support/supplier"

const catalogue = generateCatalogue(Number(testStack().env.SEED_NUMBER ?? 20261122))

// Seeded suppliers: A sells goods and services, B goods, C (an insurance agent) neither here.
const A = "SUP-002"
const B = "SUP-001"
const C = "SUP-013"

interface Seller {
  code: string
  token: string
}

let buyer: TestCustomer
let a: Seller
let b: Seller
let c: Seller
let aGoods: string
let aService: string
let bGoods: string

async function login(code: string): Promise<Seller> {
  const facts = testStack().facts.supplier_logins.find((l) => l.code === code)
  if (!facts) throw new Error(`no seeded login for ${code}`)
  return { code, token: await supplierLogin(facts.email, facts.password) }
}

/** A variant with stock of the first seeded product of the supplier and kind. */
async function variantOf(code: string, kind: "goods" | "service"): Promise<string> {
  const handles = catalogue.products.filter((p) => p.supplier_code === code && p.kind === kind).map((p) => p.handle)
  const regionId = await cnyRegionId()
  for (const handle of handles) {
    const { body } = await store(`/store/products?handle=${handle}&region_id=${regionId}&fields=id,*variants,+variants.inventory_quantity`)
    const variant = body.products[0]?.variants.find((v: { inventory_quantity?: number }) => (v.inventory_quantity ?? 0) >= 5)
    if (variant) return variant.id
  }
  throw new Error(`no ${kind} of ${code} with stock`)
}

/** Checkout through the store API with the given lines (standard delivery, system payment). */
async function placeOrderWith(customer: TestCustomer, lines: { variant_id: string; quantity: number }[]) {
  const cart = await createCart(customer)
  const ok = (what: string, r: { status: number; body: any }) => {
    if (r.status !== 200) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`)
    return r
  }
  for (const line of lines) ok("add line", await postAs(customer, `/store/carts/${cart.id}/line-items`, line))
  ok("address", await postAs(customer, `/store/carts/${cart.id}`, { shipping_address: SHIPPING_ADDRESS }))
  const options = ok("options", await storeAs(customer, `/store/shipping-options?cart_id=${cart.id}`))
  const option = options.body.shipping_options.find((o: { type?: { code?: string } }) => o.type?.code === "standard-delivery")
  ok("shipping method", await postAs(customer, `/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }))
  const collection = ok("collection", await postAs(customer, "/store/payment-collections", { cart_id: cart.id }))
  ok("session", await postAs(customer, `/store/payment-collections/${collection.body.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }))
  const completed = ok("complete", await postAs(customer, `/store/carts/${cart.id}/complete`))
  expect(completed.body.type).toBe("order")
  return completed.body.order as { id: string; display_id: number; items: { id: string; variant_id: string }[] }
}

const get = (seller: Seller | null, path: string) => supplierApi(path, seller ? { token: seller.token } : {})
const post = (seller: Seller | null, path: string, body: unknown = {}) =>
  supplierApi(path, { method: "POST", body: JSON.stringify(body), ...(seller ? { token: seller.token } : {}) })

/** The order reaches the supplier through the order.placed subscriber, shortly after checkout. */
async function supplierOrder(seller: Seller, orderId: string) {
  for (let i = 0; i < 50; i++) {
    const response = await get(seller, `/supplier/orders/${orderId}`)
    if (response.status === 200) return response.body.order
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`order ${orderId} did not reach ${seller.code}`)
}

const progress = (orderId: string) => storeAs(buyer, `/store/orders/${orderId}/progress`)
const doneKeys = (body: { steps: { key: string; done: boolean }[] }) => body.steps.filter((s) => s.done).map((s) => s.key)

let mixed: { id: string; items: { id: string; variant_id: string }[] }
let single: { id: string }

beforeAll(async () => {
  ;[buyer, a, b, c] = await Promise.all([registerCustomer("supplier-orders"), login(A), login(B), login(C)])
  ;[aGoods, aService, bGoods] = await Promise.all([variantOf(A, "goods"), variantOf(A, "service"), variantOf(B, "goods")])
  mixed = await placeOrderWith(buyer, [
    { variant_id: aGoods, quantity: 2 },
    { variant_id: bGoods, quantity: 1 },
    { variant_id: aService, quantity: 1 },
  ])
  single = await placeOrderWith(buyer, [{ variant_id: aGoods, quantity: 1 }])
})

describe("a supplier's orders (订单)", () => {
  it("reach every supplier of their products, each seeing only its own lines", async () => {
    const lineOf = (variantId: string) => mixed.items.find((i) => i.variant_id === variantId)!.id
    const forA = await supplierOrder(a, mixed.id)
    expect(forA.items.map((i: { id: string }) => i.id).sort()).toEqual([lineOf(aGoods), lineOf(aService)].sort())
    expect(forA.items.find((i: { id: string }) => i.id === lineOf(aService)).kind).toBe("service")
    expect(forA).toMatchObject({ status: "placed", acceptance: null, fulfillments: [] })
    // Full address in the detail: the supplier ships to it.
    expect(forA.shipping_address).toMatchObject({ city: "成都", province: "四川省", address_1: SHIPPING_ADDRESS.address_1, phone: SHIPPING_ADDRESS.phone })
    const aLine = forA.items.find((i: { id: string }) => i.id === lineOf(aGoods))
    expect(aLine).toMatchObject({ quantity: 2, status: "pending", fulfilled_quantity: 0 })
    expect(forA.subtotal).toBe(forA.items.reduce((sum: number, i: { subtotal: number }) => sum + i.subtotal, 0))

    const forB = await supplierOrder(b, mixed.id)
    expect(forB.items.map((i: { id: string }) => i.id)).toEqual([lineOf(bGoods)])

    // C sells nothing in it.
    expect((await get(c, `/supplier/orders/${mixed.id}`)).status).toBe(404)
  })

  it("lists them newest first with the city only, paged, validated", async () => {
    await supplierOrder(a, single.id)
    const page = await get(a, "/supplier/orders?limit=2&offset=0")
    expect(page.status, JSON.stringify(page.body)).toBe(200)
    expect(page.body.orders.map((o: { id: string }) => o.id)).toEqual([single.id, mixed.id])
    expect(page.body.count).toBeGreaterThanOrEqual(2)
    expect(page.body.orders[0].shipping_address).toEqual({ city: "成都", province: "四川省" })
    expect(page.body.orders[1].items).toHaveLength(2)
    const next = await get(a, "/supplier/orders?limit=1&offset=1")
    expect(next.body.orders.map((o: { id: string }) => o.id)).toEqual([mixed.id])
    const forB = await get(b, "/supplier/orders?limit=100")
    expect(forB.body.orders.map((o: { id: string }) => o.id)).toContain(mixed.id)
    expect(forB.body.orders.map((o: { id: string }) => o.id)).not.toContain(single.id)

    for (const query of ["limit=0", "limit=101", "limit=abc", "offset=-1", "status=paid"]) {
      const bad = await get(a, `/supplier/orders?${query}`)
      expect(bad.status, query).toBe(400)
    }
  })

  it("end to end: the supplier ships, the buyer's timeline shows it, the supplier marks it delivered, the buyer accepts, the supplier sees the acceptance", async () => {
    await adminCapturePayment(single.id)
    expect((await supplierOrder(a, single.id)).status).toBe("paid")
    expect(doneKeys((await progress(single.id)).body)).toEqual(["placed", "paid"])

    const shipped = await post(a, `/supplier/orders/${single.id}/ship`, { carrier: "顺丰速运", tracking_number: "SF1234567890" })
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200)
    expect(shipped.body.order.status).toBe("shipped")
    expect(shipped.body.order.items[0]).toMatchObject({ status: "shipped", shipped_quantity: 1 })
    const fulfillment = shipped.body.order.fulfillments[0]
    expect(fulfillment).toMatchObject({ id: shipped.body.fulfillment_id, kind: "shipment", carrier: "顺丰速运", tracking_numbers: ["SF1234567890"], own: true, delivered_at: null })
    expect(fulfillment.shipped_at).toBeTruthy()
    // It is Medusa's own fulfillment: the operator sees it, with the tracking number.
    const operatorView = await adminOrder(single.id, "*fulfillments.labels")
    expect(operatorView.fulfillments.map((f: { id: string }) => f.id)).toEqual([fulfillment.id])
    expect(operatorView.fulfillments[0].labels[0].tracking_number).toBe("SF1234567890")

    let timeline = (await progress(single.id)).body
    expect(doneKeys(timeline)).toEqual(["placed", "paid", "shipped"])
    expect(timeline.steps.find((s: { key: string }) => s.key === "shipped").at).toBe(fulfillment.shipped_at)
    expect(timeline.can_accept).toBe(false)

    const again = await post(a, `/supplier/orders/${single.id}/ship`, { carrier: "顺丰速运", tracking_number: "SF1234567891" })
    expect(again.status).toBe(400)
    expect(again.body.message).toMatch(/nothing left to ship/)

    const delivered = await post(a, `/supplier/orders/${single.id}/delivered`)
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200)
    expect(delivered.body.fulfillment_ids).toEqual([fulfillment.id])
    expect(delivered.body.order.status).toBe("delivered")
    expect(delivered.body.order.fulfillments[0].delivered_at).toBeTruthy()
    timeline = (await progress(single.id)).body
    expect(doneKeys(timeline)).toEqual(["placed", "paid", "shipped", "delivered"])
    expect(timeline.can_accept).toBe(true)
    expect((await post(a, `/supplier/orders/${single.id}/delivered`)).status).toBe(400)

    const accepted = await postAs(buyer, `/store/orders/${single.id}/accept`, { note: "验收合格，包装完好" })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    const seen = await supplierOrder(a, single.id)
    expect(seen.status).toBe("accepted")
    expect(seen.acceptance).toEqual({ id: accepted.body.acceptance.id, accepted_at: new Date(accepted.body.acceptance.accepted_at).toISOString(), note: "验收合格，包装完好" })
    const listed = (await get(a, "/supplier/orders?limit=5")).body.orders.find((o: { id: string }) => o.id === single.id)
    expect(listed).toMatchObject({ status: "accepted", acceptance: { note: "验收合格，包装完好" } })
  })

  it("in a shared order each supplier fulfils only its own lines: goods shipped, services delivered", async () => {
    const lineOf = (variantId: string) => mixed.items.find((i) => i.variant_id === variantId)!.id
    // Ship refuses a service line, deliver-service a goods line.
    const wrongKind = await post(a, `/supplier/orders/${mixed.id}/ship`, { carrier: "顺丰速运", tracking_number: "SF1", items: [{ id: lineOf(aService), quantity: 1 }] })
    expect(wrongKind.status).toBe(400)
    expect(wrongKind.body.message).toMatch(/is a service/)
    const tooMany = await post(a, `/supplier/orders/${mixed.id}/ship`, { carrier: "顺丰速运", tracking_number: "SF1", items: [{ id: lineOf(aGoods), quantity: 3 }] })
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.message).toMatch(/Only 2/)

    // Part of the goods first, then the rest.
    const part = await post(a, `/supplier/orders/${mixed.id}/ship`, { carrier: "中国邮政 EMS", tracking_number: "EMS-001", items: [{ id: lineOf(aGoods), quantity: 1 }] })
    expect(part.status, JSON.stringify(part.body)).toBe(200)
    expect(part.body.order.items.find((i: { id: string }) => i.id === lineOf(aGoods))).toMatchObject({ shipped_quantity: 1, status: "pending" })
    const rest = await post(a, `/supplier/orders/${mixed.id}/ship`, { carrier: "中国邮政 EMS", tracking_number: "EMS-002" })
    expect(rest.status, JSON.stringify(rest.body)).toBe(200)
    expect(rest.body.order.items.find((i: { id: string }) => i.id === lineOf(aGoods))).toMatchObject({ shipped_quantity: 2, status: "shipped" })

    const service = await post(a, `/supplier/orders/${mixed.id}/deliver-service`, { note: "上门服务已完成" })
    expect(service.status, JSON.stringify(service.body)).toBe(200)
    const serviceLine = service.body.order.items.find((i: { id: string }) => i.id === lineOf(aService))
    expect(serviceLine).toMatchObject({ status: "delivered", delivered_quantity: 1 })
    const serviceFulfillment = service.body.order.fulfillments.find((f: { id: string }) => f.id === service.body.fulfillment_id)
    expect(serviceFulfillment).toMatchObject({ kind: "service", note: "上门服务已完成", shipped_at: null })
    expect(serviceFulfillment.delivered_at).toBeTruthy()
    expect((await post(a, `/supplier/orders/${mixed.id}/deliver-service`)).status).toBe(400)
    expect(service.body.order.status).toBe("shipped") // goods on the way, service done

    // B's line is untouched by all of it; B ships and delivers its own.
    let forB = await supplierOrder(b, mixed.id)
    expect(forB.items[0]).toMatchObject({ status: "pending", fulfilled_quantity: 0 })
    expect(forB.fulfillments).toEqual([])
    expect(forB.status).toBe("placed")
    const bShip = await post(b, `/supplier/orders/${mixed.id}/ship`, { carrier: "京东物流", tracking_number: "JD0001" })
    expect(bShip.status, JSON.stringify(bShip.body)).toBe(200)
    expect(bShip.body.order.fulfillments.map((f: { carrier: string }) => f.carrier)).toEqual(["京东物流"])
    expect((await post(b, `/supplier/orders/${mixed.id}/delivered`)).status).toBe(200)
    forB = await supplierOrder(b, mixed.id)
    expect(forB.status).toBe("delivered")

    // A still has its two shipments in transit; the buyer's order is delivered once A's arrive.
    const forA = await supplierOrder(a, mixed.id)
    expect(forA.fulfillments.filter((f: { kind: string }) => f.kind === "shipment")).toHaveLength(2)
    expect(forA.fulfillments.every((f: { carrier: string }) => f.carrier !== "京东物流")).toBe(true)
    const aDelivered = await post(a, `/supplier/orders/${mixed.id}/delivered`)
    expect(aDelivered.status, JSON.stringify(aDelivered.body)).toBe(200)
    expect(aDelivered.body.fulfillment_ids).toHaveLength(2)
    expect(aDelivered.body.order.status).toBe("delivered")
    const timeline = (await progress(mixed.id)).body
    expect(doneKeys(timeline)).toEqual(["placed", "shipped", "delivered"])
    expect(timeline.can_accept).toBe(true)
  })

  it("refuses malformed requests with a 400 that names the field", async () => {
    const cases: [unknown, RegExp][] = [
      [{ tracking_number: "SF1" }, /carrier/],
      [{ carrier: "顺丰速运" }, /tracking_number/],
      [{ carrier: "顺丰速运", tracking_number: "SF1; drop table" }, /tracking_number/],
      [{ carrier: "顺丰速运", tracking_number: "SF1", colour: "red" }, /colour/],
      [{ carrier: "顺丰速运", tracking_number: "SF1", items: [{ id: "x", quantity: 0 }] }, /quantity/],
      [{ carrier: "x".repeat(101), tracking_number: "SF1" }, /carrier/],
    ]
    for (const [body, message] of cases) {
      const response = await post(a, `/supplier/orders/${single.id}/ship`, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message, JSON.stringify(body)).toMatch(message)
    }
    expect((await post(a, `/supplier/orders/${single.id}/deliver-service`, { note: 5 })).status).toBe(400)
    expect((await post(a, `/supplier/orders/${single.id}/delivered`, { fulfillment_id: 7 })).status).toBe(400)
  })
})

describe("the tenant wall around orders, attacked", () => {
  let order: { id: string; items: { id: string; variant_id: string }[] }

  beforeAll(async () => {
    order = await placeOrderWith(buyer, [
      { variant_id: aGoods, quantity: 1 },
      { variant_id: bGoods, quantity: 1 },
    ])
    await supplierOrder(a, order.id)
    await supplierOrder(b, order.id)
    // A ships its line, so there is a fulfillment of A's for B to aim at.
    expect((await post(a, `/supplier/orders/${order.id}/ship`, { carrier: "顺丰速运", tracking_number: "SFWALL1" })).status).toBe(200)
  })

  async function snapshot() {
    const operator = await adminOrder(order.id, "*fulfillments.items")
    return {
      fulfillments: operator.fulfillments.map((f: any) => ({ id: f.id, shipped_at: f.shipped_at, delivered_at: f.delivered_at, items: f.items.map((i: any) => i.line_item_id) })),
      single: (await adminOrder(single.id)).fulfillments.map((f: any) => ({ id: f.id, delivered_at: f.delivered_at })),
    }
  }

  it("another supplier with a valid token cannot read, ship, deliver or mark delivered what is not theirs", async () => {
    const before = await snapshot()
    const aLine = order.items.find((i) => i.variant_id === aGoods)!.id
    const aFulfillment = (await supplierOrder(a, order.id)).fulfillments[0].id

    // C, in none of these orders: every order route is a 404.
    for (const id of [order.id, single.id, mixed.id]) {
      expect((await get(c, `/supplier/orders/${id}`)).status, id).toBe(404)
      expect((await post(c, `/supplier/orders/${id}/ship`, { carrier: "x", tracking_number: "X1" })).status, id).toBe(404)
      expect((await post(c, `/supplier/orders/${id}/deliver-service`)).status, id).toBe(404)
      expect((await post(c, `/supplier/orders/${id}/delivered`)).status, id).toBe(404)
      expect((await post(c, `/supplier/orders/${id}/delivered`, { fulfillment_id: aFulfillment })).status, id).toBe(404)
    }
    expect((await get(c, "/supplier/orders?limit=100")).body.orders.map((o: { id: string }) => o.id)).not.toContain(order.id)

    // B, in the shared order: A's line and A's shipment are as unknown as made-up ones.
    const shipA = await post(b, `/supplier/orders/${order.id}/ship`, { carrier: "x", tracking_number: "X1", items: [{ id: aLine, quantity: 1 }] })
    expect(shipA.status).toBe(404)
    expect((await post(b, `/supplier/orders/${order.id}/delivered`, { fulfillment_id: aFulfillment })).status).toBe(404)
    expect((await get(b, `/supplier/orders/${order.id}`)).body.order.items.map((i: { id: string }) => i.id)).not.toContain(aLine)
    // B in A's single-supplier order: nothing.
    expect((await get(b, `/supplier/orders/${single.id}`)).status).toBe(404)
    expect((await post(b, `/supplier/orders/${single.id}/delivered`)).status).toBe(404)

    // Guessed and malformed ids.
    for (const id of ["order_01JAAAAAAAAAAAAAAAAAAAAAAA", "order_" + "9".repeat(26), "ord%27%20or%201%3D1", "x".repeat(300)]) {
      expect((await get(a, `/supplier/orders/${id}`)).status, id).toBe(404)
      expect((await post(a, `/supplier/orders/${id}/ship`, { carrier: "x", tracking_number: "X1" })).status, id).toBe(404)
    }
    expect((await post(a, `/supplier/orders/${order.id}/delivered`, { fulfillment_id: "ful_01JAAAAAAAAAAAAAAAAAAAAAAA" })).status).toBe(404)

    // Nothing changed.
    expect(await snapshot()).toEqual(before)
  })

  it("a pending (not yet admitted) supplier cannot ship", async () => {
    const pending = await registerSupplier(7611)
    const response = await post({ code: "pending", token: pending.token }, `/supplier/orders/${order.id}/ship`, { carrier: "x", tracking_number: "X1" })
    expect(response.status).toBe(403)
    expect(response.body.message).toMatch(/approved/)
    expect((await get({ code: "pending", token: pending.token }, `/supplier/orders/${order.id}`)).status).toBe(404)
  })

  it("a buyer's token and an anonymous caller get 401 from every order route", async () => {
    const routes: [string, string][] = [
      ["GET", "/supplier/orders"],
      ["GET", `/supplier/orders/${order.id}`],
      ["POST", `/supplier/orders/${order.id}/ship`],
      ["POST", `/supplier/orders/${order.id}/deliver-service`],
      ["POST", `/supplier/orders/${order.id}/delivered`],
    ]
    for (const [method, path] of routes) {
      for (const token of [buyer.token, undefined]) {
        const init = method === "POST" ? { method, body: JSON.stringify({ carrier: "x", tracking_number: "X1" }) } : { method }
        const response = await supplierApi(path, { ...init, ...(token ? { token } : {}) })
        expect(response.status, `${method} ${path} ${token ? "buyer" : "anonymous"}`).toBe(401)
      }
    }
    // The admin token is not a supplier token either.
    const adminLogin = await supplierApi("/auth/user/emailpass", { method: "POST", body: JSON.stringify(testStack().facts.admin) })
    expect((await supplierApi("/supplier/orders", { token: adminLogin.body.token })).status).toBe(401)
    // And the buyer's own order is unaffected.
    expect((await storeAs(buyer, `/store/orders/${order.id}`)).status).toBe(200)
    expect((await admin(`/admin/orders/${order.id}`)).status).toBe(200)
  })
})
