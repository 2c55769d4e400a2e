// Stripe through Medusa's Stripe provider (plugins/payments/src/providers/stripe), end to end over
// HTTP against the real backend and PostgreSQL. Stripe itself is tested at its HTTP boundary only:
// the backend's stripe client talks to a local FAKE of Stripe's API (tests/support/fake-stripe.ts,
// started by tests/setup/global-setup.ts), and webhooks are delivered to the backend signed with
// `stripe.webhooks.generateTestHeaderString`. This file plays the buyer's browser (Stripe.js
// confirming with the publishable key, the 3-D Secure / Alipay page, the WeChat QR scan), the
// operator (admin capture and refunds) and Stripe's webhook sender.

import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { admin, backendUrl } from "../support/http"
import { cnyRegionId, registerCustomer, storeAs, type TestCustomer } from "../support/orders"
import { cartToPay, choosePayment, completeCart, orderPayment, sessionOf, type AdminPayment, type CartToPay } from "../support/payments"
import { deliverStripeEvent, fakeStripeClient, TEST_CARDS } from "../support/fake-stripe"
import { testStack } from "../support/stack"

const CARD = "pp_stripe_stripe"
const ALIPAY = "pp_stripe-alipay_stripe"
const WECHAT_PAY = "pp_stripe-wechatpay_stripe"
const RETURN_URL = "http://localhost:8000/checkout/payment-return"

/** Medusa queues a webhook for 5 s before processing it (payment module `webhook_delay`). */
const WEBHOOK_SETTLE_MS = 9_000

const stripe = () => fakeStripeClient(testStack().env)
const webhookSecret = () => testStack().env.STRIPE_WEBHOOK_SECRET!
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const fen = (yuan: number) => Math.round(yuan * 100)

function deliver(event: Record<string, unknown>, options: { secret?: string; timestamp?: number; provider?: string } = {}) {
  return deliverStripeEvent(backendUrl(), event, { secret: options.secret ?? webhookSecret(), ...options })
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(500)
  }
}

/** The buyer's orders (store API). */
async function ordersOf(customer: TestCustomer): Promise<{ id: string }[]> {
  const response = await storeAs(customer, "/store/orders?fields=id&limit=50")
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body.orders
}

/** The cart's payment session of the provider, as the store API shows it. */
async function storeSession(customer: TestCustomer, cartId: string, providerId: string) {
  const response = await storeAs(customer, `/store/carts/${cartId}?fields=id,completed_at,*payment_collection.payment_sessions`)
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return (response.body.cart.payment_collection?.payment_sessions ?? []).find((s: { provider_id: string }) => s.provider_id === providerId)
}

interface StripeCheckout {
  customer: TestCustomer
  cart: CartToPay
  session: { id: string; status: string; data: Record<string, any> }
  intent: { id: string; client_secret: string }
}

/** A new buyer's cart up to the payment step with a Stripe session of the provider. */
async function stripeCheckout(providerId: string, data?: Record<string, unknown>): Promise<StripeCheckout> {
  const customer = await registerCustomer("stripe-pay")
  const cart = await cartToPay(customer)
  const response = await choosePayment(customer, cart, providerId, data)
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  const session = sessionOf(response, providerId)
  return { customer, cart, session, intent: { id: session.data.id, client_secret: session.data.client_secret } }
}

/** …and the card confirmed in the browser (Stripe.js with the publishable key): authorised at Stripe. */
async function authorizedCardCheckout(card: string = TEST_CARDS.visa): Promise<StripeCheckout> {
  const checkout = await stripeCheckout(CARD)
  const confirmed = await stripe().confirmInBrowser(checkout.intent, card, RETURN_URL)
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200)
  return checkout
}

async function onlyEvent(intentId: string, type: string) {
  const events = await stripe().events(intentId, type)
  expect(events, `${type} events of ${intentId}`).toHaveLength(1)
  return events[0]
}

async function placedOrder(customer: TestCustomer): Promise<{ id: string }> {
  return waitFor("the order", async () => (await ordersOf(customer))[0])
}

// The operator enables the Stripe providers in the China region (Medusa Admin → Settings →
// Regions), as the README says; restored afterwards so other files see the seeded region.
let regionId: string
let seededProviders: string[] = []

