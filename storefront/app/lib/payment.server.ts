// The payment step against the backend (plugins/payments): which methods the cart's buyer may
// use, choosing one (a payment session), and reading an order's payment for the pages.
import type { HttpTypes } from "@medusajs/types"
import type { Language } from "~/i18n/languages"
import { localizedMessage } from "./customer.server"
import { authHeaders, FetchError, medusa } from "./medusa.server"
import { KIND_ORDER, methodKind, type CardErrors, type CardField, type OrderPaymentView, type PaymentMethod } from "./payment"

function days(name: string, fallback: number, max: number): number {
  const value = Number(process.env[name])
  return Number.isInteger(value) && value >= 1 && value <= max ? value : fallback
}

/** The terms the backend is configured with (the same variables; see the root README). */
export function paymentTerms(): { bankTransferDays: number; payOnAcceptanceDays: number } {
  return { bankTransferDays: days("GWC_BANK_TRANSFER_DUE_DAYS", 7, 90), payOnAcceptanceDays: days("GWC_PAY_ON_ACCEPTANCE_DAYS", 30, 365) }
}

/**
 * Stripe's publishable key (pk_…) for Stripe.js in the buyer's browser, or null when the storefront
 * has none: cards are then not offered, because the card details can only be taken by Stripe.js.
 */
export function stripePublishableKey(): string | null {
  const key = process.env.STRIPE_PUBLISHABLE_KEY?.trim()
  return key && /^pk_(test|live)_\w+$/.test(key) ? key : null
}

/**
 * Whether the storefront can take a method. Stripe cards need Stripe.js (Elements) in the browser,
 * so `pp_stripe_stripe` is offered only with a publishable key; Alipay and WeChat Pay need only a
 * redirect link or a QR code drawn on the server.
 */
function supported(method: PaymentMethod): boolean {
  return method.kind !== "card" || stripePublishableKey() !== null
}

function sortMethods(methods: PaymentMethod[]): PaymentMethod[] {
  return methods.filter(supported).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.id.localeCompare(b.id))
}

interface MethodsAnswer {
  payment_providers: { id: string; label_zh?: string | null; label_en?: string | null }[]
}

/**
 * `GET /store/carts/:id/payment-methods`: the region's methods the cart's buyer may use. If that
 * route is not there (a backend without plugins/payments), the region's providers as Medusa lists
 * them (its middleware drops offline methods a guest may not use).
 */
export async function paymentMethodsFor(cart: Pick<HttpTypes.StoreCart, "id" | "region_id">, token: string | undefined): Promise<PaymentMethod[]> {
  const sdk = medusa()
  try {
    const answer = await sdk.client.fetch<MethodsAnswer>(`/store/carts/${encodeURIComponent(cart.id)}/payment-methods`, { headers: authHeaders(token) })
    return sortMethods(
      answer.payment_providers.map((p) => ({ id: p.id, kind: methodKind(p.id), labelZh: p.label_zh ?? null, labelEn: p.label_en ?? null }))
    )
  } catch (error) {
    if (!(error instanceof FetchError) || error.status !== 404 || !cart.region_id) throw error
  }
  const { payment_providers } = await sdk.store.payment.listPaymentProviders({ region_id: cart.region_id! }, authHeaders(token))
  return sortMethods(payment_providers.map((p) => ({ id: p.id, kind: methodKind(p.id), labelZh: null, labelEn: null })))
}

export interface ChosenSession {
  id: string
  providerId: string
  data: Record<string, unknown>
}

/** Chooses the method for the cart (a new payment session replaces the previous one). */
export async function choosePaymentMethod(
  cart: HttpTypes.StoreCart,
  providerId: string,
  data: Record<string, unknown> | undefined,
  token: string | undefined
): Promise<ChosenSession> {
  const { payment_collection } = await medusa().store.payment.initiatePaymentSession(
    cart,
    { provider_id: providerId, ...(data ? { data } : {}) },
    {},
    authHeaders(token)
  )
  const session = (payment_collection.payment_sessions ?? []).find((s) => s.provider_id === providerId)
  if (!session) throw new Error(`no ${providerId} payment session`)
  return { id: session.id, providerId, data: (session.data ?? {}) as Record<string, unknown> }
}

