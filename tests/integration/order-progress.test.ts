// The orders plugin on the shared backend: an order placed through the store API, fulfilled
// through the admin API, followed on its progress timeline and accepted (验收) by its buyer.

import { beforeAll, describe, expect, it } from "vitest"
import { admin } from "../support/http"
import {
  adminCapturePayment,
  adminCreateFulfillment,
  adminFulfil,
  adminMarkDelivered,
  adminMarkShipped,
  adminOrder,
  adminOrderMetadata,
  COMPANY_INVOICE,
  placeOrder,
  postAs,
  registerCustomer,
  storeAs,
  type TestCustomer,
} from "../support/orders"

const STEP_KEYS = ["placed", "paid", "shipped", "delivered", "accepted"]

let buyer: TestCustomer
let stranger: TestCustomer
let order: { id: string; display_id: number; created_at: string }
let fulfillmentId: string

const progressOf = (customer: TestCustomer | null, orderId = order.id) => storeAs(customer, `/store/orders/${orderId}/progress`)
const accept = (customer: TestCustomer | null, body: unknown = {}, orderId = order.id) =>
  postAs(customer, `/store/orders/${orderId}/accept`, body)
const stepsByKey = (body: { steps: { key: string }[] }) => Object.fromEntries(body.steps.map((s) => [s.key, s])) as Record<string, any>
const doneKeys = (body: { steps: { key: string; done: boolean }[] }) => body.steps.filter((s) => s.done).map((s) => s.key)

beforeAll(async () => {
  buyer = await registerCustomer("progress-buyer")
  stranger = await registerCustomer("progress-stranger")
  ;({ order } = await placeOrder(buyer))
})

