// The Stripe providers (plugins/payments/src/providers/stripe) against the local fake of Stripe's
// HTTP API (tests/support/fake-stripe.ts), without a backend: client location, the Alipay /
// WeChat Pay intents and their next steps, idempotency, webhook signatures; and medusa-config's
// STRIPE_* handling. The end-to-end flows over the real backend are in
// tests/integration/payments-stripe.test.ts.

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest"
import Stripe from "stripe"
import { PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { nextStepOf, stripeClientConfig, type GwcStripeOptions } from "../../plugins/payments/src/lib/stripe"
import { StripeAlipayProvider } from "../../plugins/payments/src/providers/stripe/alipay"
import { StripeCardProvider } from "../../plugins/payments/src/providers/stripe/card"
import { StripeWechatPayProvider } from "../../plugins/payments/src/providers/stripe/wechat-pay"
import { fakeStripeClient, startFakeStripe, TEST_CARDS, type FakeStripe } from "../support/fake-stripe"

let fake: FakeStripe
let options: GwcStripeOptions

beforeAll(async () => {
  fake = await startFakeStripe()
  options = {
    apiKey: fake.apiKey,
    webhookSecret: fake.webhookSecret,
    capture: false,
    apiHost: fake.env.STRIPE_API_HOST,
    apiPort: fake.env.STRIPE_API_PORT,
    apiProtocol: "http",
  }
})

afterAll(async () => {
  await fake?.stop()
})

const session = (n: number) => `payses_unit_${Date.now().toString(36)}_${n}`

describe("client location", () => {
  it("is api.stripe.com unless a host, port or protocol is given (options first, then STRIPE_API_*)", () => {
    expect(stripeClientConfig({}, {})).toBeNull()
    expect(stripeClientConfig({ apiHost: "127.0.0.1", apiPort: "8420", apiProtocol: "http" }, {})).toEqual({
      host: "127.0.0.1",
      port: 8420,
      protocol: "http",
      telemetry: false,
    })
    expect(stripeClientConfig({}, { STRIPE_API_HOST: "stripe-mock", STRIPE_API_PORT: "12111" })).toMatchObject({ host: "stripe-mock", port: 12111 })
    expect(() => stripeClientConfig({ apiPort: "http" }, {})).toThrow(/port/)
    expect(() => stripeClientConfig({ apiProtocol: "ftp" as never }, {})).toThrow(/protocol/)
  })

  it("the card provider's requests reach the fake with the configured key (and an intent carries the session id)", async () => {
    const provider = new StripeCardProvider({}, options)
    const id = session(1)
    const created = await provider.initiatePayment({ amount: 12.34, currency_code: "cny", data: { session_id: id }, context: { idempotency_key: id } })
    expect(created.status).toBe(PaymentSessionStatus.PENDING)
    expect(created.data).toMatchObject({ amount: 1234, currency: "cny", capture_method: "manual", metadata: { session_id: id } })
    const requests = await fakeStripeClient(fake.env).requests((r) => r.path === "/v1/payment_intents" && r.params.metadata?.session_id === id)
    expect(requests).toEqual([expect.objectContaining({ method: "POST", auth: "secret", idempotency_key: id, status: 200 })])
  })
})

describe("idempotency (fake Stripe honours Idempotency-Key like Stripe)", () => {
  it("the same key gives the same intent; the same key with other parameters is refused", async () => {
    const provider = new StripeCardProvider({}, options)
    const id = session(2)
    const input = { amount: 50, currency_code: "cny", data: { session_id: id }, context: { idempotency_key: id } }
    const first = await provider.initiatePayment(input)
    const again = await provider.initiatePayment(input)
    expect(again.id).toBe(first.id)
    await expect(provider.initiatePayment({ ...input, amount: 51 })).rejects.toThrow(/same parameters/)
  })
})

describe("card: authorise, capture, refund", () => {
  it("goes requires_capture → succeeded → partly and fully refunded; a second full refund is tolerated", async () => {
    const provider = new StripeCardProvider({}, options)
    const client = fakeStripeClient(fake.env)
    const id = session(3)
    const created = await provider.initiatePayment({ amount: 100, currency_code: "cny", data: { session_id: id }, context: {} })
    const intent = created.data as { id: string; client_secret: string }
    expect((await client.confirmInBrowser(intent, TEST_CARDS.visa)).body.status).toBe("requires_capture")
    expect((await provider.authorizePayment({ data: { id: intent.id } })).status).toBe(PaymentSessionStatus.AUTHORIZED)
    await provider.capturePayment({ data: { id: intent.id } })
    // Capturing again (Stripe answers payment_intent_unexpected_state) is treated as done.
    await provider.capturePayment({ data: { id: intent.id } })
    await provider.refundPayment({ amount: 30, data: { id: intent.id, currency: "cny" } })
    await provider.refundPayment({ amount: 70, data: { id: intent.id, currency: "cny" } })
    await provider.refundPayment({ amount: 70, data: { id: intent.id, currency: "cny" } })
    expect((await client.refunds(intent.id)).map((r) => r.amount).sort()).toEqual([3000, 7000])
  })

  it("3-D Secure: requires_more with a next step until the buyer passes it", async () => {
    const provider = new StripeCardProvider({}, options)
    const client = fakeStripeClient(fake.env)
    const created = await provider.initiatePayment({ amount: 10, currency_code: "cny", data: { session_id: session(4) }, context: {} })
    const intent = created.data as { id: string; client_secret: string }
    await client.confirmInBrowser(intent, TEST_CARDS.threeDSecure, "https://shop.example.cn/checkout/return")
    const pending = await provider.authorizePayment({ data: { id: intent.id } })
    expect(pending.status).toBe(PaymentSessionStatus.REQUIRES_MORE)
    expect(pending.data?.next_step).toEqual({
      type: "redirect",
      method: "card",
      url: `${fake.url}/_fake/next_action/${intent.id}`,
      return_url: "https://shop.example.cn/checkout/return",
    })
    const back = await client.completeNextAction(intent.id)
    expect(back.status).toBe(303)
    expect(back.location).toContain("redirect_status=succeeded")
    const done = await provider.authorizePayment({ data: { id: intent.id } })
    expect(done.status).toBe(PaymentSessionStatus.AUTHORIZED)
    expect(done.data?.next_step).toBeNull()
  })
})

describe("Alipay and WeChat Pay (CNY)", () => {
  it("Alipay: the session is created confirmed, with the redirect URL as next_step; it needs a return URL", async () => {
    const provider = new StripeAlipayProvider({}, options)
    await expect(provider.initiatePayment({ amount: 88, currency_code: "cny", data: { session_id: session(5) }, context: {} })).rejects.toThrow(
      /return_url/
    )
    const created = await provider.initiatePayment({
      amount: 88,
      currency_code: "cny",
      data: { session_id: session(6), return_url: "https://shop.example.cn/checkout/return" },
      context: {},
    })
    expect(created.status).toBe(PaymentSessionStatus.REQUIRES_MORE)
    expect(created.data).toMatchObject({ payment_method_types: ["alipay"], capture_method: "automatic", status: "requires_action" })
    expect(created.data?.next_step).toMatchObject({ type: "redirect", method: "alipay", return_url: "https://shop.example.cn/checkout/return" })

    // With the provider's returnUrl option the session data may leave it out.
    const withDefault = new StripeAlipayProvider({}, { ...options, returnUrl: "https://shop.example.cn/pay/back" })
    const second = await withDefault.initiatePayment({ amount: 88, currency_code: "cny", data: { session_id: session(7) }, context: {} })
    expect(second.data?.next_step).toMatchObject({ return_url: "https://shop.example.cn/pay/back" })
  })

  it("WeChat Pay: confirmed for the web client, with the QR code as next_step; paying captures at once", async () => {
    const provider = new StripeWechatPayProvider({}, options)
    const created = await provider.initiatePayment({ amount: 66, currency_code: "cny", data: { session_id: session(8) }, context: {} })
    expect(created.status).toBe(PaymentSessionStatus.REQUIRES_MORE)
    expect(created.data).toMatchObject({ payment_method_types: ["wechat_pay"], payment_method_options: { wechat_pay: { client: "web" } } })
    const step = created.data?.next_step as { type: string; data: string }
    expect(step).toMatchObject({ type: "qr_code", method: "wechat_pay" })
    expect(step.data).toMatch(/^weixin:\/\//)
    await fakeStripeClient(fake.env).completeNextAction(created.id)
    expect((await provider.authorizePayment({ data: { id: created.id } })).status).toBe(PaymentSessionStatus.CAPTURED)
  })

  it("nextStepOf reads only intents that wait for the buyer", () => {
    expect(nextStepOf({ status: "succeeded", next_action: { type: "redirect_to_url", redirect_to_url: { url: "x" } } })).toBeNull()
    expect(nextStepOf({ status: "requires_action", next_action: { type: "use_stripe_sdk" } })).toEqual({ type: "stripe_sdk", method: "card" })
    expect(nextStepOf(null)).toBeNull()
  })
})

describe("webhook signatures", () => {
  const event = (type: string, object: Record<string, unknown>) =>
    JSON.stringify({ id: "evt_unit", object: "event", type, data: { object } })
  const payload = (body: string, secret: string, timestamp?: number) => ({
    data: JSON.parse(body),
    rawData: Buffer.from(body),
    headers: { "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp }) },
  })

  it("a correctly signed event is read; a wrong secret or an old timestamp is refused", async () => {
    const provider = new StripeCardProvider({}, options)
    const body = event("payment_intent.amount_capturable_updated", { id: "pi_x", amount_capturable: 1234, currency: "cny", metadata: { session_id: "payses_1" } })
    expect(await provider.getWebhookActionAndData(payload(body, fake.webhookSecret))).toEqual({
      action: PaymentActions.AUTHORIZED,
      data: { session_id: "payses_1", amount: 12.34 },
    })
    await expect(provider.getWebhookActionAndData(payload(body, "whsec_wrong"))).rejects.toThrow(/signature/i)
    const old = Math.floor(Date.now() / 1000) - 60 * 60
    await expect(provider.getWebhookActionAndData(payload(body, fake.webhookSecret, old))).rejects.toThrow(/tolerance/i)
  })
})

describe("medusa-config STRIPE_*", () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })
  async function config(env: Record<string, string | undefined>) {
    vi.resetModules()
    process.env = { ...saved, GWC_ENV_FILE: "/nonexistent/.env", NODE_ENV: "development", ...env }
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key]
    const loaded = (await import("../../backend/medusa-config")).default as { modules: Record<string, { options?: any }> }
    return loaded.modules.payment.options.providers.find((p: { id: string }) => p.id === "stripe")
  }

  it("registers the Stripe providers only with STRIPE_API_KEY; cards authorise now, capture later by default", async () => {
    expect(await config({ STRIPE_API_KEY: undefined })).toBeUndefined()
    const stripe = await config({ STRIPE_API_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x", STRIPE_API_PORT: "12111" })
    expect(stripe).toMatchObject({
      resolve: "@gongwucang/payments/providers/stripe",
      options: { apiKey: "sk_test_x", webhookSecret: "whsec_x", capture: false, apiPort: "12111" },
    })
    expect((await config({ STRIPE_API_KEY: "sk_test_x", STRIPE_CAPTURE: "true" })).options.capture).toBe(true)
    await expect(config({ STRIPE_API_KEY: "sk_test_x", STRIPE_CAPTURE: "yes" })).rejects.toThrow(/STRIPE_CAPTURE/)
    const strong = "f".repeat(64)
    await expect(
      config({ NODE_ENV: "production", JWT_SECRET: strong, COOKIE_SECRET: strong, STRIPE_API_KEY: "sk_live_x", STRIPE_WEBHOOK_SECRET: undefined })
    ).rejects.toThrow(/STRIPE_WEBHOOK_SECRET/)
  })
})
