// The orders plugin's pure rules: the progress timeline, when an order may be accepted, and
// taxpayer identification numbers. No database.

import { describe, expect, it } from "vitest"
import {
  ACCEPTANCE_MESSAGES,
  acceptanceProblem,
  buildOrderProgress,
  CANCEL_MESSAGES,
  cancelProblem,
  insertProgressStep,
  ORDER_PROGRESS_STEPS,
  type OrderSnapshot,
} from "../../plugins/orders/src/lib/progress"
import { compactInvoice, invoiceFromMetadata } from "../../plugins/orders/src/lib/invoice"
import { isValidTaxId, normalizeTaxId, taxIdProblem } from "../../plugins/orders/src/lib/tax-id"

const placed: OrderSnapshot = {
  id: "order_1",
  display_id: 7,
  status: "pending",
  customer_id: "cus_1",
  created_at: "2026-11-22T01:00:00.000Z",
  payment_status: "authorized",
  fulfillment_status: "not_fulfilled",
  payments: [{ captured_at: null }],
  fulfillments: [],
  acceptance: null,
}
const paid: OrderSnapshot = { ...placed, payment_status: "captured", payments: [{ captured_at: "2026-11-22T02:00:00.000Z" }] }
const shipped: OrderSnapshot = {
  ...paid,
  fulfillment_status: "shipped",
  fulfillments: [{ shipped_at: new Date("2026-11-23T03:00:00.000Z") }],
}
const delivered: OrderSnapshot = {
  ...paid,
  fulfillment_status: "delivered",
  fulfillments: [
    { shipped_at: "2026-11-23T03:00:00.000Z", delivered_at: "2026-11-24T04:00:00.000Z" },
    { shipped_at: "2026-11-23T05:00:00.000Z", delivered_at: "2026-11-25T06:00:00.000Z" },
    { shipped_at: "2026-11-23T01:00:00.000Z", canceled_at: "2026-11-23T02:00:00.000Z" },
  ],
}
const accepted: OrderSnapshot = {
  ...delivered,
  acceptance: { id: "oacc_1", accepted_at: "2026-11-26T07:00:00.000Z", note: "完好" },
}

const state = (order: OrderSnapshot) =>
  Object.fromEntries(buildOrderProgress(order).steps.map((s) => [s.key, s.done ? s.at : false]))

