// A FAKE of Stripe's HTTP API, for tests only. Stripe's servers are unreachable here, so the test
// backend's `stripe` client (Medusa's Stripe provider, through plugins/payments'
// STRIPE_API_HOST/PORT/PROTOCOL) talks to this local server instead. It implements the part of
// https://api.stripe.com/v1 the provider calls — PaymentIntents (create with Idempotency-Key,
// retrieve, update, confirm, capture, cancel), refunds, customers, payment methods, events — with
// Stripe's state machine, including 3-D Secure (`requires_action`) and the Alipay / WeChat Pay
// next actions, and Stripe's error shapes. Nothing here is Stripe code; it only speaks its wire format.
// Like Stripe's API it answers browsers on any origin (CORS): in browser tests the page's Stripe.js
// is the fake of ./fake-stripe-js.ts, which confirms with the publishable key and client_secret.
//
// It never delivers webhooks by itself: it records the events Stripe would send (GET /v1/events),
// and tests deliver them, signed with `stripe.webhooks.generateTestHeaderString`, in whatever
// order and as often as they like (deliverStripeEvent below).
//
// Test-only control routes, under /_fake (not Stripe's API):
//   POST /_fake/next_action/:pi   { outcome: "succeed" | "fail" } — the buyer passes (or fails)
//        3-D Secure, pays on Alipay's page, or scans the WeChat Pay QR code. A browser GET shows a
//        page with both buttons; with a return_url the POST answers 303 to it, like Stripe.
//   GET  /_fake/requests — every API request received (method, path, params, idempotency key).
//
// The server runs in vitest's main process (tests/setup/global-setup.ts starts it before the
// backend); test files reach it over HTTP with the helpers at the bottom (no vitest imports here).

import crypto from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"
import Stripe from "stripe"

type Json = Record<string, any>

/** Stripe's test payment method ids the fake knows (https://docs.stripe.com/testing). */
export const TEST_CARDS = {
  /** Succeeds (authorised, or captured with automatic capture). */
  visa: "pm_card_visa",
  /** Needs 3-D Secure: the intent goes to requires_action until the buyer passes it. */
  threeDSecure: "pm_card_threeDSecure2Required",
  /** Declined: 402 card_error, the intent back to requires_payment_method. */
  declined: "pm_card_chargeDeclined",
} as const

const THREE_DS_CARDS = new Set<string>([TEST_CARDS.threeDSecure, "pm_card_authenticationRequired", "pm_card_threeDSecureRequired"])
const DECLINED_CARDS = new Set<string>([TEST_CARDS.declined, "pm_card_visa_chargeDeclined"])

export interface FakeStripe {
  /** e.g. http://127.0.0.1:43123 */
  url: string
  apiKey: string
  publishableKey: string
  webhookSecret: string
  /** What the backend needs to use this fake (STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_HOST/PORT/PROTOCOL). */
  env: Record<string, string>
  stop(): Promise<void>
}

class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: Json
  ) {
    super(error.message)
  }
}

function invalid(message: string, extra: Json = {}, status = 400): StripeApiError {
  return new StripeApiError(status, { type: "invalid_request_error", message, ...extra })
}

function randomId(prefix: string): string {
  return `${prefix}_fake${crypto.randomBytes(10).toString("hex")}`
}

const now = () => Math.floor(Date.now() / 1000)

/** Stripe's form encoding (`a[b][0]=x`) → nested objects and arrays; values stay strings. */
export function parseStripeForm(text: string): Json {
  const root: Json = {}
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.replace(/\]/g, "").split("[")
    let node: Json = root
    path.forEach((segment, index) => {
      if (index === path.length - 1) node[segment] = value
      else node = node[segment] = node[segment] && typeof node[segment] === "object" ? node[segment] : {}
    })
  }
  const arrays = (value: unknown): unknown => {
    if (!value || typeof value !== "object") return value
    const entries = Object.entries(value as Json).map(([k, v]) => [k, arrays(v)] as const)
    if (entries.length && entries.every(([k]) => /^\d+$/.test(k))) {
      return entries.sort((a, b) => Number(a[0]) - Number(b[0])).map(([, v]) => v)
    }
    return Object.fromEntries(entries)
  }
  return arrays(root) as Json
}

