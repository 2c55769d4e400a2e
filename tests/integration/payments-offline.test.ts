// Offline payment methods for public buyers (@gongwucang/payments), end to end over HTTP against
// the real backend and PostgreSQL: bank transfer to the platform account (对公转账) — reference
// at checkout, order awaiting payment, operator marks it received against a bank statement
// line — and official card (公务卡) — card details validated at checkout, capture, refunds.

import { beforeAll, describe, expect, it } from "vitest"
import { admin, backendUrl } from "../support/http"
import { cnyRegionId, placeOrder, registerCustomer, storeAs, type TestCustomer } from "../support/orders"
import {
  adminOrderPayments,
  BANK_TRANSFER,
  cartToPay,
  chinaToday,
  choosePayment,
  completeCart,
  markReceived,
  OFFICIAL_CARD,
  orderPaidWith,
  orderPayment,
  PUBLIC_BUYERS_GROUP,
  REFERENCE_FORMAT,
  sessionOf,
  setGroupMembership,
  type AdminPayment,
} from "../support/payments"

// Who may use which method (and the refusals) is payments-eligibility.test.ts; this buyer is a
// public buyer, allowed bank transfer and official card.
let buyer: TestCustomer

beforeAll(async () => {
  buyer = await registerCustomer("offline-pay")
  await setGroupMembership(buyer, PUBLIC_BUYERS_GROUP, true)
})

/** The buyer's own view of an order's payment (store API). */
async function storeOrderPayment(orderId: string) {
  const response = await storeAs(buyer, `/store/orders/${orderId}?fields=+payment_status,*payment_collections.payments`)
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  const payments = response.body.order.payment_collections.flatMap((c: { payments?: AdminPayment[] }) => c.payments ?? [])
  return { payment_status: response.body.order.payment_status as string, payment: payments[0] as AdminPayment }
}

