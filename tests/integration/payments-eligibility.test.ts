// Who may pay with which offline method (@gongwucang/payments), over HTTP against the real backend:
// customer groups open the methods ("公共机构 public buyers": bank transfer 对公转账 and official card
// 公务卡; "验收后付款 pay on acceptance"); guests and ordinary customers keep only the normal
// methods, and every attempt to use a method anyway is refused. Then the pay-on-acceptance cycle:
// authorised at checkout → delivered → accepted (验收) → due date set → overdue job → paid.

import { beforeAll, describe, expect, it } from "vitest"
import { admin } from "../support/http"
import {
  adminCreateFulfillment,
  adminMarkDelivered,
  adminMarkShipped,
  cnyRegionId,
  createCart,
  postAs,
  registerCustomer,
  storeAs,
  variantInStock,
  type TestCustomer,
} from "../support/orders"
import {
  adminOrderPayments,
  BANK_TRANSFER,
  cartPaymentMethods,
  cartSessionProviders,
  cartToPay,
  choosePayment,
  completeCart,
  customerGroup,
  OFFICIAL_CARD,
  orderPaidWith,
  orderPayment,
  PAY_ON_ACCEPTANCE,
  PAY_ON_ACCEPTANCE_GROUP,
  PUBLIC_BUYERS_GROUP,
  runOverdueJob,
  sessionOf,
  setGroupMembership,
  SYSTEM_PROVIDER,
  type AdminPayment,
} from "../support/payments"

const OFFLINE = [BANK_TRANSFER, OFFICIAL_CARD, PAY_ON_ACCEPTANCE]
const CARD = { holder_name: "李红", last4: "1234", auth_code: "ZX9Y8W" }
const DAY_MS = 24 * 60 * 60 * 1000

let ordinary: TestCustomer
let publicBuyer: TestCustomer
let approvedOrg: TestCustomer
let both: TestCustomer

beforeAll(async () => {
  ;[ordinary, publicBuyer, approvedOrg, both] = await Promise.all(
    ["pay-ordinary", "pay-public", "pay-approved", "pay-both"].map((label) => registerCustomer(label))
  )
  await setGroupMembership(publicBuyer, PUBLIC_BUYERS_GROUP, true)
  await setGroupMembership(approvedOrg, PAY_ON_ACCEPTANCE_GROUP, true)
  await setGroupMembership(both, PUBLIC_BUYERS_GROUP, true)
  await setGroupMembership(both, PAY_ON_ACCEPTANCE_GROUP, true)
})

/** GET /store/payment-providers for the China region, as the customer (or a guest): the ids. */
async function regionProviders(customer: TestCustomer | null) {
  const response = await storeAs(customer, `/store/payment-providers?region_id=${await cnyRegionId()}`)
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  const ids: string[] = response.body.payment_providers.map((p: { id: string }) => p.id)
  expect(response.body.count).toBe(ids.length)
  return ids.sort()
}