beforeAll(async () => {
  regionId = await cnyRegionId()
  const region = await admin(`/admin/regions/${regionId}?fields=id,*payment_providers`)
  expect(region.status, JSON.stringify(region.body)).toBe(200)
  seededProviders = region.body.region.payment_providers.map((p: { id: string }) => p.id)
  const enabled = await admin(`/admin/regions/${regionId}`, {
    method: "POST",
    body: JSON.stringify({ payment_providers: [...new Set([...seededProviders, CARD, ALIPAY, WECHAT_PAY])] }),
  })
  expect(enabled.status, JSON.stringify(enabled.body)).toBe(200)
})

afterAll(async () => {
  if (regionId) await admin(`/admin/regions/${regionId}`, { method: "POST", body: JSON.stringify({ payment_providers: seededProviders }) })
})

describe("the Stripe providers", () => {
  it("are registered with the backend (STRIPE_API_KEY set) and offered in the China region once enabled", async () => {
    const response = await storeAs(null, `/store/payment-providers?region_id=${regionId}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.payment_providers.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([CARD, ALIPAY, WECHAT_PAY]))
  })
})

describe("card checkout (pp_stripe_stripe)", () => {
  let checkout: StripeCheckout
  let payment: AdminPayment

  it("choosing card creates a PaymentIntent at Stripe for the cart's amount in fen, manual capture, tagged with the session", async () => {
    checkout = await stripeCheckout(CARD)
    expect(checkout.session.status).toBe("pending")
    expect(checkout.intent.id).toMatch(/^pi_/)
    expect(checkout.intent.client_secret).toMatch(/_secret_/)
    const intent = await stripe().intent(checkout.intent.id)
    expect(intent).toMatchObject({
      amount: fen(checkout.cart.amount),
      currency: "cny",
      capture_method: "manual",
      status: "requires_payment_method",
      metadata: { session_id: checkout.session.id },
    })
    expect(intent.customer).toMatch(/^cus_/)
    const created = await stripe().requests((r) => r.method === "POST" && r.path === "/v1/payment_intents" && r.params.metadata?.session_id === checkout.session.id)
    expect(created.map((r) => r.idempotency_key)).toEqual([checkout.session.id])
  })

  it("the buyer confirms the card in the browser; completing the cart places the order with the payment authorised", async () => {
    const confirmed = await stripe().confirmInBrowser(checkout.intent, TEST_CARDS.visa)
    expect(confirmed.body.status).toBe("requires_capture")
    const completed = await completeCart(checkout.customer, checkout.cart.cart_id)
    expect(completed.status, JSON.stringify(completed.body)).toBe(200)
    expect(completed.body.type).toBe("order")
    payment = await orderPayment(completed.body.order.id)
    expect(payment).toMatchObject({ provider_id: CARD, captured_at: null, captures: [] })
    expect(payment.data.id).toBe(checkout.intent.id)
  })

  it("the operator's capture captures at Stripe", async () => {
    const captured = await admin(`/admin/payments/${payment.id}/capture`, { method: "POST", body: "{}" })
    expect(captured.status, JSON.stringify(captured.body)).toBe(200)
    const intent = await stripe().intent(checkout.intent.id)
    expect(intent).toMatchObject({ status: "succeeded", amount_received: fen(checkout.cart.amount) })
    const captures = await stripe().requests((r) => r.path === `/v1/payment_intents/${checkout.intent.id}/capture`)
    expect(captures).toEqual([expect.objectContaining({ status: 200, auth: "secret" })])
    expect(captures[0].idempotency_key).toBeTruthy()
    payment = (await orderPayment((await ordersOf(checkout.customer))[0].id)) as AdminPayment
    expect(payment.captured_at).toBeTruthy()
    expect(payment.captures).toHaveLength(1)
  })

  it("a partial and then the full refund go through the provider to Stripe; more is refused", async () => {
    const total = fen(checkout.cart.amount)
    const part = 100
    const first = await admin(`/admin/payments/${payment.id}/refund`, { method: "POST", body: JSON.stringify({ amount: part / 100 }) })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    const rest = await admin(`/admin/payments/${payment.id}/refund`, { method: "POST", body: JSON.stringify({ amount: (total - part) / 100 }) })
    expect(rest.status, JSON.stringify(rest.body)).toBe(200)
    expect((await stripe().refunds(checkout.intent.id)).map((r) => r.amount).sort((a, b) => a - b)).toEqual([part, total - part].sort((a, b) => a - b))
    const more = await admin(`/admin/payments/${payment.id}/refund`, { method: "POST", body: JSON.stringify({ amount: 1 }) })
    expect(more.status).toBeGreaterThanOrEqual(400)
    expect(await stripe().refunds(checkout.intent.id)).toHaveLength(2)
    const refunded = (await orderPayment((await ordersOf(checkout.customer))[0].id)) as AdminPayment
    expect(refunded.refunds.map((r) => fen(Number(r.amount))).sort((a, b) => a - b)).toEqual([part, total - part].sort((a, b) => a - b))
  })

  it("a declined card places no order", async () => {
    const declined = await stripeCheckout(CARD)
    const confirmed = await stripe().confirmInBrowser(declined.intent, TEST_CARDS.declined)
    expect(confirmed.status).toBe(402)
    expect(confirmed.body.error).toMatchObject({ type: "card_error", code: "card_declined" })
    const completed = await completeCart(declined.customer, declined.cart.cart_id)
    expect(completed.body.type, JSON.stringify(completed.body)).not.toBe("order")
    expect(await ordersOf(declined.customer)).toEqual([])
  })
})

describe("3-D Secure (requires_action)", () => {
  it("completing the cart before the buyer passes 3-D Secure places no order; afterwards it does", async () => {
    const checkout = await authorizedCardCheckout(TEST_CARDS.threeDSecure)
    const intent = await stripe().intent(checkout.intent.id)
    expect(intent.status).toBe("requires_action")
    expect(intent.next_action.redirect_to_url.url).toBe(`${stripe().url}/_fake/next_action/${checkout.intent.id}`)

    const early = await completeCart(checkout.customer, checkout.cart.cart_id)
    expect(early.body.type, JSON.stringify(early.body)).not.toBe("order")
    expect(await ordersOf(checkout.customer)).toEqual([])
    // The session now says what the buyer has to do, for the storefront to show.
    const session = await storeSession(checkout.customer, checkout.cart.cart_id, CARD)
    expect(session.status).toBe("requires_more")
    expect(session.data.next_step).toEqual({ type: "redirect", method: "card", url: intent.next_action.redirect_to_url.url, return_url: RETURN_URL })

    const back = await stripe().completeNextAction(checkout.intent.id)
    expect(back.status).toBe(303)
    expect(back.location).toContain(`${RETURN_URL}?payment_intent=${checkout.intent.id}`)

    const completed = await completeCart(checkout.customer, checkout.cart.cart_id)
    expect(completed.body.type, JSON.stringify(completed.body)).toBe("order")
    const payment = await orderPayment(completed.body.order.id)
    expect(payment).toMatchObject({ provider_id: CARD, captured_at: null })
    expect(await ordersOf(checkout.customer)).toHaveLength(1)
  })

  it("a failed 3-D Secure places no order", async () => {
    const checkout = await authorizedCardCheckout(TEST_CARDS.threeDSecure)
    await stripe().completeNextAction(checkout.intent.id, "fail")
    const completed = await completeCart(checkout.customer, checkout.cart.cart_id)
    expect(completed.body.type, JSON.stringify(completed.body)).not.toBe("order")
    expect(await ordersOf(checkout.customer)).toEqual([])
  })
})

describe("Alipay (支付宝) and WeChat Pay (微信支付) through Stripe", () => {
  it("Alipay needs a return URL", async () => {
    const customer = await registerCustomer("stripe-alipay")
    const cart = await cartToPay(customer)
    const response = await choosePayment(customer, cart, ALIPAY)
    expect(response.status, JSON.stringify(response.body)).toBe(400)
    expect(JSON.stringify(response.body)).toContain("return_url")
  })

  it("Alipay: the session carries Alipay's page; paying there and Stripe's webhook place the order, captured once", async () => {
    const checkout = await stripeCheckout(ALIPAY, { return_url: RETURN_URL })
    expect(checkout.session.status).toBe("requires_more")
    expect(checkout.session.data.next_step).toEqual({
      type: "redirect",
      method: "alipay",
      url: `${stripe().url}/_fake/next_action/${checkout.intent.id}`,
      return_url: RETURN_URL,
    })
    expect(await stripe().intent(checkout.intent.id)).toMatchObject({
      payment_method_types: ["alipay"],
      currency: "cny",
      amount: fen(checkout.cart.amount),
      status: "requires_action",
    })

    const paid = await stripe().completeNextAction(checkout.intent.id)
    expect(paid.status).toBe(303)
    // Out of order: `succeeded` arrives before `requires_action` and `created`.
    const succeeded = await onlyEvent(checkout.intent.id, "payment_intent.succeeded")
    expect((await deliver(succeeded, { provider: "stripe-alipay_stripe" })).status).toBe(200)
    expect((await deliver(await onlyEvent(checkout.intent.id, "payment_intent.requires_action"))).status).toBe(200)
    expect((await deliver(await onlyEvent(checkout.intent.id, "payment_intent.created"))).status).toBe(200)

    const order = await placedOrder(checkout.customer)
    const payment = await waitFor("the captured payment", async () => {
      const current = await orderPayment(order.id)
      return current.captured_at ? current : null
    })
    expect(payment).toMatchObject({ provider_id: ALIPAY })
    expect(payment.captures).toHaveLength(1)

    // The buyer comes back from Alipay and the storefront completes the cart: the same order.
    const completed = await completeCart(checkout.customer, checkout.cart.cart_id)
    expect(completed.body.type, JSON.stringify(completed.body)).toBe("order")
    expect(completed.body.order.id).toBe(order.id)
    await sleep(WEBHOOK_SETTLE_MS)
    expect(await ordersOf(checkout.customer)).toHaveLength(1)
    expect((await orderPayment(order.id)).captures).toHaveLength(1)
  })

  it("WeChat Pay: the session carries the QR code; after the scan completing the cart places the order, captured once", async () => {
    const checkout = await stripeCheckout(WECHAT_PAY)
    expect(checkout.session.status).toBe("requires_more")
    const step = checkout.session.data.next_step
    expect(step).toMatchObject({ type: "qr_code", method: "wechat_pay" })
    expect(step.data).toMatch(/^weixin:\/\/wxpay\//)
    expect(step.image_url_svg).toContain("/_fake/qr/")
    const [created] = await stripe().requests((r) => r.method === "POST" && r.path === "/v1/payment_intents" && r.params.metadata?.session_id === checkout.session.id)
    expect(created.params).toMatchObject({
      payment_method_types: ["wechat_pay"],
      payment_method_options: { wechat_pay: { client: "web" } },
      payment_method_data: { type: "wechat_pay" },
      confirm: "true",
      capture_method: "automatic",
      currency: "cny",
    })

    // Before the scan: no order.
    const early = await completeCart(checkout.customer, checkout.cart.cart_id)
    expect(early.body.type, JSON.stringify(early.body)).not.toBe("order")

    await stripe().completeNextAction(checkout.intent.id)
    const completed = await completeCart(checkout.customer, checkout.cart.cart_id)
    expect(completed.body.type, JSON.stringify(completed.body)).toBe("order")
    const payment = await orderPayment(completed.body.order.id)
    expect(payment).toMatchObject({ provider_id: WECHAT_PAY })
    expect(payment.captured_at).toBeTruthy()
    expect(payment.captures).toHaveLength(1)

    // Stripe's webhook, delivered twice, changes nothing.
    const succeeded = await onlyEvent(checkout.intent.id, "payment_intent.succeeded")
    expect((await deliver(succeeded, { provider: "stripe-wechatpay_stripe" })).status).toBe(200)
    expect((await deliver(succeeded, { provider: "stripe-wechatpay_stripe" })).status).toBe(200)
    await sleep(WEBHOOK_SETTLE_MS)
    expect(await ordersOf(checkout.customer)).toHaveLength(1)
    expect((await orderPayment(completed.body.order.id)).captures).toHaveLength(1)
  })
})

describe("webhooks (POST /hooks/payment/stripe_stripe)", () => {
  it("a wrong secret, a stale timestamp or no signature get a 400 and change nothing; the correctly signed event places the order, authorised once, even when replayed", async () => {
    const checkout = await authorizedCardCheckout()
    const authorized = await onlyEvent(checkout.intent.id, "payment_intent.amount_capturable_updated")

    expect((await deliver(authorized, { secret: "whsec_not_the_right_one" })).status).toBe(400)
    expect((await deliver(authorized, { timestamp: Math.floor(Date.now() / 1000) - 15 * 60 })).status).toBe(400)
    const unsigned = await fetch(backendUrl("/hooks/payment/stripe_stripe"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(authorized),
    })
    expect(unsigned.status).toBe(400)
    await sleep(WEBHOOK_SETTLE_MS)
    expect(await ordersOf(checkout.customer)).toEqual([])
    expect((await storeSession(checkout.customer, checkout.cart.cart_id, CARD)).status).toBe("pending")

    const [first, replay] = await Promise.all([deliver(authorized), deliver(authorized)])
    expect([first.status, replay.status]).toEqual([200, 200])
    const order = await placedOrder(checkout.customer)
    await sleep(WEBHOOK_SETTLE_MS)
    expect(await ordersOf(checkout.customer)).toHaveLength(1)
    const payment = await orderPayment(order.id)
    expect(payment).toMatchObject({ provider_id: CARD, captured_at: null, captures: [] })
  })

  it("payment_intent.succeeded delivered twice (captured in Stripe's Dashboard) records exactly one capture", async () => {
    const checkout = await authorizedCardCheckout()
    const completed = await completeCart(checkout.customer, checkout.cart.cart_id)
    expect(completed.body.type, JSON.stringify(completed.body)).toBe("order")
    expect((await stripe().captureInDashboard(checkout.intent.id)).status).toBe(200)

    const succeeded = await onlyEvent(checkout.intent.id, "payment_intent.succeeded")
    const deliveries = await Promise.all([deliver(succeeded), deliver(succeeded)])
    expect(deliveries.map((d) => d.status)).toEqual([200, 200])
    await waitFor("the capture", async () => (await orderPayment(completed.body.order.id)).captured_at)
    await sleep(WEBHOOK_SETTLE_MS)
    const payment = await orderPayment(completed.body.order.id)
    expect(payment.captures).toHaveLength(1)
    expect(Number(payment.captures[0].amount)).toBe(checkout.cart.amount)
    // Stripe captured once (the Dashboard); Medusa's capture call found it done.
    const captures = await stripe().requests((r) => r.path === `/v1/payment_intents/${checkout.intent.id}/capture` && r.status === 200)
    expect(captures).toHaveLength(1)
  })

  it("out of order: amount_capturable_updated after succeeded still leaves one order, captured once", async () => {
    const checkout = await authorizedCardCheckout()
    expect((await stripe().captureInDashboard(checkout.intent.id)).status).toBe(200)
    const authorized = await onlyEvent(checkout.intent.id, "payment_intent.amount_capturable_updated")
    const succeeded = await onlyEvent(checkout.intent.id, "payment_intent.succeeded")

    expect((await deliver(succeeded)).status).toBe(200)
    const order = await placedOrder(checkout.customer)
    expect((await deliver(authorized)).status).toBe(200)
    await sleep(WEBHOOK_SETTLE_MS)
    expect(await ordersOf(checkout.customer)).toHaveLength(1)
    const payment = await orderPayment(order.id)
    expect(payment.captured_at).toBeTruthy()
    expect(payment.captures).toHaveLength(1)
  })

  it("out of order: 3-D Secure's amount_capturable_updated before requires_action places the order; the late event changes nothing", async () => {
    const checkout = await authorizedCardCheckout(TEST_CARDS.threeDSecure)
    await stripe().completeNextAction(checkout.intent.id)
    const requiresAction = await onlyEvent(checkout.intent.id, "payment_intent.requires_action")
    const authorized = await onlyEvent(checkout.intent.id, "payment_intent.amount_capturable_updated")

    expect((await deliver(authorized)).status).toBe(200)
    expect((await deliver(requiresAction)).status).toBe(200)
    const order = await placedOrder(checkout.customer)
    await sleep(WEBHOOK_SETTLE_MS)
    expect(await ordersOf(checkout.customer)).toHaveLength(1)
    expect(await orderPayment(order.id)).toMatchObject({ provider_id: CARD, captured_at: null, captures: [] })
  })

  it("cart completion retried (and raced by the webhook) creates exactly one order", async () => {
    const checkout = await authorizedCardCheckout()
    const authorized = await onlyEvent(checkout.intent.id, "payment_intent.amount_capturable_updated")
    const [webhook, ...completions] = await Promise.all([
      deliver(authorized),
      completeCart(checkout.customer, checkout.cart.cart_id),
      completeCart(checkout.customer, checkout.cart.cart_id),
      completeCart(checkout.customer, checkout.cart.cart_id),
    ])
    expect(webhook.status).toBe(200)
    const orderIds = new Set(completions.filter((c) => c.body?.type === "order").map((c) => c.body.order.id))
    expect(orderIds.size, JSON.stringify(completions.map((c) => [c.status, c.body]))).toBe(1)
    const again = await completeCart(checkout.customer, checkout.cart.cart_id)
    expect(again.body.type).toBe("order")
    expect(orderIds.has(again.body.order.id)).toBe(true)
    await sleep(WEBHOOK_SETTLE_MS)
    expect(await ordersOf(checkout.customer)).toHaveLength(1)
    await orderPayment(again.body.order.id) // exactly one payment
  })
})
