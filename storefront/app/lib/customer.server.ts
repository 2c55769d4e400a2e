// The buyer's account: Medusa's emailpass auth for customers, the token kept in the cookie
// session (never in the shared SDK client), and the helpers every account page needs.
import type { HttpTypes } from "@medusajs/types"
import { redirect } from "@remix-run/node"
import type { Language } from "~/i18n/languages"
import { authHeaders, FetchError, medusa } from "./medusa.server"
import { commitSession, getSession, type StoreSession } from "./session.server"

export const CUSTOMER_FIELDS = "id,email,first_name,last_name,phone,created_at,has_account"

export interface AccountCustomer {
  id: string
  email: string
  firstName: string
  lastName: string
  phone: string
  createdAt: string | null
}

function toAccountCustomer(customer: HttpTypes.StoreCustomer): AccountCustomer {
  return {
    id: customer.id,
    email: customer.email,
    firstName: customer.first_name ?? "",
    lastName: customer.last_name ?? "",
    phone: customer.phone ?? "",
    createdAt: (customer.created_at as string | null | undefined) ?? null,
  }
}

/**
 * A Chinese name family name first without a space (王晓明), in either language; a Latin name
 * given name first ("Anna Schmidt").
 */
export function displayName(customer: Pick<AccountCustomer, "firstName" | "lastName" | "email">): string {
  const { firstName, lastName } = customer
  if (!firstName && !lastName) return customer.email
  const cjk = /[\u3400-\u9fff\uf900-\ufaff]/.test(`${firstName}${lastName}`)
  return cjk ? `${lastName}${firstName}` : [firstName, lastName].filter(Boolean).join(" ")
}

/** Only paths on this site, so `redirectTo` cannot send the buyer elsewhere. */
export function safeRedirect(target: unknown, fallback = "/account"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback
  }
  // Nothing that would leave the origin once the browser resolves it (control chars, backslashes).
  if (/[\u0000-\u001f\\]/.test(target)) return fallback
  return target
}

export function loginUrl(request: Request): string {
  const url = new URL(request.url)
  return `/account/login?redirectTo=${encodeURIComponent(`${url.pathname}${url.search}`)}`
}

/** The logged-in customer, or null (a token the backend no longer accepts counts as logged out). */
export async function currentCustomer(session: StoreSession): Promise<{ customer: AccountCustomer; token: string } | null> {
  const token = session.get("token")
  if (!token) return null
  try {
    const { customer } = await medusa().store.customer.retrieve({ fields: CUSTOMER_FIELDS }, authHeaders(token))
    return { customer: toAccountCustomer(customer), token }
  } catch (error) {
    if (error instanceof FetchError && (error.status === 401 || error.status === 403 || error.status === 404)) {
      session.unset("token")
      return null
    }
    throw error
  }
}

/**
 * For pages behind the login: the customer and their token, or a redirect to the login page
 * that comes back here afterwards.
 */
export async function requireCustomer(
  request: Request
): Promise<{ customer: AccountCustomer; token: string; session: StoreSession }> {
  const session = await getSession(request)
  const current = await currentCustomer(session)
  if (!current) {
    throw redirect(loginUrl(request), { headers: { "Set-Cookie": await commitSession(session) } })
  }
  return { ...current, session }
}

export class LoginError extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message)
  }
}

/** Medusa's emailpass login for customers; the token string, or a LoginError (401 for wrong credentials). */
export async function logIn(email: string, password: string): Promise<string> {
  try {
    const result = await medusa().auth.login("customer", "emailpass", { email, password })
    // With `jwtTokenStorageMethod: "nostore"` the SDK stores nothing and hands the token back;
    // other answers (an OAuth redirect, MFA, email verification) are not used by this store.
    if (typeof result === "string") return result
    throw new LoginError("Unsupported login answer", 400)
  } catch (error) {
    if (error instanceof FetchError) throw new LoginError(error.message, error.status ?? 500)
    throw error
  }
}

/** The message Medusa's emailpass provider answers when the email has an identity already. */
export function isDuplicateEmailError(error: unknown): boolean {
  return error instanceof FetchError && /already exists/i.test(error.message)
}