describe("an order's progress timeline and acceptance (验收)", () => {
  it("carries the cart's invoice details onto the order's metadata", async () => {
    expect((await adminOrderMetadata(order.id))?.invoice).toEqual(COMPANY_INVOICE)
    // The buyer sees them in their order list (Medusa's store order list returns metadata).
    const { status, body } = await storeAs(buyer, `/store/orders?fields=id,metadata`)
    expect(status).toBe(200)
    expect(body.orders.find((o: { id: string }) => o.id === order.id).metadata.invoice).toEqual(COMPANY_INVOICE)
  })

  it("starts with only 'placed' done, at the order's creation time", async () => {
    const { status, body } = await progressOf(buyer)
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.order_id).toBe(order.id)
    expect(body.display_id).toBe(order.display_id)
    expect(body.steps.map((s: { key: string }) => s.key)).toEqual(STEP_KEYS)
    for (const step of body.steps) {
      expect(step.label_zh).toEqual(expect.any(String))
      expect(step.label_en).toEqual(expect.any(String))
    }
    expect(stepsByKey(body).accepted.label_zh).toBe("已验收")
    expect(doneKeys(body)).toEqual(["placed"])
    expect(stepsByKey(body).placed.at).toBe(new Date(order.created_at).toISOString())
    for (const key of STEP_KEYS.slice(1)) expect(stepsByKey(body)[key].at).toBeNull()
    expect(body.current).toBe("paid")
    expect(body.can_accept).toBe(false)
    expect(body.acceptance).toBeNull()
  })

  it("refuses acceptance before delivery with a 400 that says why", async () => {
    const { status, body } = await accept(buyer)
    expect(status).toBe(400)
    expect(body.message).toBe("订单尚未送达，不能验收 / The order has not been delivered yet")
  })

  it("shows 'paid' once the operator captures the payment, at Medusa's capture time", async () => {
    await adminCapturePayment(order.id)
    const { body } = await progressOf(buyer)
    expect(doneKeys(body)).toEqual(["placed", "paid"])
    const payment = (await adminOrder(order.id)).payment_collections[0].payments[0]
    expect(payment.captured_at).toBeTruthy()
    expect(stepsByKey(body).paid.at).toBe(new Date(payment.captured_at).toISOString())
    expect(body.current).toBe("shipped")
  })

  it("is not shipped while the fulfillment is only packed, then shipped at Medusa's shipped_at", async () => {
    fulfillmentId = await adminCreateFulfillment(order.id)
    let { body } = await progressOf(buyer)
    expect(doneKeys(body)).toEqual(["placed", "paid"])

    await adminMarkShipped(order.id, fulfillmentId)
    ;({ body } = await progressOf(buyer))
    expect(doneKeys(body)).toEqual(["placed", "paid", "shipped"])
    const fulfillment = (await adminOrder(order.id)).fulfillments.find((f: { id: string }) => f.id === fulfillmentId)
    expect(stepsByKey(body).shipped.at).toBe(new Date(fulfillment.shipped_at).toISOString())
    expect(body.current).toBe("delivered")
    expect(body.can_accept).toBe(false)
    expect((await accept(buyer)).status).toBe(400)
  })

  it("shows 'delivered' at Medusa's delivered_at and offers acceptance", async () => {
    await adminMarkDelivered(order.id, fulfillmentId)
    const { body } = await progressOf(buyer)
    expect(doneKeys(body)).toEqual(["placed", "paid", "shipped", "delivered"])
    const fulfillment = (await adminOrder(order.id)).fulfillments.find((f: { id: string }) => f.id === fulfillmentId)
    expect(fulfillment.delivered_at).toBeTruthy()
    expect(stepsByKey(body).delivered.at).toBe(new Date(fulfillment.delivered_at).toISOString())
    expect(body.current).toBe("accepted")
    expect(body.can_accept).toBe(true)
  })

  it("does not let another customer, or nobody, see or accept the order", async () => {
    const foreignProgress = await progressOf(stranger)
    expect(foreignProgress.status).toBe(404)
    expect(foreignProgress.body.message).toMatch(/Order .* was not found/)
    const foreignAccept = await accept(stranger)
    expect(foreignAccept.status).toBe(404)
    expect(foreignAccept.body.message).toMatch(/订单不存在/)

    expect((await progressOf(null)).status).toBe(401)
    expect((await accept(null)).status).toBe(401)

    const missing = await progressOf(buyer, "order_01JXXXXXXXXXXXXXXXXXXXXXXX")
    expect(missing.status).toBe(404)
    expect(missing.body.message).toMatch(/not found/)
    expect((await accept(buyer, {}, "order_missing")).status).toBe(404)
  })

  it("rejects a malformed acceptance with a 400 naming the field", async () => {
    const tooLong = await accept(buyer, { note: "货".repeat(501) })
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.message).toMatch(/note/)
    const wrongType = await accept(buyer, { note: 42 })
    expect(wrongType.status).toBe(400)
    expect(wrongType.body.message).toMatch(/note/)
    const unknownField = await accept(buyer, { rating: 5 })
    expect(unknownField.status).toBe(400)
    expect(unknownField.body.message).toMatch(/rating/)
    expect((await progressOf(buyer)).body.can_accept).toBe(true)
  })

  it("accepts the delivered order once, with the note, and links the acceptance to the order", async () => {
    const before = Date.now()
    const { status, body } = await accept(buyer, { note: "货物完好，数量无误 / all items complete" })
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.acceptance).toMatchObject({ order_id: order.id, customer_id: buyer.id, note: "货物完好，数量无误 / all items complete" })
    expect(new Date(body.acceptance.accepted_at).getTime()).toBeGreaterThanOrEqual(before - 5_000)
    expect(doneKeys(body.progress)).toEqual(STEP_KEYS)
    expect(body.progress.current).toBeNull()

    const { body: progress } = await progressOf(buyer)
    expect(stepsByKey(progress).accepted).toMatchObject({ done: true, at: new Date(body.acceptance.accepted_at).toISOString() })
    expect(progress.can_accept).toBe(false)
    expect(progress.acceptance).toEqual({
      id: body.acceptance.id,
      accepted_at: new Date(body.acceptance.accepted_at).toISOString(),
      note: "货物完好，数量无误 / all items complete",
    })

    // The module link: the operator sees the acceptance on the order through Medusa's admin API.
    const adminView = await adminOrder(order.id, "*order_acceptance")
    expect(adminView.order_acceptance).toMatchObject({ id: body.acceptance.id, order_id: order.id, customer_id: buyer.id })
  })

  it("answers a second acceptance with a 409 that says why", async () => {
    const { status, body } = await accept(buyer, { note: "again" })
    expect(status).toBe(409)
    expect(body.message).toBe("订单已验收，不能重复验收 / The order has already been accepted")
    expect((await progressOf(buyer)).body.acceptance.note).toBe("货物完好，数量无误 / all items complete")
  })

  it("ends simultaneous acceptances of one order with exactly one acceptance", async () => {
    const { order: second } = await placeOrder(buyer, { invoice: null })
    await adminFulfil(second.id, "delivered")
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => accept(buyer, { note: `attempt ${i}` }, second.id)))
    const statuses = results.map((r) => r.status).sort()
    expect(statuses, JSON.stringify(results.map((r) => r.body))).toEqual([200, 409, 409, 409, 409])
    for (const loser of results.filter((r) => r.status === 409)) {
      expect(loser.body.message).toBe("订单已验收，不能重复验收 / The order has already been accepted")
    }
    const winner = results.find((r) => r.status === 200)!
    const { body: progress } = await progressOf(buyer, second.id)
    expect(progress.acceptance.id).toBe(winner.body.acceptance.id)
    expect((await adminOrder(second.id, "*order_acceptance")).order_acceptance.id).toBe(winner.body.acceptance.id)
    // No stray records: the link is one to one and the failed attempts left nothing behind.
    const orders = await admin(`/admin/orders?id[]=${order.id}&id[]=${second.id}&fields=id,*order_acceptance`)
    expect(orders.status).toBe(200)
    expect(orders.body.orders.map((o: any) => o.order_acceptance?.order_id).sort()).toEqual([order.id, second.id].sort())
  })

  it("shows a split delivery as shipped once every parcel is on its way, delivered only when all arrived", async () => {
    const { order: split } = await placeOrder(buyer, { invoice: null, quantity: 2 })
    await adminCapturePayment(split.id)
    const itemId = (await adminOrder(split.id)).items[0].id as string
    // One parcel per unit: the operator ships and delivers the first before packing the second.
    const parcel = async (deliver: boolean) => {
      const known = new Set((await adminOrder(split.id)).fulfillments.map((f: { id: string }) => f.id))
      const created = await admin(`/admin/orders/${split.id}/fulfillments`, { method: "POST", body: JSON.stringify({ items: [{ id: itemId, quantity: 1 }] }) })
      expect(created.status, JSON.stringify(created.body)).toBe(200)
      const id = (await adminOrder(split.id)).fulfillments.find((f: { id: string }) => !known.has(f.id)).id as string
      const shipped = await admin(`/admin/orders/${split.id}/fulfillments/${id}/shipments`, { method: "POST", body: JSON.stringify({ items: [{ id: itemId, quantity: 1 }] }) })
      expect(shipped.status, JSON.stringify(shipped.body)).toBe(200)
      if (deliver) await adminMarkDelivered(split.id, id)
      return id
    }
    await parcel(true)
    // One unit delivered, the other in no parcel yet: Medusa says partially delivered; not shipped.
    expect(doneKeys((await progressOf(buyer, split.id)).body)).toEqual(["placed", "paid"])
    const second = await parcel(false)
    const onTheRoad = (await progressOf(buyer, split.id)).body
    expect(doneKeys(onTheRoad)).toEqual(["placed", "paid", "shipped"])
    expect(onTheRoad.can_accept).toBe(false)
    await adminMarkDelivered(split.id, second)
    const arrived = (await progressOf(buyer, split.id)).body
    expect(doneKeys(arrived)).toEqual(["placed", "paid", "shipped", "delivered"])
    expect(arrived.can_accept).toBe(true)
  })
})