/** The reverse, for test clients (what stripe-node and Stripe.js send). */
export function encodeStripeForm(params: Json, prefix = ""): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue
    const name = prefix ? `${prefix}[${key}]` : key
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item && typeof item === "object") parts.push(encodeStripeForm(item, `${name}[${i}]`))
        else parts.push(`${encodeURIComponent(`${name}[${i}]`)}=${encodeURIComponent(String(item))}`)
      })
    } else if (typeof value === "object") parts.push(encodeStripeForm(value, name))
    else parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
  }
  return parts.filter(Boolean).join("&")
}

function amountParam(value: unknown, name: string): number {
  const amount = Number(value)
  if (!Number.isInteger(amount) || amount < 1) throw invalid(`Invalid integer: ${String(value)}`, { param: name })
  return amount
}

const truthy = (value: unknown) => value === true || value === "true"

/** Stripe's API answers browsers on any origin (Stripe.js runs on the shop's pages). */
const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
  "access-control-allow-headers": "authorization, content-type, idempotency-key, stripe-version",
}

export async function startFakeStripe(options: { host?: string } = {}): Promise<FakeStripe> {
  const host = options.host ?? "127.0.0.1"
  const apiKey = `sk_test_${randomId("key")}`
  const publishableKey = `pk_test_${randomId("key")}`
  const webhookSecret = `whsec_${crypto.randomBytes(24).toString("hex")}`
  let baseUrl = ""

  const intents = new Map<string, Json>()
  /** What Stripe keeps beside an intent but does not show on it. */
  const hidden = new Map<string, { return_url?: string; amount_refunded: number; charge?: string }>()
  const paymentMethods = new Map<string, Json>()
  const customers = new Map<string, Json>()
  const refunds: Json[] = []
  const events: Json[] = []
  const requests: Json[] = []
  const idempotency = new Map<string, { fingerprint: string; status: number; body: string }>()

  const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value))

  function emit(type: string, object: Json, idempotencyKey: string | null) {
    events.push({
      id: randomId("evt"),
      object: "event",
      api_version: "2024-04-10",
      created: now(),
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: randomId("req"), idempotency_key: idempotencyKey },
      data: { object: clone(object) },
    })
  }

  function paymentMethod(id: string): Json {
    const known = paymentMethods.get(id)
    if (known) return known
    if (!id.startsWith("pm_card_")) throw invalid(`No such PaymentMethod: '${id}'`, { code: "resource_missing", param: "payment_method" }, 404)
    const method = {
      id,
      object: "payment_method",
      type: "card",
      card: { brand: "visa", last4: DECLINED_CARDS.has(id) ? "0002" : THREE_DS_CARDS.has(id) ? "3220" : "4242", exp_month: 12, exp_year: 2034 },
      created: now(),
      customer: null,
      livemode: false,
      metadata: {},
    }
    paymentMethods.set(id, method)
    return method
  }

  function view(intent: Json, expand: unknown): Json {
    const shown = clone(intent)
    if (Array.isArray(expand) && expand.includes("payment_method") && typeof shown.payment_method === "string") {
      shown.payment_method = clone(paymentMethod(shown.payment_method))
    }
    return shown
  }

  function intentOr404(id: string): Json {
    const intent = intents.get(id)
    if (!intent) throw invalid(`No such payment_intent: '${id}'`, { code: "resource_missing", param: "intent" }, 404)
    return intent
  }

  function unexpectedState(intent: Json, action: string): StripeApiError {
    return invalid(`This PaymentIntent could not be ${action} because it has a status of ${intent.status}.`, {
      code: "payment_intent_unexpected_state",
      payment_intent: clone(intent),
    })
  }

  function authorizeOrCharge(intent: Json, key: string | null) {
    intent.next_action = null
    intent.last_payment_error = null
    if (intent.capture_method === "manual") {
      intent.status = "requires_capture"
      intent.amount_capturable = intent.amount
      emit("payment_intent.amount_capturable_updated", intent, key)
    } else {
      intent.status = "succeeded"
      intent.amount_received = intent.amount
      intent.latest_charge = hidden.get(intent.id)!.charge = randomId("ch")
      emit("payment_intent.succeeded", intent, key)
    }
  }

  function fail(intent: Json, code: string, message: string, key: string | null): Json {
    const error = { type: "card_error", code, message, payment_method: clone(paymentMethod(intent.payment_method)) }
    if (code === "card_declined") Object.assign(error, { decline_code: "generic_decline" })
    intent.status = "requires_payment_method"
    intent.next_action = null
    intent.last_payment_error = error
    intent.payment_method = null
    emit("payment_intent.payment_failed", intent, key)
    return error
  }

  function confirm(intent: Json, params: Json, key: string | null) {
    if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(intent.status)) {
      throw unexpectedState(intent, "confirmed")
    }
    if (params.payment_method_data?.type) {
      const created = { id: randomId("pm"), object: "payment_method", type: params.payment_method_data.type, created: now(), livemode: false, metadata: {} }
      paymentMethods.set(created.id, created)
      intent.payment_method = created.id
    } else if (params.payment_method) {
      intent.payment_method = paymentMethod(String(params.payment_method)).id
    }
    if (!intent.payment_method) {
      throw invalid("You cannot confirm this PaymentIntent because it's missing a payment method.", { code: "payment_intent_unexpected_state" })
    }
    if (params.payment_method_options) intent.payment_method_options = { ...intent.payment_method_options, ...params.payment_method_options }
    if (params.return_url) hidden.get(intent.id)!.return_url = String(params.return_url)
    const method = paymentMethod(intent.payment_method)
    if (!intent.payment_method_types.includes(method.type)) {
      throw invalid(`The PaymentMethod provided (${method.type}) is not allowed for this PaymentIntent.`, { code: "payment_intent_incompatible_payment_method" })
    }
    const returnUrl = hidden.get(intent.id)!.return_url
    const actionUrl = `${baseUrl}/_fake/next_action/${intent.id}`
    switch (method.type) {
      case "card":
        if (DECLINED_CARDS.has(method.id)) {
          const error = fail(intent, "card_declined", "Your card was declined.", key)
          throw new StripeApiError(402, { ...error, payment_intent: clone(intent) })
        }
        if (THREE_DS_CARDS.has(method.id)) {
          intent.status = "requires_action"
          intent.next_action = returnUrl
            ? { type: "redirect_to_url", redirect_to_url: { url: actionUrl, return_url: returnUrl } }
            : { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: actionUrl, source: intent.payment_method } }
          emit("payment_intent.requires_action", intent, key)
          return
        }
        authorizeOrCharge(intent, key)
        return
      case "alipay":
        if (!returnUrl) throw invalid("A return_url is required to confirm an alipay PaymentIntent.", { param: "return_url" })
        intent.status = "requires_action"
        intent.next_action = {
          type: "alipay_handle_redirect",
          alipay_handle_redirect: { url: actionUrl, return_url: returnUrl, native_url: null, native_data: null },
        }
        emit("payment_intent.requires_action", intent, key)
        return
      case "wechat_pay": {
        const client = intent.payment_method_options?.wechat_pay?.client
        if (!["web", "ios", "android"].includes(client)) {
          throw invalid("payment_method_options[wechat_pay][client] is required to confirm a wechat_pay PaymentIntent.", {
            param: "payment_method_options[wechat_pay][client]",
          })
        }
        intent.status = "requires_action"
        intent.next_action = {
          type: "wechat_pay_display_qr_code",
          wechat_pay_display_qr_code: {
            data: `weixin://wxpay/bizpayurl?pr=${intent.id}`,
            hosted_instructions_url: actionUrl,
            image_url_png: `${baseUrl}/_fake/qr/${intent.id}.png`,
            image_url_svg: `${baseUrl}/_fake/qr/${intent.id}.svg`,
            image_data_url: null,
            expires_at: now() + 2 * 60 * 60,
          },
        }
        emit("payment_intent.requires_action", intent, key)
        return
      }
      default:
        throw invalid(`The fake Stripe API does not implement payment method type ${method.type}.`)
    }
  }

  function createIntent(params: Json, key: string | null): Json {
    if (!params.currency) throw invalid("Missing required param: currency.", { param: "currency" })
    const types: string[] = Array.isArray(params.payment_method_types) && params.payment_method_types.length ? params.payment_method_types : ["card"]
    const id = randomId("pi")
    const intent: Json = {
      id,
      object: "payment_intent",
      amount: amountParam(params.amount, "amount"),
      amount_capturable: 0,
      amount_received: 0,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: params.capture_method ?? "automatic",
      client_secret: `${id}_secret_${crypto.randomBytes(12).toString("hex")}`,
      confirmation_method: "automatic",
      created: now(),
      currency: String(params.currency).toLowerCase(),
      customer: params.customer ?? null,
      description: params.description ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: params.metadata ?? {},
      next_action: null,
      payment_method: null,
      payment_method_options: params.payment_method_options ?? {},
      payment_method_types: types,
      setup_future_usage: params.setup_future_usage ?? null,
      status: "requires_payment_method",
    }
    if (params.customer && !customers.has(params.customer)) throw invalid(`No such customer: '${params.customer}'`, { code: "resource_missing", param: "customer" })
    intents.set(id, intent)
    hidden.set(id, { amount_refunded: 0, return_url: params.return_url })
    if (params.payment_method) {
      intent.payment_method = paymentMethod(String(params.payment_method)).id
      intent.status = "requires_confirmation"
    }
    emit("payment_intent.created", intent, key)
    if (truthy(params.confirm)) {
      try {
        confirm(intent, params, key)
      } catch (error) {
        if (error instanceof StripeApiError && error.status === 402) throw error
        intents.delete(id)
        throw error
      }
    }
    return intent
  }

  function capture(intent: Json, params: Json, key: string | null): Json {
    if (intent.status !== "requires_capture") throw unexpectedState(intent, "captured")
    const amount = params.amount_to_capture === undefined ? intent.amount_capturable : amountParam(params.amount_to_capture, "amount_to_capture")
    if (amount > intent.amount_capturable) throw invalid("amount_to_capture is greater than the amount capturable.", { param: "amount_to_capture" })
    intent.status = "succeeded"
    intent.amount_received = amount
    intent.amount_capturable = 0
    intent.latest_charge = hidden.get(intent.id)!.charge = randomId("ch")
    emit("payment_intent.succeeded", intent, key)
    return intent
  }

  function cancel(intent: Json, params: Json, key: string | null): Json {
    if (!["requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing"].includes(intent.status)) {
      throw unexpectedState(intent, "canceled")
    }
    intent.status = "canceled"
    intent.canceled_at = now()
    intent.cancellation_reason = params.cancellation_reason ?? null
    intent.next_action = null
    intent.amount_capturable = 0
    emit("payment_intent.canceled", intent, key)
    return intent
  }

  function update(intent: Json, params: Json, key: string | null): Json {
    if (["succeeded", "canceled", "requires_capture", "processing"].includes(intent.status)) throw unexpectedState(intent, "updated")
    if (params.amount !== undefined) intent.amount = amountParam(params.amount, "amount")
    if (params.metadata) intent.metadata = { ...intent.metadata, ...params.metadata }
    for (const field of ["description", "customer", "setup_future_usage"]) if (params[field] !== undefined) intent[field] = params[field]
    if (params.payment_method) {
      intent.payment_method = paymentMethod(String(params.payment_method)).id
      if (intent.status === "requires_payment_method") intent.status = "requires_confirmation"
    }
    emit("payment_intent.updated", intent, key)
    return intent
  }

  function refund(params: Json, key: string | null): Json {
    if (!params.payment_intent) throw invalid("Missing required param: payment_intent.", { param: "payment_intent" })
    const intent = intentOr404(String(params.payment_intent))
    const extra = hidden.get(intent.id)!
    if (intent.status !== "succeeded") {
      throw invalid(`This PaymentIntent does not have a successful charge to refund.`, { code: "charge_not_refundable", param: "payment_intent" })
    }
    const remaining = intent.amount_received - extra.amount_refunded
    if (remaining <= 0) throw invalid(`Charge ${extra.charge} has already been refunded.`, { code: "charge_already_refunded" })
    const amount = params.amount === undefined ? remaining : amountParam(params.amount, "amount")
    if (amount > remaining) {
      throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, { code: "amount_too_large", param: "amount" })
    }
    extra.amount_refunded += amount
    const created = {
      id: randomId("re"),
      object: "refund",
      amount,
      charge: extra.charge,
      currency: intent.currency,
      created: now(),
      metadata: params.metadata ?? {},
      payment_intent: intent.id,
      reason: params.reason ?? null,
      status: "succeeded",
    }
    refunds.push(created)
    emit(
      "charge.refunded",
      {
        id: extra.charge,
        object: "charge",
        amount: intent.amount_received,
        amount_refunded: extra.amount_refunded,
        refunded: extra.amount_refunded >= intent.amount_received,
        currency: intent.currency,
        metadata: intent.metadata,
        payment_intent: intent.id,
      },
      key
    )
    return created
  }

  function customer(params: Json, existing?: Json): Json {
    const fields = ["email", "name", "phone", "address", "description", "metadata"]
    const record: Json = existing ?? { id: randomId("cus"), object: "customer", created: now(), livemode: false, metadata: {} }
    for (const field of fields) if (params[field] !== undefined) record[field] = params[field]
    customers.set(record.id, record)
    return record
  }

  function list(data: Json[], url: string): Json {
    return { object: "list", url, has_more: false, data }
  }

  /** The buyer finishes the next action: 3-D Secure, Alipay's page, the WeChat Pay QR code. */
  function nextAction(intent: Json, outcome: string): Json {
    if (intent.status !== "requires_action") throw unexpectedState(intent, "authenticated")
    if (outcome === "fail") {
      const method = paymentMethod(intent.payment_method)
      fail(intent, method.type === "card" ? "payment_intent_authentication_failure" : "payment_method_provider_decline", "The customer did not complete the payment.", null)
    } else authorizeOrCharge(intent, null)
    return intent
  }

  function route(method: string, path: string, params: Json, key: string | null, auth: "secret" | "publishable"): { status?: number; body: Json } {
    const parts = path.split("/").filter(Boolean) // ["v1", "payment_intents", id, action]
    const [, resource, id, action] = parts
    // Stripe.js (publishable key) may only read and confirm an intent whose client_secret it holds.
    if (auth === "publishable") {
      if (resource !== "payment_intents" || !id || (action && action !== "confirm")) throw invalid("This API call cannot be made with a publishable API key.", {}, 401)
      if (params.client_secret !== intentOr404(id).client_secret) throw invalid("The client_secret provided does not match this PaymentIntent.", { param: "client_secret" })
    }
    switch (`${method} ${resource}${id ? "/:id" : ""}${action ? `/${action}` : ""}`) {
      case "POST payment_intents":
        return { body: view(createIntent(params, key), params.expand) }
      case "GET payment_intents/:id":
        return { body: view(intentOr404(id), params.expand) }
      case "POST payment_intents/:id":
        return { body: view(update(intentOr404(id), params, key), params.expand) }
      case "POST payment_intents/:id/confirm": {
        const intent = intentOr404(id)
        confirm(intent, params, key)
        return { body: view(intent, params.expand) }
      }
      case "POST payment_intents/:id/capture":
        return { body: view(capture(intentOr404(id), params, key), params.expand) }
      case "POST payment_intents/:id/cancel":
        return { body: view(cancel(intentOr404(id), params, key), params.expand) }
      case "POST refunds":
        return { body: refund(params, key) }
      case "GET refunds":
        return { body: list(refunds.filter((r) => !params.payment_intent || r.payment_intent === params.payment_intent).reverse(), "/v1/refunds") }
      case "POST customers":
        return { body: customer(params) }
      case "GET customers/:id":
      case "POST customers/:id": {
        const existing = customers.get(id)
        if (!existing) throw invalid(`No such customer: '${id}'`, { code: "resource_missing", param: "id" }, 404)
        return { body: method === "GET" ? existing : customer(params, existing) }
      }
      case "DELETE customers/:id":
        if (!customers.delete(id)) throw invalid(`No such customer: '${id}'`, { code: "resource_missing", param: "id" }, 404)
        return { body: { id, object: "customer", deleted: true } }
      case "GET customers/:id/payment_methods":
        return { body: list([...paymentMethods.values()].filter((m) => m.customer === id), `/v1/customers/${id}/payment_methods`) }
      case "GET payment_methods/:id":
        return { body: paymentMethod(id) }
      case "GET events": {
        const limit = Math.min(Number(params.limit ?? 10) || 10, 100)
        return { body: list(events.filter((e) => !params.type || e.type === params.type).slice().reverse().slice(0, limit), "/v1/events") }
      }
      case "GET events/:id": {
        const event = events.find((e) => e.id === id)
        if (!event) throw invalid(`No such event: '${id}'`, { code: "resource_missing", param: "id" }, 404)
        return { body: event }
      }
      default:
        throw invalid(`Unrecognized request URL (${method}: ${path}). (This fake of Stripe's API implements only what the tests use.)`, {}, 404)
    }
  }

  function respond(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
    res.writeHead(status, { "content-type": "application/json", "request-id": randomId("req"), ...CORS, ...headers })
    res.end(body)
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString("utf8")
    const url = new URL(req.url ?? "/", baseUrl)
    const method = (req.method ?? "GET").toUpperCase()

    // The browser's preflight for Stripe.js's cross-origin calls (the fake Stripe.js sends the
    // publishable key as a Bearer header); answered like Stripe's API, which allows any origin.
    if (method === "OPTIONS") {
      res.writeHead(204, { ...CORS, "access-control-max-age": "600" })
      return res.end()
    }
    if (url.pathname.startsWith("/_fake/")) return control(req, res, url, method, raw)

    const params = method === "GET" || method === "DELETE" ? parseStripeForm(url.search.slice(1)) : parseStripeForm(raw)
    const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1]
    const auth = bearer === apiKey ? "secret" : bearer === publishableKey ? "publishable" : null
    const logged: Json = { method, path: url.pathname, params, idempotency_key: key, auth, status: 0 }
    requests.push(logged)

    if (!url.pathname.startsWith("/v1/")) {
      logged.status = 404
      return respond(res, 404, JSON.stringify({ error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${url.pathname}).` } }))
    }
    if (!auth) {
      logged.status = 401
      return respond(res, 401, JSON.stringify({ error: { type: "invalid_request_error", message: `Invalid API Key provided: ${bearer ?? "(none)"}` } }))
    }

    // Idempotency: the same key again → the first answer again, unless the request differs.
    const fingerprint = `${method} ${url.pathname} ${raw}`
    if (method === "POST" && key) {
      const seen = idempotency.get(key)
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          logged.status = 400
          return respond(
            res,
            400,
            JSON.stringify({
              error: {
                type: "idempotency_error",
                message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
              },
            })
          )
        }
        logged.status = seen.status
        logged.replayed = true
        return respond(res, seen.status, seen.body, { "idempotent-replayed": "true", "idempotency-key": key })
      }
    }

    let status = 200
    let body: string
    try {
      const result = route(method, url.pathname, params, key, auth)
      status = result.status ?? 200
      body = JSON.stringify(result.body)
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error
      status = error.status
      body = JSON.stringify({ error: error.error })
    }
    logged.status = status
    // Stripe stores the answer for the key unless the request was refused before it ran (4xx
    // other than card errors are not stored either in practice; keep it simple and faithful enough).
    if (method === "POST" && key && (status < 400 || status === 402)) idempotency.set(key, { fingerprint, status, body })
    respond(res, status, body, key ? { "idempotency-key": key } : {})
  }

  function control(req: http.IncomingMessage, res: http.ServerResponse, url: URL, method: string, raw: string) {
    const [, , what, id] = url.pathname.split("/") // "", "_fake", what, id
    if (what === "requests" && method === "GET") return respond(res, 200, JSON.stringify({ data: requests }))
    if (what === "qr") {
      res.writeHead(200, { "content-type": "image/svg+xml" })
      return res.end(`<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>`)
    }
    if (what === "next_action" && id) {
      const intent = intents.get(id)
      if (!intent) return respond(res, 404, JSON.stringify({ error: { message: `No such payment_intent: '${id}'` } }))
      if (method === "GET") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" })
        return res.end(
          `<!doctype html><title>FAKE Stripe: ${intent.id}</title><h1>FAKE Stripe (tests only)</h1>` +
            `<p>${intent.payment_method_types.join(", ")} · ${intent.amount} ${intent.currency}</p>` +
            `<form method="post"><button name="outcome" value="succeed">Complete</button><button name="outcome" value="fail">Fail</button></form>`
        )
      }
      const body = (req.headers["content-type"] ?? "").includes("json") ? (JSON.parse(raw || "{}") as Json) : parseStripeForm(raw)
      try {
        nextAction(intent, body.outcome === "fail" ? "fail" : "succeed")
      } catch (error) {
        if (!(error instanceof StripeApiError)) throw error
        return respond(res, error.status, JSON.stringify({ error: error.error }))
      }
      const returnUrl = hidden.get(intent.id)?.return_url
      if (returnUrl) {
        const back = new URL(returnUrl)
        back.searchParams.set("payment_intent", intent.id)
        back.searchParams.set("payment_intent_client_secret", intent.client_secret)
        back.searchParams.set("redirect_status", intent.status === "requires_payment_method" ? "failed" : "succeeded")
        res.writeHead(303, { location: back.toString(), "content-type": "application/json" })
        return res.end(JSON.stringify(intent))
      }
      return respond(res, 200, JSON.stringify(intent))
    }
    respond(res, 404, JSON.stringify({ error: { message: `no fake control route ${method} ${url.pathname}` } }))
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      respond(res, 500, JSON.stringify({ error: { type: "api_error", message: `fake Stripe crashed: ${(error as Error).stack}` } }))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  baseUrl = `http://${host}:${port}`

  return {
    url: baseUrl,
    apiKey,
    publishableKey,
    webhookSecret,
    env: {
      STRIPE_API_KEY: apiKey,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_HOST: host,
      STRIPE_API_PORT: String(port),
      STRIPE_API_PROTOCOL: "http",
      // Not read by the backend: the storefront hands it to Stripe.js in the buyer's browser (in
      // browser tests the fake Stripe.js of ./fake-stripe-js), and API tests confirm with it.
      STRIPE_PUBLISHABLE_KEY: publishableKey,
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

// ---------------------------------------------------------------------------------------------
// Test-side helpers: reach the fake (and the backend's webhook endpoint) over HTTP.

export interface FakeStripeClient {
  url: string
  /** GET /v1/payment_intents/:id with the secret key (what the Dashboard would show). */
  intent(id: string): Promise<Json>
  /** What Stripe.js does in the buyer's browser: confirm with the publishable key and client_secret. */
  confirmInBrowser(intent: { id: string; client_secret: string }, paymentMethod: string, returnUrl?: string): Promise<{ status: number; body: Json }>
  /** The buyer passes (or fails) 3-D Secure / pays on Alipay's page / scans the WeChat QR code. */
  completeNextAction(id: string, outcome?: "succeed" | "fail"): Promise<{ status: number; location: string | null; body: Json }>
  /** A capture made outside Medusa (the Stripe Dashboard). */
  captureInDashboard(id: string): Promise<{ status: number; body: Json }>
  /** The events Stripe would send for the intent, oldest first. */
  events(intentId: string, type?: string): Promise<Json[]>
  refunds(intentId: string): Promise<Json[]>
  /** API requests the fake received, oldest first. */
  requests(filter?: (request: Json) => boolean): Promise<Json[]>
}

/** A client of the fake, from the backend's environment (testStack().env). */
export function fakeStripeClient(env: Record<string, string | undefined>): FakeStripeClient {
  const url = `${env.STRIPE_API_PROTOCOL}://${env.STRIPE_API_HOST}:${env.STRIPE_API_PORT}`
  const call = async (method: string, path: string, key: string | undefined, params?: Json) => {
    const query = method === "GET" && params ? `?${encodeStripeForm(params)}` : ""
    const response = await fetch(`${url}${path}${query}`, {
      method,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/x-www-form-urlencoded" },
      body: method === "GET" ? undefined : encodeStripeForm(params ?? {}),
    })
    return { status: response.status, body: (await response.json()) as Json }
  }
  const ok = (what: string, response: { status: number; body: Json }) => {
    if (response.status !== 200) throw new Error(`fake Stripe ${what}: ${response.status} ${JSON.stringify(response.body)}`)
    return response.body
  }
  return {
    url,
    intent: async (id) => ok("retrieve intent", await call("GET", `/v1/payment_intents/${id}`, env.STRIPE_API_KEY)),
    confirmInBrowser: (intent, paymentMethod, returnUrl) =>
      call("POST", `/v1/payment_intents/${intent.id}/confirm`, env.STRIPE_PUBLISHABLE_KEY, {
        client_secret: intent.client_secret,
        payment_method: paymentMethod,
        return_url: returnUrl,
      }),
    async completeNextAction(id, outcome = "succeed") {
      const response = await fetch(`${url}/_fake/next_action/${id}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ outcome }),
        redirect: "manual",
      })
      return { status: response.status, location: response.headers.get("location"), body: (await response.json()) as Json }
    },
    captureInDashboard: (id) => call("POST", `/v1/payment_intents/${id}/capture`, env.STRIPE_API_KEY),
    async events(intentId, type) {
      const all = ok("list events", await call("GET", "/v1/events", env.STRIPE_API_KEY, { limit: 100, ...(type ? { type } : {}) })).data as Json[]
      return all.filter((e) => e.data?.object?.id === intentId || e.data?.object?.payment_intent === intentId).reverse()
    },
    async refunds(intentId) {
      return ok("list refunds", await call("GET", "/v1/refunds", env.STRIPE_API_KEY, { payment_intent: intentId })).data as Json[]
    },
    async requests(filter) {
      const response = await fetch(`${url}/_fake/requests`)
      const all = ((await response.json()) as { data: Json[] }).data
      return filter ? all.filter(filter) : all
    },
  }
}

/**
 * Delivers a Stripe event to the backend's webhook endpoint (POST /hooks/payment/:provider) the
 * way Stripe does: JSON body, `Stripe-Signature` from `stripe.webhooks.generateTestHeaderString`
 * with the given secret and timestamp (defaults: now).
 */
export async function deliverStripeEvent(
  backendUrl: string,
  event: Json,
  options: { secret: string; provider?: string; timestamp?: number }
): Promise<{ status: number; text: string }> {
  const payload = JSON.stringify(event)
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret, timestamp: options.timestamp })
  const response = await fetch(`${backendUrl}/hooks/payment/${options.provider ?? "stripe_stripe"}`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: payload,
  })
  return { status: response.status, text: await response.text() }
}