/** The payload of a JWT (not verified: only to read what the backend told us about our own token). */
function jwtPayload(token: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"))
  } catch {
    return {}
  }
}

export interface Registration {
  email: string
  password: string
  first_name: string
  last_name: string
  phone?: string
}

export type RegisterResult = { ok: true; token: string } | { ok: false; reason: "duplicate" }

/**
 * Registers the auth identity, creates the customer with the registration token and logs in.
 * An email that already has an identity is a duplicate — unless it is an identity without a
 * customer (a registration that stopped half-way) and the password is right: then the
 * customer is created for it, as Medusa's storefront guide recommends.
 */
export async function registerCustomer(input: Registration): Promise<RegisterResult> {
  const sdk = medusa()
  let registrationToken: string
  try {
    registrationToken = await sdk.auth.register("customer", "emailpass", { email: input.email, password: input.password })
  } catch (error) {
    if (!isDuplicateEmailError(error)) throw error
    let token: string
    try {
      token = await logIn(input.email, input.password)
    } catch {
      return { ok: false, reason: "duplicate" }
    }
    if (jwtPayload(token).actor_id) return { ok: false, reason: "duplicate" }
    registrationToken = token
  }
  try {
    await sdk.store.customer.create(
      {
        email: input.email,
        first_name: input.first_name,
        last_name: input.last_name,
        ...(input.phone ? { phone: input.phone } : {}),
      },
      {},
      authHeaders(registrationToken)
    )
  } catch (error) {
    if (isDuplicateEmailError(error)) return { ok: false, reason: "duplicate" }
    throw error
  }
  return { ok: true, token: await logIn(input.email, input.password) }
}

/**
 * After logging in: the session's cart (if any) becomes the customer's, so checkout and the
 * order list see it. Best effort — a cart that is gone or already completed is simply dropped.
 */
export async function adoptSessionCart(session: StoreSession, token: string): Promise<void> {
  const cartId = session.get("cartId")
  if (!cartId) return
  try {
    await medusa().store.cart.transferCart(cartId, { fields: "id" }, authHeaders(token))
  } catch (error) {
    const status = error instanceof FetchError ? (error.status ?? 500) : 500
    if (status >= 400 && status < 500) session.unset("cartId")
    else throw error
  }
}

/** The half of a backend message "中文 / English" in the shopper's language. */
export function localizedMessage(message: string, lang: Language): string {
  const parts = message.split(" / ")
  if (parts.length < 2) return message
  return (lang === "en" ? parts.slice(1).join(" / ") : parts[0]).trim()
}

export interface ProgressStep {
  key: string
  label_zh: string
  label_en: string
  done: boolean
  at: string | null
  /** Who reached the step (the buyer's email, the approver's, …), where the backend knows. */
  by?: string | null
  /** When the step is due, and whether it missed that (still open after it, or reached later). */
  due_at?: string | null
  overdue?: boolean
}

/** `GET /store/orders/:id/progress` from the orders plugin (404 for anyone else's order). */
export interface OrderProgress {
  order_id: string
  display_id: number | null
  status: string
  steps: ProgressStep[]
  current: string | null
  can_accept: boolean
  /** Absent from a backend older than the cancellation route. */
  can_cancel?: boolean
  acceptance: { id: string; accepted_at: string | null; note: string | null } | null
  /** Cancellation, returns into stock and refunds, oldest first (plugins/orders). */
  events?: ProgressEvent[]
  refunded_amount?: number
}

export interface ProgressEvent {
  type: "canceled" | "returned" | "refunded"
  id: string
  at: string | null
  label_zh: string
  label_en: string
  amount?: number
  quantity?: number
  note?: string | null
}

export function orderProgress(orderId: string, token: string): Promise<OrderProgress> {
  return medusa().client.fetch<OrderProgress>(`/store/orders/${encodeURIComponent(orderId)}/progress`, {
    headers: authHeaders(token),
  })
}

/** The step label in the shopper's language. */
export function stepLabel(step: Pick<ProgressStep, "label_zh" | "label_en">, lang: Language): string {
  return lang === "en" ? step.label_en : step.label_zh
}
