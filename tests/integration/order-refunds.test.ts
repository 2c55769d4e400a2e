// Cancellations, returns and refunds on the shared backend: the buyer cancels before shipping
// (Medusa's cancellation refunds through the provider that took the payment and releases the
// stock), the operator refunds part of a shipped order and takes items back into stock through
// Medusa's return flow, and the order's timeline (plugins/orders) shows each of them.

import { beforeAll, describe, expect, it } from "vitest"
import { admin } from "../support/http"
import { adminCapturePayment, adminFulfil, postAs, registerCustomer, storeAs, type TestCustomer } from "../support/orders"
import { BANK_TRANSFER, OFFICIAL_CARD, orderPaidWith, orderPayment, setGroupMembership, PUBLIC_BUYERS_GROUP } from "../support/payments"

const CARD = { holder_name: "王采购", last4: "6217", auth_code: "A1B2C3" }

let buyer: TestCustomer
let stranger: TestCustomer

function ok<T extends { status: number; body: any }>(what: string, response: T): T {
  if (response.status < 200 || response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`)
  return response
}

const progressOf = (customer: TestCustomer | null, orderId: string) => storeAs(customer, `/store/orders/${orderId}/progress`)
const cancel = (customer: TestCustomer | null, orderId: string, body: unknown = {}) => postAs(customer, `/store/orders/${orderId}/cancel`, body)

/** The variant's stock at every location: what is on the shelf and what orders hold. */
async function stockOf(variantId: string): Promise<{ stocked: number; reserved: number; locationId: string }> {
  const fields = "id,*inventory_items,*inventory_items.inventory,*inventory_items.inventory.location_levels"
  const response = ok("admin variant", await admin(`/admin/product-variants?id=${variantId}&fields=${fields}`))
  const levels = response.body.variants[0].inventory_items.flatMap((link: any) => link.inventory.location_levels)
  return {
    stocked: levels.reduce((sum: number, level: any) => sum + Number(level.stocked_quantity), 0),
    reserved: levels.reduce((sum: number, level: any) => sum + Number(level.reserved_quantity), 0),
    locationId: levels[0].location_id,
  }
}

async function orderItems(orderId: string): Promise<{ id: string; variant_id: string; quantity: number; unit_price: number }[]> {
  return ok("admin order items", await admin(`/admin/orders/${orderId}?fields=id,*items`)).body.order.items
}

async function reservationsOf(orderId: string): Promise<unknown[]> {
  const items = await orderItems(orderId)
  const response = ok("admin reservations", await admin(`/admin/reservations?line_item_id[]=${items.map((i) => i.id).join("&line_item_id[]=")}`))
  return response.body.reservations
}

beforeAll(async () => {
  buyer = await registerCustomer("refund-buyer")
  stranger = await registerCustomer("refund-stranger")
  // Public buyers may pay by bank transfer and official card.
  await setGroupMembership(buyer, PUBLIC_BUYERS_GROUP, true)
})

describe("the buyer cancels an order before it ships (取消订单)", () => {
  it("cancels an unpaid bank transfer: the payment is cancelled, nothing refunded, the stock released", async () => {
    const { order, payment } = await orderPaidWith(buyer, BANK_TRANSFER)
    const [item] = await orderItems(order.id)
    const before = await stockOf(item.variant_id)
    expect(await reservationsOf(order.id)).toHaveLength(1)
    expect((await progressOf(buyer, order.id)).body.can_cancel).toBe(true)

    const { status, body } = await cancel(buyer, order.id)
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.progress.status).toBe("canceled")
    expect(body.progress.can_cancel).toBe(false)
    expect(body.progress.events.map((e: { type: string }) => e.type)).toEqual(["canceled"])
    expect(body.progress.events[0].label_zh).toBe("已取消")
    expect(body.progress.refunded_amount).toBe(0)

    const after = await orderPayment(order.id)
    expect(after.id).toBe(payment.id)
    expect(after.canceled_at).toBeTruthy()
    expect(after.refunds).toHaveLength(0)
    expect(await reservationsOf(order.id)).toHaveLength(0)
    const stock = await stockOf(item.variant_id)
    expect(stock.reserved).toBe(before.reserved - item.quantity)
    expect(stock.stocked).toBe(before.stocked)

    // Twice is a conflict, not a second cancellation.
    const again = await cancel(buyer, order.id)
    expect(again.status).toBe(409)
    expect(again.body.message).toMatch(/已取消/)
  })

  it("cancels a captured official-card payment: refunded in full through the provider, shown on the timeline", async () => {
    const { order } = await orderPaidWith(buyer, OFFICIAL_CARD, CARD)
    await adminCapturePayment(order.id)
    const captured = await orderPayment(order.id)
    expect(captured.captured_at).toBeTruthy()

    const { status, body } = await cancel(buyer, order.id)
    expect(status, JSON.stringify(body)).toBe(200)
    const events = body.progress.events
    expect(events.map((e: { type: string }) => e.type)).toEqual(["canceled", "refunded"])
    expect(events[1].amount).toBe(Number(captured.amount))
    expect(events[1].label_en).toBe("Refunded")
    expect(body.progress.refunded_amount).toBe(Number(captured.amount))
    // The paid step stays done: the money came in, and went back.
    expect(body.progress.steps.find((s: { key: string }) => s.key === "paid").done).toBe(true)

    const payment = await orderPayment(order.id)
    expect(payment.refunds.map((r) => Number(r.amount))).toEqual([Number(captured.amount)])
    // The provider recorded the refund it paid back (offline: the operator pays it by transfer).
    expect(payment.data.refunds).toHaveLength(1)
    expect(Number(payment.data.refunds[0].amount)).toBe(Number(captured.amount))
    expect(await reservationsOf(order.id)).toHaveLength(0)
  })

  it("lets nobody else cancel, refuses a body, and refuses once the order is packed", async () => {
    const { order } = await orderPaidWith(buyer, OFFICIAL_CARD, CARD)
    const foreign = await cancel(stranger, order.id)
    expect(foreign.status).toBe(404)
    expect(foreign.body.message).toMatch(/订单不存在/)
    expect((await cancel(null, order.id)).status).toBe(401)
    const withBody = await cancel(buyer, order.id, { reason: "x" })
    expect(withBody.status).toBe(400)
    expect(withBody.body.message).toMatch(/reason/)
    expect((await cancel(buyer, "order_01JXXXXXXXXXXXXXXXXXXXXXXX")).status).toBe(404)

    await adminFulfil(order.id, "fulfilled")
    const packed = await cancel(buyer, order.id)
    expect(packed.status).toBe(400)
    expect(packed.body.message).toMatch(/不能取消.*cannot be cancelled|can no longer be cancelled/)
    const progress = (await progressOf(buyer, order.id)).body
    expect(progress.status).not.toBe("canceled")
    expect(progress.can_cancel).toBe(false)
    expect(progress.events).toEqual([])
  })
})

describe("the operator refunds part of a delivered order and takes items back into stock", () => {
  let order: { id: string }
  let item: { id: string; variant_id: string; quantity: number; unit_price: number }
  let paymentId: string
  let captured: number

  beforeAll(async () => {
    ;({ order } = await orderPaidWith(buyer, OFFICIAL_CARD, CARD))
    await adminFulfil(order.id, "delivered")
    ;[item] = await orderItems(order.id)
    const payment = await orderPayment(order.id)
    paymentId = payment.id
    captured = Number(payment.amount)
  })

  it("refunds part of the payment through the provider; the timeline shows the amount and the note", async () => {
    expect((await cancel(buyer, order.id)).status).toBe(400)
    const partial = Math.round(captured * 0.25 * 100) / 100
    const refund = await admin(`/admin/payments/${paymentId}/refund`, {
      method: "POST",
      body: JSON.stringify({ amount: partial, note: "包装破损 damaged box" }),
    })
    expect(refund.status, JSON.stringify(refund.body)).toBe(200)

    const { body } = await progressOf(buyer, order.id)
    expect(body.events.map((e: { type: string }) => e.type)).toEqual(["refunded"])
    expect(body.events[0].amount).toBe(partial)
    expect(body.events[0].note).toBe("包装破损 damaged box")
    expect(body.refunded_amount).toBe(partial)
    expect(body.status).not.toBe("canceled")

    const payment = await orderPayment(order.id)
    expect(payment.data.refunds.map((r: { amount: number }) => Number(r.amount))).toEqual([partial])
  })

  it("refuses to refund more than is left, and writes nothing", async () => {
    const tooMuch = await admin(`/admin/payments/${paymentId}/refund`, { method: "POST", body: JSON.stringify({ amount: captured }) })
    expect(tooMuch.status).toBe(400)
    expect(tooMuch.body.message).toMatch(/more than the captured amount/)
    const payment = await orderPayment(order.id)
    expect(payment.refunds).toHaveLength(1)
    expect(payment.data.refunds).toHaveLength(1)
  })

  it("puts returned items back on the shelf (Medusa's return flow) and shows the return on the timeline", async () => {
    const before = await stockOf(item.variant_id)
    const created = ok(
      "create return",
      await admin(`/admin/returns`, { method: "POST", body: JSON.stringify({ order_id: order.id, location_id: before.locationId }) })
    )
    const returnId = created.body.return.id
    const items = JSON.stringify({ items: [{ id: item.id, quantity: 1 }] })
    ok("request items", await admin(`/admin/returns/${returnId}/request-items`, { method: "POST", body: items }))
    ok("confirm request", await admin(`/admin/returns/${returnId}/request`, { method: "POST", body: "{}" }))
    // Requested is not received: nothing on the shelf yet, nothing on the timeline.
    expect((await stockOf(item.variant_id)).stocked).toBe(before.stocked)
    expect((await progressOf(buyer, order.id)).body.events.map((e: { type: string }) => e.type)).toEqual(["refunded"])

    ok("begin receive", await admin(`/admin/returns/${returnId}/receive`, { method: "POST", body: "{}" }))
    ok("receive items", await admin(`/admin/returns/${returnId}/receive-items`, { method: "POST", body: items }))
    ok("confirm receive", await admin(`/admin/returns/${returnId}/receive/confirm`, { method: "POST", body: "{}" }))

    expect((await stockOf(item.variant_id)).stocked).toBe(before.stocked + 1)
    const { body } = await progressOf(buyer, order.id)
    expect(body.events.map((e: { type: string }) => e.type)).toEqual(["refunded", "returned"])
    expect(body.events[1]).toMatchObject({ id: returnId, quantity: 1, label_zh: "退货入库" })

    // The returned item's value goes back through the same provider.
    const rest = Math.round(Math.min(item.unit_price, captured - Math.round(captured * 0.25 * 100) / 100) * 100) / 100
    ok("refund the returned item", await admin(`/admin/payments/${paymentId}/refund`, { method: "POST", body: JSON.stringify({ amount: rest }) }))
    const final = (await progressOf(buyer, order.id)).body
    expect(final.events.map((e: { type: string }) => e.type)).toEqual(["refunded", "returned", "refunded"])
    expect(final.refunded_amount).toBeCloseTo(Math.round(captured * 0.25 * 100) / 100 + rest, 2)
  })
})