/** A guest's cart up to the payment step (anonymous requests only). */
async function guestCartToPay() {
  const cart = await createCart(null)
  expect(cart.customer_id).toBeNull()
  const variant = await variantInStock()
  expect((await postAs(null, `/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: 1 })).status).toBe(200)
  const collection = await postAs(null, "/store/payment-collections", { cart_id: cart.id })
  expect(collection.status, JSON.stringify(collection.body)).toBe(200)
  return { cart_id: cart.id, payment_collection_id: collection.body.payment_collection.id as string }
}

describe("the seeded customer groups open the offline methods", () => {
  it("公共机构 public buyers → bank transfer and official card; 验收后付款 → pay on acceptance", async () => {
    expect((await customerGroup(PUBLIC_BUYERS_GROUP)).metadata?.payment_providers).toEqual([BANK_TRANSFER, OFFICIAL_CARD])
    expect((await customerGroup(PAY_ON_ACCEPTANCE_GROUP)).metadata?.payment_providers).toEqual([PAY_ON_ACCEPTANCE])
  })

  it("the region offers all three offline methods beside the system provider", async () => {
    const regionId = await cnyRegionId()
    const response = await admin(`/admin/regions/${regionId}?fields=id,*payment_providers`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const ids = response.body.region.payment_providers.map((p: { id: string }) => p.id)
    expect(ids).toEqual(expect.arrayContaining([SYSTEM_PROVIDER, ...OFFLINE]))
  })
})

describe("each buyer sees only the methods allowed to them", () => {
  it("GET /store/payment-providers: guests and ordinary customers get no offline method", async () => {
    expect(await regionProviders(null)).toEqual([SYSTEM_PROVIDER])
    expect(await regionProviders(ordinary)).toEqual([SYSTEM_PROVIDER])
    expect(await regionProviders(publicBuyer)).toEqual([BANK_TRANSFER, OFFICIAL_CARD, SYSTEM_PROVIDER].sort())
    expect(await regionProviders(approvedOrg)).toEqual([PAY_ON_ACCEPTANCE, SYSTEM_PROVIDER].sort())
    expect(await regionProviders(both)).toEqual([SYSTEM_PROVIDER, ...OFFLINE].sort())
  })

  it("GET /store/carts/:id/payment-methods follows the cart's buyer", async () => {
    const guest = await guestCartToPay()
    expect(await cartPaymentMethods(null, guest.cart_id)).toEqual([SYSTEM_PROVIDER])
    // A signed-in public buyer looking at a guest's cart: still the guest's methods.
    expect(await cartPaymentMethods(publicBuyer, guest.cart_id)).toEqual([SYSTEM_PROVIDER])

    const expected: [TestCustomer, string[]][] = [
      [ordinary, [SYSTEM_PROVIDER]],
      [publicBuyer, [BANK_TRANSFER, OFFICIAL_CARD, SYSTEM_PROVIDER]],
      [approvedOrg, [PAY_ON_ACCEPTANCE, SYSTEM_PROVIDER]],
      [both, [BANK_TRANSFER, OFFICIAL_CARD, PAY_ON_ACCEPTANCE, SYSTEM_PROVIDER]],
    ]
    for (const [customer, ids] of expected) {
      const cart = await createCart(customer)
      expect(await cartPaymentMethods(customer, cart.id)).toEqual([...ids].sort())
    }

    const labelled = await storeAs(publicBuyer, `/store/carts/${(await createCart(publicBuyer)).id}/payment-methods`)
    expect(labelled.body.payment_providers).toEqual(
      expect.arrayContaining([{ id: BANK_TRANSFER, label_zh: "对公转账", label_en: "bank transfer" }])
    )
  })

  it("GET /store/carts/:id/payment-methods: 404 for an unknown cart, 400 for unknown parameters", async () => {
    const unknown = await storeAs(null, "/store/carts/cart_does_not_exist/payment-methods")
    expect(unknown.status, JSON.stringify(unknown.body)).toBe(404)
    expect(unknown.body.message).toMatch(/未找到购物车 cart_does_not_exist/)
    const cart = await createCart(publicBuyer)
    const extra = await storeAs(publicBuyer, `/store/carts/${cart.id}/payment-methods?provider=all`)
    expect(extra.status, JSON.stringify(extra.body)).toBe(400)
    expect(extra.body.message).toMatch(/请求有误 \/ invalid request: .*provider/)
  })
})

describe("choosing a method one may not use is refused (403), and no session is created", () => {
  it("a guest cannot choose any offline method", async () => {
    const guest = await guestCartToPay()
    for (const providerId of OFFLINE) {
      const response = await postAs(null, `/store/payment-collections/${guest.payment_collection_id}/payment-sessions`, { provider_id: providerId })
      expect(response.status, `${providerId}: ${JSON.stringify(response.body)}`).toBe(403)
      expect(response.body.message).toMatch(/仅向已登录的采购单位开放，请先登录 \/ .* is only for signed-in buyers/)
    }
    expect(await cartSessionProviders(null, guest.cart_id)).toEqual([])
    // The normal method still works for the guest.
    const system = await postAs(null, `/store/payment-collections/${guest.payment_collection_id}/payment-sessions`, { provider_id: SYSTEM_PROVIDER })
    expect(system.status, JSON.stringify(system.body)).toBe(200)
  })

  it("an ordinary customer cannot choose bank transfer, official card or pay on acceptance", async () => {
    const cart = await cartToPay(ordinary)
    const messages: Record<string, RegExp> = {
      [BANK_TRANSFER]: /您的账户未开通对公转账，请选择其他支付方式或联系平台开通 \/ your account may not use bank transfer/,
      [OFFICIAL_CARD]: /您的账户未开通公务卡/,
      [PAY_ON_ACCEPTANCE]: /您的账户未开通验收后付款.* \/ your account may not use pay on acceptance/,
    }
    for (const providerId of OFFLINE) {
      const response = await choosePayment(ordinary, cart, providerId, providerId === OFFICIAL_CARD ? CARD : undefined)
      expect(response.status, `${providerId}: ${JSON.stringify(response.body)}`).toBe(403)
      expect(response.body.message).toMatch(messages[providerId])
    }
    expect(await cartSessionProviders(ordinary, cart.cart_id)).toEqual([])
    // Completing the cart without a session places no order.
    const completed = await completeCart(ordinary, cart.cart_id)
    expect(completed.status).toBe(400)
    expect((await storeAs(ordinary, `/store/carts/${cart.cart_id}?fields=id,completed_at`)).body.cart.completed_at).toBeNull()
  })

  it("a public buyer cannot choose pay on acceptance; an approved organisation cannot choose bank transfer", async () => {
    const publicCart = await cartToPay(publicBuyer)
    const refused = await choosePayment(publicBuyer, publicCart, PAY_ON_ACCEPTANCE)
    expect(refused.status, JSON.stringify(refused.body)).toBe(403)
    expect(refused.body.message).toMatch(/未开通验收后付款/)

    const orgCart = await cartToPay(approvedOrg)
    for (const providerId of [BANK_TRANSFER, OFFICIAL_CARD]) {
      const response = await choosePayment(approvedOrg, orgCart, providerId, CARD)
      expect(response.status, `${providerId}: ${JSON.stringify(response.body)}`).toBe(403)
    }
    expect(await cartSessionProviders(approvedOrg, orgCart.cart_id)).toEqual([])
  })

  it("an allowed buyer cannot choose an offline method on someone else's cart", async () => {
    const othersCart = await cartToPay(ordinary)
    const response = await choosePayment(publicBuyer, othersCart, BANK_TRANSFER)
    expect(response.status, JSON.stringify(response.body)).toBe(403)
    expect(response.body.message).toMatch(/只能为自己的订单选择对公转账/)
    const guest = await guestCartToPay()
    const onGuestCart = await postAs(publicBuyer, `/store/payment-collections/${guest.payment_collection_id}/payment-sessions`, {
      provider_id: BANK_TRANSFER,
    })
    expect(onGuestCart.status, JSON.stringify(onGuestCart.body)).toBe(403)
    expect(await cartSessionProviders(ordinary, othersCart.cart_id)).toEqual([])
  })

  it("a buyer removed from the group after choosing cannot place the order (403), and no order is made", async () => {
    const buyer = await registerCustomer("pay-removed")
    await setGroupMembership(buyer, PUBLIC_BUYERS_GROUP, true)
    const cart = await cartToPay(buyer)
    const chosen = await choosePayment(buyer, cart, BANK_TRANSFER)
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200)

    await setGroupMembership(buyer, PUBLIC_BUYERS_GROUP, false)
    const completed = await completeCart(buyer, cart.cart_id)
    expect(completed.status, JSON.stringify(completed.body)).toBe(403)
    expect(completed.body.message).toMatch(/您的账户未开通对公转账/)
    expect((await storeAs(buyer, `/store/carts/${cart.cart_id}?fields=id,completed_at`)).body.cart.completed_at).toBeNull()
    expect(await regionProviders(buyer)).toEqual([SYSTEM_PROVIDER])

    // Back in the group, the same cart and session place the order.
    await setGroupMembership(buyer, PUBLIC_BUYERS_GROUP, true)
    const again = await completeCart(buyer, cart.cart_id)
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    expect(again.body.type).toBe("order")
    const payment = await orderPayment(again.body.order.id)
    expect(payment).toMatchObject({ provider_id: BANK_TRANSFER })
    expect(payment.data.customer_id).toBe(buyer.id)
  })
})

describe("pay on acceptance (验收后付款)", () => {
  /** The operator delivers the order without capturing anything; the buyer accepts it. */
  async function deliverAndAccept(customer: TestCustomer, orderId: string) {
    const fulfillmentId = await adminCreateFulfillment(orderId)
    await adminMarkShipped(orderId, fulfillmentId)
    await adminMarkDelivered(orderId, fulfillmentId)
    const accepted = await postAs(customer, `/store/orders/${orderId}/accept`, {})
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    return accepted.body.acceptance as { id: string; accepted_at: string }
  }

  /** The payment once the order.accepted subscriber has set its due date. */
  async function paymentWithDueDate(orderId: string): Promise<AdminPayment> {
    const deadline = Date.now() + 20_000
    for (;;) {
      const payment = await orderPayment(orderId)
      if (payment.data.due_at || Date.now() > deadline) return payment
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }

  let accepted: { orderId: string; payment: AdminPayment }
  let notAccepted: AdminPayment
  let paidEarly: AdminPayment

  it("an approved organisation's order is authorised at checkout with N days' terms and no due date yet", async () => {
    const cart = await cartToPay(approvedOrg)
    const chosen = await choosePayment(approvedOrg, cart, PAY_ON_ACCEPTANCE)
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200)
    expect(sessionOf(chosen, PAY_ON_ACCEPTANCE).data).toMatchObject({ method: "pay_on_acceptance", status: "pending", payment_terms_days: 30 })
    const completed = await completeCart(approvedOrg, cart.cart_id)
    expect(completed.status, JSON.stringify(completed.body)).toBe(200)
    expect(completed.body.type).toBe("order")
    const orderId = completed.body.order.id

    const payment = await orderPayment(orderId)
    expect(payment.provider_id).toBe(PAY_ON_ACCEPTANCE)
    expect(payment.captured_at).toBeNull()
    expect(payment.data).toMatchObject({
      method: "pay_on_acceptance",
      status: "authorized",
      payment_terms_days: 30,
      due_at: null,
      accepted_at: null,
      customer_id: approvedOrg.id,
    })
    expect((await adminOrderPayments(orderId)).payment_status).toBe("authorized")
    accepted = { orderId, payment }
  })

  it("acceptance (order.accepted) sets the due date to acceptance + 30 days", async () => {
    const acceptance = await deliverAndAccept(approvedOrg, accepted.orderId)
    const payment = await paymentWithDueDate(accepted.orderId)
    expect(payment.data.accepted_at).toBe(new Date(acceptance.accepted_at).toISOString())
    expect(payment.data.acceptance_id).toBe(acceptance.id)
    expect(Date.parse(payment.data.due_at) - Date.parse(payment.data.accepted_at)).toBe(30 * DAY_MS)
    expect(payment.captured_at).toBeNull()
    expect(payment.data.overdue).toBeUndefined()
    accepted.payment = payment
  })

  it("the overdue job flags it only after the due date, once; unaccepted and paid ones are left alone", async () => {
    // An order not accepted yet (no due date) and one accepted and paid at once.
    const pending = await orderPaidWith(both, PAY_ON_ACCEPTANCE)
    notAccepted = pending.payment
    const notAcceptedOrderId = pending.order.id
    const early = await orderPaidWith(both, PAY_ON_ACCEPTANCE)
    await deliverAndAccept(both, early.order.id)
    expect((await paymentWithDueDate(early.order.id)).data.due_at).toBeTruthy()
    const captured = await admin(`/admin/payments/${early.payment.id}/capture`, { method: "POST", body: "{}" })
    expect(captured.status, JSON.stringify(captured.body)).toBe(200)
    paidEarly = await orderPayment(early.order.id)

    const due = Date.parse(accepted.payment.data.due_at)
    const [beforeDue, afterDue, again] = await runOverdueJob([new Date(due - 60_000), new Date(due + DAY_MS), new Date(due + 2 * DAY_MS)])
    expect(beforeDue).not.toContain(accepted.payment.id)
    expect(afterDue).toContain(accepted.payment.id)
    expect(again).not.toContain(accepted.payment.id)
    for (const run of [beforeDue, afterDue, again]) {
      expect(run).not.toContain(notAccepted.id)
      expect(run).not.toContain(paidEarly.id)
    }

    const flagged = await orderPayment(accepted.orderId)
    expect(flagged.data).toMatchObject({ overdue: true, overdue_flagged_at: new Date(due + DAY_MS).toISOString(), status: "authorized" })
    expect((await orderPayment(early.order.id)).data.overdue).toBeUndefined()
    expect((await orderPayment(notAcceptedOrderId)).data.overdue).toBeUndefined()
  })

  it("the operator marks it paid (capture); the order is paid", async () => {
    const response = await admin(`/admin/payments/${accepted.payment.id}/capture`, { method: "POST", body: "{}" })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const paid = await orderPayment(accepted.orderId)
    expect(paid.captured_at).toBeTruthy()
    expect(paid.data).toMatchObject({ status: "captured", overdue: true })
    expect((await adminOrderPayments(accepted.orderId)).payment_status).toBe("captured")
  })
})