describe("order progress timeline", () => {
  it("lists placed → paid → shipped → delivered → accepted with both labels", () => {
    const progress = buildOrderProgress(placed)
    expect(progress.steps.map((s) => s.key)).toEqual(["placed", "paid", "shipped", "delivered", "accepted"])
    expect(progress.steps.map((s) => s.label_zh)).toEqual(["已下单", "已付款", "已发货", "已送达", "已验收"])
    expect(progress).toMatchObject({ order_id: "order_1", display_id: 7, current: "paid", can_accept: false, acceptance: null })
  })

  it("takes each step's time from Medusa's data; the latest part decides", () => {
    expect(state(placed)).toEqual({ placed: "2026-11-22T01:00:00.000Z", paid: false, shipped: false, delivered: false, accepted: false })
    expect(state(paid)).toMatchObject({ paid: "2026-11-22T02:00:00.000Z", shipped: false })
    expect(state(shipped)).toMatchObject({ shipped: "2026-11-23T03:00:00.000Z", delivered: false })
    // Two delivered fulfillments and a cancelled one: the last delivery counts, the cancelled one not.
    expect(state(delivered)).toMatchObject({ shipped: "2026-11-23T05:00:00.000Z", delivered: "2026-11-25T06:00:00.000Z", accepted: false })
    expect(state(accepted)).toMatchObject({ accepted: "2026-11-26T07:00:00.000Z" })
    expect(buildOrderProgress(accepted)).toMatchObject({
      current: null,
      can_accept: false,
      acceptance: { id: "oacc_1", accepted_at: "2026-11-26T07:00:00.000Z", note: "完好" },
    })
  })

  it("counts partial payment or delivery as not done", () => {
    expect(state({ ...paid, payment_status: "partially_captured" }).paid).toBe(false)
    expect(state({ ...paid, payment_status: "refunded" }).paid).toBe("2026-11-22T02:00:00.000Z")
    expect(state({ ...delivered, fulfillment_status: "partially_delivered" }).delivered).toBe(false)
    expect(state({ ...delivered, fulfillment_status: "partially_delivered" }).shipped).toBe(false)
  })

  it("counts one parcel delivered and the other on the road as shipped, not delivered", () => {
    const split: OrderSnapshot = {
      ...paid,
      fulfillment_status: "partially_delivered",
      all_items_fulfilled: true,
      fulfillments: [
        { shipped_at: "2026-11-23T03:00:00.000Z", delivered_at: "2026-11-24T04:00:00.000Z" },
        { shipped_at: "2026-11-23T05:00:00.000Z" },
      ],
    }
    expect(state(split).shipped).toBe("2026-11-23T05:00:00.000Z")
    expect(state(split).delivered).toBe(false)
    expect(buildOrderProgress(split).current).toBe("delivered")
    // Still packing the second parcel, or an item in no parcel yet: not shipped.
    expect(state({ ...split, fulfillments: [split.fulfillments[0], {}] }).shipped).toBe(false)
    expect(state({ ...split, all_items_fulfilled: false }).shipped).toBe(false)
  })

  it("offers acceptance only for a delivered, not yet accepted, not cancelled order", () => {
    expect(acceptanceProblem(placed)?.message).toBe(ACCEPTANCE_MESSAGES.not_delivered)
    expect(acceptanceProblem(shipped)).toEqual({ type: "not_allowed", message: ACCEPTANCE_MESSAGES.not_delivered })
    expect(acceptanceProblem(delivered)).toBeNull()
    expect(buildOrderProgress(delivered)).toMatchObject({ current: "accepted", can_accept: true })
    expect(acceptanceProblem(accepted)).toEqual({ type: "conflict", message: ACCEPTANCE_MESSAGES.already_accepted })
    expect(acceptanceProblem({ ...delivered, status: "canceled" })?.message).toBe(ACCEPTANCE_MESSAGES.canceled)
    expect(buildOrderProgress({ ...placed, status: "canceled" }).current).toBeNull()
    // "delivered" with every fulfillment cancelled is not a delivery.
    expect(acceptanceProblem({ ...delivered, fulfillments: [{ delivered_at: "2026-11-24T00:00:00Z", canceled_at: "2026-11-24T01:00:00Z" }] })).not.toBeNull()
  })

  it("takes extra steps as data (the procurement plugin's approvals)", () => {
    const steps = [...ORDER_PROGRESS_STEPS]
    insertProgressStep(
      { key: "approved", label_zh: "已审批", label_en: "Approved", state: () => ({ done: false, at: null }) },
      { after: "placed" },
      steps
    )
    insertProgressStep({ key: "invoiced", label_zh: "已开票", label_en: "Invoiced", state: () => ({ done: true, at: null }) }, "end", steps)
    const progress = buildOrderProgress(paid, steps)
    expect(progress.steps.map((s) => s.key)).toEqual(["placed", "approved", "paid", "shipped", "delivered", "accepted", "invoiced"])
    expect(progress.current).toBe("approved")
    expect(() => insertProgressStep({ ...steps[0] }, "end", steps)).toThrow(/defined already/)
    expect(() => insertProgressStep({ ...steps[0], key: "x" }, { before: "nope" }, steps)).toThrow(/does not exist/)
    // The shared list is untouched.
    expect(ORDER_PROGRESS_STEPS.map((s) => s.key)).toEqual(["placed", "paid", "shipped", "delivered", "accepted"])
  })
})

describe("taxpayer identification numbers (纳税人识别号)", () => {
  it("checks 18-character numbers as unified social credit codes (GB 32100-2015)", () => {
    expect(taxIdProblem("91110108551385082Q")).toBeNull()
    expect(taxIdProblem("91350100M000100Y43")).toBeNull()
    expect(taxIdProblem("91350100M000100Y44")).toBe("check_character")
    expect(taxIdProblem("91350100M000I00Y43")).toBe("credit_code_format")
    expect(taxIdProblem("9135010AM000100Y43")).toBe("credit_code_format")
  })

  it("accepts legacy 15-, 17- and 20-character numbers of digits and capitals, nothing else", () => {
    expect(taxIdProblem("110108551385082")).toBeNull()
    expect(taxIdProblem("11010855138508200")).toBeNull()
    expect(taxIdProblem("11010819800101123401")).toBeNull()
    for (const bad of ["", "1234", "1101085513850821", "110108-55138508", "11010855138508a", "1101081980010112340123"]) {
      expect(taxIdProblem(bad), bad).toBe("format")
    }
  })

  it("normalises spaces and lower case before checking", () => {
    expect(normalizeTaxId(" 9111 0108 5513 8508 2q ")).toBe("91110108551385082Q")
    expect(isValidTaxId(" 91110108551385082q")).toBe(true)
    expect(isValidTaxId("91110108551385082R")).toBe(false)
  })
})