describe("checkout offers the offline methods", () => {
  it("the China region lists bank transfer and official card to a public buyer", async () => {
    const response = await storeAs(buyer, `/store/payment-providers?region_id=${await cnyRegionId()}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const ids = response.body.payment_providers.map((p: { id: string }) => p.id)
    expect(ids).toEqual(expect.arrayContaining([BANK_TRANSFER, OFFICIAL_CARD]))
  })
})

describe("bank transfer (对公转账)", () => {
  let orderId: string
  let payment: AdminPayment
  let reference: string

  it("a payment session carries a unique payment reference and the platform's bank account", async () => {
    const before = chinaToday().compact
    const first = await cartToPay(buyer)
    const second = await cartToPay(buyer)
    const chosen = await choosePayment(buyer, first, BANK_TRANSFER)
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200)
    const other = await choosePayment(buyer, second, BANK_TRANSFER)
    expect(other.status, JSON.stringify(other.body)).toBe(200)
    const after = chinaToday().compact

    const session = sessionOf(chosen, BANK_TRANSFER)
    expect(session.status).toBe("pending")
    expect(session.data.reference).toMatch(REFERENCE_FORMAT)
    expect([before, after]).toContain(REFERENCE_FORMAT.exec(session.data.reference)![1])
    expect(session.data.bank_account).toEqual({
      account_name: expect.stringMatching(/\S/),
      bank_name: expect.stringMatching(/\S/),
      account_number: expect.stringMatching(/\d/),
    })
    expect(session.data.amount).toBe(first.amount)
    expect(session.data.currency_code).toBe("cny")

    const otherReference = sessionOf(other, BANK_TRANSFER).data.reference
    expect(otherReference).toMatch(REFERENCE_FORMAT)
    expect(otherReference).not.toBe(session.data.reference)

    // Choosing the method again (a new session) issues a new reference.
    const again = await choosePayment(buyer, first, BANK_TRANSFER)
    expect(again.status).toBe(200)
    const renewed = sessionOf(again, BANK_TRANSFER).data.reference
    expect(renewed).toMatch(REFERENCE_FORMAT)
    expect([session.data.reference, otherReference]).not.toContain(renewed)

    // Completing it places the order, authorised and awaiting the money.
    const completed = await completeCart(buyer, first.cart_id)
    expect(completed.status, JSON.stringify(completed.body)).toBe(200)
    expect(completed.body.type).toBe("order")
    orderId = completed.body.order.id
    reference = renewed
  })

  it("the order awaits payment: authorised, not captured, the reference visible to the buyer", async () => {
    payment = await orderPayment(orderId)
    expect(payment.provider_id).toBe(BANK_TRANSFER)
    expect(payment.captured_at).toBeNull()
    expect(payment.captures).toEqual([])
    expect(payment.data).toMatchObject({ method: "bank_transfer", status: "authorized", reference, currency_code: "cny" })
    expect(new Date(payment.data.due_at).getTime()).toBeGreaterThan(Date.now())

    const order = await adminOrderPayments(orderId)
    expect(order.payment_status).toBe("authorized")

    const mine = await storeOrderPayment(orderId)
    expect(mine.payment_status).toBe("authorized")
    expect(mine.payment.data.reference).toBe(reference)
    expect(mine.payment.data.bank_account.account_number).toMatch(/\d/)
  })

  it("the operator finds the payment and its order by the reference on the statement line", async () => {
    const code = reference.split("-")[2]
    for (const typed of [reference, ` ${reference.toLowerCase()} `, code]) {
      const response = await admin(`/admin/bank-transfers?reference=${encodeURIComponent(typed)}`)
      expect(response.status, `${typed}: ${JSON.stringify(response.body)}`).toBe(200)
      expect(response.body.bank_transfer.payment).toMatchObject({ id: payment.id, provider_id: BANK_TRANSFER })
      expect(response.body.bank_transfer.payment.data.reference).toBe(reference)
      expect(response.body.bank_transfer.order).toMatchObject({ id: orderId, display_id: expect.any(Number) })
    }
    const unknown = await admin(`/admin/bank-transfers?reference=GWC-20000101-222222`)
    expect(unknown.status, JSON.stringify(unknown.body)).toBe(404)
    expect(unknown.body.message).toMatch(/未找到付款编号为 GWC-20000101-222222 的对公转账/)
    for (const bad of ["", "?reference=", "?reference=GWC-2026-ABC", "?reference=OOOOOO", `?reference=${reference}&extra=1`]) {
      const response = await admin(`/admin/bank-transfers${bad}`)
      expect(response.status, `${bad}: ${JSON.stringify(response.body)}`).toBe(400)
      expect(response.body.message).toMatch(/reference|extra/)
    }
    const anonymous = await fetch(backendUrl(`/admin/bank-transfers?reference=${reference}`))
    expect(anonymous.status).toBe(401)
  })

  it("Medusa's plain capture refuses a bank transfer: it is captured only against a statement line", async () => {
    const response = await admin(`/admin/payments/${payment.id}/capture`, { method: "POST", body: "{}" })
    expect(response.status, JSON.stringify(response.body)).toBe(400)
    expect(response.body.message).toMatch(/银行流水.*bank statement line/)
    expect((await orderPayment(orderId)).captured_at).toBeNull()
  })

  it("refuses malformed input with a 400 naming the field", async () => {
    const good = { statement_line: "ICBC-20261122-0001", amount: payment.amount, received_at: chinaToday().iso }
    const cases: [unknown, RegExp][] = [
      [{ ...good, statement_line: undefined }, /statement_line/],
      [{ ...good, statement_line: "   " }, /statement_line/],
      [{ ...good, amount: "12.345" }, /amount/],
      [{ ...good, amount: 12.345 }, /amount/],
      [{ ...good, amount: -5 }, /amount/],
      [{ ...good, amount: undefined }, /amount/],
      [{ ...good, received_at: "yesterday" }, /received_at/],
      [{ ...good, received_at: undefined }, /received_at/],
      [{ ...good, currency_code: "usd" }, /currency_code/],
      [{ ...good, reference: "not-a-reference" }, /reference/],
      [{ ...good, unexpected: true }, /unexpected|Unrecognized|unrecognized/],
    ]
    for (const [body, field] of cases) {
      const response = await markReceived(payment.id, body)
      expect(response.status, `${JSON.stringify(body)} → ${JSON.stringify(response.body)}`).toBe(400)
      expect(response.body.message).toMatch(field)
    }
    expect((await orderPayment(orderId)).captured_at).toBeNull()
  })

  it("refuses an operator who is not logged in (401)", async () => {
    const response = await fetch(backendUrl(`/admin/payments/${payment.id}/bank-transfer/received`), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ statement_line: "ICBC-X", amount: payment.amount, received_at: chinaToday().iso }),
    })
    expect(response.status).toBe(401)
    expect((await orderPayment(orderId)).captured_at).toBeNull()
  })

  it("refuses a wrong amount, another payment's reference or a future date with a 400, capturing nothing", async () => {
    for (const amount of [payment.amount - 0.01, payment.amount + 1]) {
      const response = await markReceived(payment.id, { statement_line: "ICBC-20261122-0001", amount, received_at: chinaToday().iso })
      expect(response.status, JSON.stringify(response.body)).toBe(400)
      expect(response.body.message).toMatch(/到账金额 .* 与应付金额 .* 不符/)
      expect(response.body.message).toContain("does not match the amount due")
    }
    const otherReference = await markReceived(payment.id, {
      statement_line: "ICBC-20261122-0001",
      amount: payment.amount,
      received_at: chinaToday().iso,
      reference: "GWC-20000101-222222",
    })
    expect(otherReference.status, JSON.stringify(otherReference.body)).toBe(400)
    expect(otherReference.body.message).toContain(`流水附言中的付款编号 GWC-20000101-222222 与该付款的编号 ${reference} 不符`)
    const future = await markReceived(payment.id, { statement_line: "ICBC-20261122-0001", amount: payment.amount, received_at: "2999-01-01" })
    expect(future.status, JSON.stringify(future.body)).toBe(400)
    expect(future.body.message).toMatch(/到账日期不能晚于今天/)

    const after = await orderPayment(orderId)
    expect(after.captured_at).toBeNull()
    expect(after.data.receipt).toBeUndefined()
  })

  it("answers 404 for a payment that does not exist", async () => {
    const response = await markReceived("pay_does_not_exist", { statement_line: "ICBC-X", amount: 1, received_at: chinaToday().iso })
    expect(response.status, JSON.stringify(response.body)).toBe(404)
    expect(response.body.message).toMatch(/未找到付款/)
  })

  it("marking it received with the right amount captures the payment and records the statement line", async () => {
    const response = await markReceived(payment.id, {
      statement_line: "  ICBC-20261122-0001 ",
      amount: String(payment.amount.toFixed(2)),
      currency_code: "CNY",
      received_at: chinaToday().iso,
      reference: reference.toLowerCase(),
      payer_name: "成都市机关事务管理局",
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.receipt).toMatchObject({ payment_id: payment.id, payment_reference: reference, statement_line: "ICBC-20261122-0001" })
    expect(response.body.payment.captured_at).toBeTruthy()
    expect(response.body.payment.captures).toHaveLength(1)

    const captured = await orderPayment(orderId)
    expect(captured.captured_at).toBeTruthy()
    expect(captured.captures.map((c) => Number(c.amount))).toEqual([payment.amount])
    expect(captured.data).toMatchObject({
      status: "captured",
      captured_amount: payment.amount,
      receipt: { statement_line: "ICBC-20261122-0001", amount: payment.amount, payer_name: "成都市机关事务管理局", currency_code: "cny" },
    })
    expect(captured.data.receipt.recorded_by).toMatch(/^user_/)
    expect((await adminOrderPayments(orderId)).payment_status).toBe("captured")
    expect((await storeOrderPayment(orderId)).payment_status).toBe("captured")
  })

  it("a second mark of the same payment is a 409 with a message, and nothing is captured twice", async () => {
    for (const line of ["ICBC-20261122-0001", "ICBC-20261122-0999"]) {
      const response = await markReceived(payment.id, { statement_line: line, amount: payment.amount, received_at: chinaToday().iso })
      expect(response.status, JSON.stringify(response.body)).toBe(409)
      expect(response.body.message).toMatch(/已确认到账.*ICBC-20261122-0001/)
    }
    expect((await orderPayment(orderId)).captures).toHaveLength(1)
  })

  it("a statement line already matched cannot pay a second order; two operators at once capture it once", async () => {
    const { order: secondOrder, payment: second } = await orderPaidWith(buyer, BANK_TRANSFER)
    expect(second.data.reference).toMatch(REFERENCE_FORMAT)
    expect(second.data.reference).not.toBe(reference)
    const reused = await markReceived(second.id, { statement_line: "ICBC-20261122-0001", amount: second.amount, received_at: chinaToday().iso })
    expect(reused.status, JSON.stringify(reused.body)).toBe(409)
    expect(reused.body.message).toContain(`银行流水 ICBC-20261122-0001 已核销到付款编号 ${reference}`)
    expect((await orderPayment(secondOrder.id)).captured_at).toBeNull()

    const racing = await Promise.all(
      ["ICBC-20261122-0002", "ICBC-20261122-0003"].map((line) =>
        markReceived(second.id, { statement_line: line, amount: second.amount, received_at: chinaToday().iso })
      )
    )
    expect(racing.map((r) => r.status).sort(), JSON.stringify(racing.map((r) => r.body))).toEqual([200, 409])
    const after = await orderPayment(secondOrder.id)
    expect(after.captures).toHaveLength(1)
    expect(["ICBC-20261122-0002", "ICBC-20261122-0003"]).toContain(after.data.receipt.statement_line)
  })

  it("refunds are recorded in the payment and cannot exceed what was received", async () => {
    const partial = await admin(`/admin/payments/${payment.id}/refund`, { method: "POST", body: JSON.stringify({ amount: 1 }) })
    expect(partial.status, JSON.stringify(partial.body)).toBe(200)
    const refunded = await orderPayment(orderId)
    expect(refunded.data.refunds).toEqual([expect.objectContaining({ amount: 1 })])

    const beyond = await admin(`/admin/payments/${payment.id}/refund`, { method: "POST", body: JSON.stringify({ amount: payment.amount }) })
    expect(beyond.status, JSON.stringify(beyond.body)).toBe(400)
    expect(beyond.body.message).toMatch(/refund more than the captured amount/)
    expect((await orderPayment(orderId)).data.refunds).toHaveLength(1)
  })
})

describe("official card (公务卡)", () => {
  const CARD = { holder_name: "王晓明", last4: "6688", auth_code: "a1b2c3" }
  let orderId: string
  let payment: AdminPayment

  it("refuses bad card details at completion with a 400 naming the problem, and places no order", async () => {
    const cart = await cartToPay(buyer)
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...CARD, last4: "668" }, /卡号末四位须为 4 位数字 \/ last4 must be exactly 4 digits/],
      [{ ...CARD, last4: "66a8" }, /卡号末四位须为 4 位数字/],
      [{ ...CARD, auth_code: "A1B2C" }, /授权码须为 6 位字母或数字 \/ the authorisation code must be 6 letters or digits/],
      [{ ...CARD, auth_code: "A1-B2C" }, /授权码须为 6 位字母或数字/],
      [{ ...CARD, holder_name: "  " }, /请填写持卡人姓名/],
      [{}, /请填写持卡人姓名.*卡号末四位.*授权码/],
    ]
    for (const [data, message] of cases) {
      const chosen = await choosePayment(buyer, cart, OFFICIAL_CARD, data)
      expect(chosen.status, JSON.stringify(chosen.body)).toBe(200)
      const completed = await completeCart(buyer, cart.cart_id)
      expect(completed.status, `${JSON.stringify(data)} → ${JSON.stringify(completed.body)}`).toBe(400)
      expect(completed.body.message).toMatch(/公务卡信息有误 \/ invalid official card details/)
      expect(completed.body.message).toMatch(message)
    }
    const stillCart = await storeAs(buyer, `/store/carts/${cart.cart_id}?fields=id,completed_at`)
    expect(stillCart.status, JSON.stringify(stillCart.body)).toBe(200)
    expect(stillCart.body.cart.completed_at).toBeNull()

    // The same cart with good details then becomes an order, the card recorded on its payment.
    // Fields the buyer slips into the session (a fake receipt or capture) do not reach the payment.
    const chosen = await choosePayment(buyer, cart, OFFICIAL_CARD, {
      ...CARD,
      holder_name: " 王晓明 ",
      captured_amount: 999999,
      receipt: { statement_line: "FAKE" },
    })
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200)
    const completed = await completeCart(buyer, cart.cart_id)
    expect(completed.status, JSON.stringify(completed.body)).toBe(200)
    expect(completed.body.type).toBe("order")
    orderId = completed.body.order.id

    payment = await orderPayment(orderId)
    expect(payment.provider_id).toBe(OFFICIAL_CARD)
    expect(payment.captured_at).toBeNull()
    expect(payment.data).toMatchObject({ method: "official_card", status: "authorized", holder_name: "王晓明", last4: "6688", auth_code: "A1B2C3" })
    expect(payment.data).not.toHaveProperty("captured_amount")
    expect(payment.data).not.toHaveProperty("receipt")
    expect((await adminOrderPayments(orderId)).payment_status).toBe("authorized")
  })

  it("is not a bank transfer: marking it received is refused with a 400", async () => {
    const response = await markReceived(payment.id, { statement_line: "ICBC-CARD-1", amount: payment.amount, received_at: chinaToday().iso })
    expect(response.status, JSON.stringify(response.body)).toBe(400)
    expect(response.body.message).toMatch(/该付款不是对公转账.*pp_official-card_offline/)
    expect((await orderPayment(orderId)).captured_at).toBeNull()
  })

  it("the operator captures it", async () => {
    const response = await admin(`/admin/payments/${payment.id}/capture`, { method: "POST", body: "{}" })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const captured = await orderPayment(orderId)
    expect(captured.captured_at).toBeTruthy()
    expect(captured.data.status).toBe("captured")
    expect(captured.data.captures).toHaveLength(1)
    expect((await adminOrderPayments(orderId)).payment_status).toBe("captured")
  })

  it("a partial refund is recorded; a refund beyond what was captured is refused", async () => {
    const part = Number((payment.amount / 4).toFixed(2))
    const partial = await admin(`/admin/payments/${payment.id}/refund`, { method: "POST", body: JSON.stringify({ amount: part }) })
    expect(partial.status, JSON.stringify(partial.body)).toBe(200)
    const refunded = await orderPayment(orderId)
    expect(refunded.refunds.map((r) => Number(r.amount))).toEqual([part])
    expect(refunded.data.refunds).toEqual([expect.objectContaining({ amount: part })])
    expect((await adminOrderPayments(orderId)).payment_status).toBe("partially_refunded")

    // Far beyond: Medusa's own ledger check refuses it.
    const beyond = await admin(`/admin/payments/${payment.id}/refund`, { method: "POST", body: JSON.stringify({ amount: payment.amount }) })
    expect(beyond.status, JSON.stringify(beyond.body)).toBe(400)
    expect(beyond.body.message).toMatch(/refund more than the captured amount/)
    // One fen beyond: Medusa's check allows a currency epsilon of 0.01 and lets it through; the
    // provider refuses it, and Medusa drops the refund it had recorded.
    const rest = Number((payment.amount - part).toFixed(2))
    const oneFenOver = await admin(`/admin/payments/${payment.id}/refund`, {
      method: "POST",
      body: JSON.stringify({ amount: Number((rest + 0.01).toFixed(2)) }),
    })
    expect(oneFenOver.status, JSON.stringify(oneFenOver.body)).toBe(400)
    expect(oneFenOver.body.message).toMatch(/退款金额 ¥[\d,.]+ 超过可退金额 ¥[\d,.]+ \/ the refund .* exceeds what can still be refunded/)
    const after = await orderPayment(orderId)
    expect(after.refunds).toHaveLength(1)
    expect(after.data.refunds).toHaveLength(1)

    // Exactly the rest can still be refunded.
    const refundRest = await admin(`/admin/payments/${payment.id}/refund`, { method: "POST", body: JSON.stringify({ amount: rest }) })
    expect(refundRest.status, JSON.stringify(refundRest.body)).toBe(200)
    expect((await orderPayment(orderId)).data.refunds).toHaveLength(2)
  })
})

describe("the received route and other providers", () => {
  it("refuses a payment of Medusa's system provider with a 400; that checkout still works beside the offline methods", async () => {
    const { order } = await placeOrder(buyer, { invoice: null })
    const systemPayment = await orderPayment(order.id)
    expect(systemPayment.provider_id).toBe("pp_system_default")
    const refused = await markReceived(systemPayment.id, { statement_line: "ICBC-SYS-1", amount: systemPayment.amount, received_at: chinaToday().iso })
    expect(refused.status, JSON.stringify(refused.body)).toBe(400)
    expect(refused.body.message).toMatch(/该付款不是对公转账/)
  })
})