/** A Stripe session's next step for the buyer (plugins/payments' `data.next_step`). */
export type NextStep =
  | { type: "redirect"; url: string }
  | { type: "qr_code"; data: string; imageUrlSvg: string | null; hostedUrl: string | null; expiresAt: number | null }
  | null

export function nextStepOf(data: Record<string, unknown>): NextStep {
  const step = data.next_step as Record<string, unknown> | null | undefined
  if (!step || typeof step !== "object") return null
  const text = (value: unknown) => (typeof value === "string" && value ? value : null)
  if (step.type === "redirect" && text(step.url) && /^https?:\/\//.test(step.url as string)) return { type: "redirect", url: step.url as string }
  if (step.type === "qr_code" && text(step.data)) {
    const hosted = text(step.hosted_instructions_url)
    return {
      type: "qr_code",
      data: step.data as string,
      imageUrlSvg: text(step.image_url_svg),
      hostedUrl: hosted && /^https:\/\//.test(hosted) ? hosted : null,
      expiresAt: typeof step.expires_at === "number" ? step.expires_at : null,
    }
  }
  return null
}

/** Known field names the official card's refusal talks about. */
const CARD_FIELD_WORDS: [RegExp, CardField][] = [
  [/持卡人|holder/i, "card_holder_name"],
  [/末四位|last4/i, "card_last4"],
  [/授权码|authori[sz]ation code/i, "card_auth_code"],
]

/**
 * The backend's refusal of official card details (a 400 when completing the cart:
 * "公务卡信息有误 / invalid official card details: 中文 / English；中文 / English"), as messages at
 * the fields in the shopper's language. Null when the message is about something else.
 */
export function cardRefusal(message: string, lang: Language): CardErrors | null {
  const marker = "invalid official card details:"
  const at = message.indexOf(marker)
  if (!message.includes("公务卡信息有误") && at < 0) return null
  const details = at >= 0 ? message.slice(at + marker.length) : message
  const errors: CardErrors = {}
  for (const part of details.split(/[；;]/)) {
    const problem = part.trim()
    if (!problem) continue
    const field = CARD_FIELD_WORDS.find(([words]) => words.test(problem))?.[1]
    if (field) errors[field] ??= localizedMessage(problem, lang)
  }
  return errors
}

/** A refusal to choose a method (403 not allowed) in the shopper's language, or null. */
export function paymentRefusal(error: unknown, lang: Language): { status: number; message: string } | null {
  if (!(error instanceof FetchError) || !error.status || error.status >= 500) return null
  return { status: error.status, message: localizedMessage(error.message || error.statusText || "", lang) }
}

type StorePayment = {
  provider_id: string
  amount?: number | null
  currency_code?: string | null
  captured_at?: string | null
  canceled_at?: string | null
  data?: Record<string, unknown> | null
}

const str = (value: unknown) => (typeof value === "string" && value ? value : null)

/** The order's payment (the one not cancelled) as the pages show it, from the store order. */
export function orderPaymentView(
  order: { total?: number | null; currency_code?: string | null; payment_collections?: unknown },
  fallbackTermsDays: number
): OrderPaymentView | null {
  const collections = (order.payment_collections ?? []) as { payments?: StorePayment[] | null }[]
  const payments = collections.flatMap((c) => c.payments ?? [])
  const payment = payments.find((p) => !p.canceled_at) ?? payments[0]
  if (!payment) return null
  const data = payment.data ?? {}
  const account = (data.bank_account ?? null) as Record<string, unknown> | null
  const kind = methodKind(payment.provider_id)
  return {
    providerId: payment.provider_id,
    kind,
    amount: payment.amount ?? order.total ?? null,
    currency: payment.currency_code ?? order.currency_code ?? "cny",
    capturedAt: payment.captured_at ?? null,
    reference: str(data.reference),
    bankAccount:
      account && str(account.account_number)
        ? { accountName: str(account.account_name) ?? "", bankName: str(account.bank_name) ?? "", accountNumber: str(account.account_number)! }
        : null,
    dueAt: str(data.due_at),
    holderName: str(data.holder_name),
    last4: str(data.last4),
    termsDays: typeof data.payment_terms_days === "number" ? data.payment_terms_days : kind === "pay_on_acceptance" ? fallbackTermsDays : null,
    acceptedAt: str(data.accepted_at),
    overdue: data.overdue === true,
  }
}

export const ORDER_PAYMENT_FIELDS = "*payment_collections.payments"