describe("invoice details in metadata", () => {
  it("reads them back and stores only what was given", () => {
    expect(invoiceFromMetadata(null)).toBeNull()
    expect(invoiceFromMetadata({ other: 1 })).toBeNull()
    expect(invoiceFromMetadata({ invoice: { type: "personal", title: "王晓明" } })).toEqual({ type: "personal", title: "王晓明" })
    expect(compactInvoice({ type: "personal", title: "王晓明", email: "", phone: undefined })).toEqual({ type: "personal", title: "王晓明" })
  })
})

describe("cancellation, returns and refunds on the timeline", () => {
  const packed: OrderSnapshot = { ...paid, fulfillment_status: "fulfilled", fulfillments: [{ shipped_at: null }] }

  it("lets the buyer cancel only before anything is packed", () => {
    expect(cancelProblem(placed)).toBeNull()
    expect(cancelProblem(paid)).toBeNull()
    // A cancelled fulfillment does not count: the goods are back.
    expect(cancelProblem({ ...paid, fulfillments: [{ canceled_at: "2026-11-23T00:00:00.000Z" }] })).toBeNull()
    expect(cancelProblem(packed)).toEqual({ type: "not_allowed", message: CANCEL_MESSAGES.fulfilled })
    expect(cancelProblem(shipped)?.type).toBe("not_allowed")
    expect(cancelProblem(accepted)).toEqual({ type: "not_allowed", message: CANCEL_MESSAGES.accepted })
    expect(cancelProblem({ ...paid, status: "canceled", canceled_at: "2026-11-22T03:00:00.000Z" })).toEqual({
      type: "conflict",
      message: CANCEL_MESSAGES.canceled,
    })
    expect(buildOrderProgress(placed).can_cancel).toBe(true)
    expect(buildOrderProgress(packed).can_cancel).toBe(false)
  })

  it("lists the cancellation, received returns and refunds oldest first, cancellation before its refund", () => {
    const order: OrderSnapshot = {
      ...delivered,
      currency_code: "cny",
      refunds: [
        { id: "ref_2", amount: 20.1, created_at: "2026-11-27T00:00:00.000Z", note: null },
        { id: "ref_1", amount: 10.2, created_at: "2026-11-26T00:00:00.000Z", note: "破损" },
      ],
      returns: [
        { id: "ret_1", status: "received", quantity: 2, created_at: "2026-11-25T00:00:00.000Z", received_at: "2026-11-26T12:00:00.000Z" },
        // Requested but not received, and a cancelled one: nothing came back on the shelf.
        { id: "ret_2", status: "requested", quantity: 1, created_at: "2026-11-26T00:00:00.000Z", received_at: null },
        { id: "ret_3", status: "canceled", quantity: 1, created_at: "2026-11-26T00:00:00.000Z", received_at: "2026-11-26T13:00:00.000Z", canceled_at: "2026-11-26T14:00:00.000Z" },
      ],
    }
    const progress = buildOrderProgress(order)
    expect(progress.events.map((e) => [e.type, e.id])).toEqual([
      ["refunded", "ref_1"],
      ["returned", "ret_1"],
      ["refunded", "ref_2"],
    ])
    expect(progress.events[0]).toMatchObject({ amount: 10.2, note: "破损", label_zh: "已退款", at: "2026-11-26T00:00:00.000Z" })
    expect(progress.events[1]).toMatchObject({ quantity: 2, label_en: "Returned to stock" })
    // 10.2 + 20.1 is 30.299999999999997 in floating point.
    expect(progress.refunded_amount).toBe(30.3)
    expect(progress.currency_code).toBe("cny")

    const canceled = buildOrderProgress({
      ...paid,
      status: "canceled",
      canceled_at: "2026-11-22T05:00:00.000Z",
      refunds: [{ id: "ref_9", amount: 99, created_at: "2026-11-22T05:00:00.000Z" }],
    })
    expect(canceled.events.map((e) => e.type)).toEqual(["canceled", "refunded"])
    // Medusa refunds a moment before it marks the order cancelled: still listed after it.
    const refundedFirst = buildOrderProgress({
      ...paid,
      status: "canceled",
      canceled_at: "2026-11-22T05:00:01.500Z",
      refunds: [
        { id: "ref_old", amount: 5, created_at: "2026-11-22T04:00:00.000Z" },
        { id: "ref_9", amount: 99, created_at: "2026-11-22T05:00:00.800Z" },
      ],
    })
    expect(refundedFirst.events.map((e) => e.id)).toEqual(["ref_old", "order_1", "ref_9"])
    expect(refundedFirst.events[1].at).toBe("2026-11-22T05:00:01.500Z")
    expect(canceled.current).toBeNull()
    expect(buildOrderProgress(placed).events).toEqual([])
  })
})
