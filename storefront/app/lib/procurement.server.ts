// Government procurement (政府采购) in the storefront: the buyer organisation area (/org) and the
// tendering agency's area (/agency). Calls to the backend's procurement routes
// (plugins/procurement, see /work contract "issue 6"), the agency's own cookie session, and the
// areas' translations (sent only with their pages, like the supplier portal's).
import { redirect, type Session } from "@remix-run/node"
import type { Language } from "~/i18n/languages"
import { procurementResources } from "~/i18n/procurement"
import { z } from "zod"
import { actorSessions, areaTranslator, BackendApiError, backendUrl, readBackendAnswer } from "./actor-area.server"
import { mediaUrl } from "./catalog.server"
import { config } from "./config.server"
import type { ComparisonStatus } from "./procurement"
import { requireCustomer, safeRedirect } from "./customer.server"
import type { StoreSession } from "./session.server"

// ---------------------------------------------------------------------------
// Translations
// ---------------------------------------------------------------------------

export type ProcurementMessages = (typeof procurementResources)[Language]

export function procurementMessagesFor(lang: Language): ProcurementMessages {
  return procurementResources[lang]
}

/** `t` for loaders and actions: the shop's strings plus the areas' (`proc.*`). */
export const procurementTranslator = areaTranslator("proc", procurementMessagesFor)

// ---------------------------------------------------------------------------
// Backend calls
// ---------------------------------------------------------------------------

/** A 4xx/5xx from the backend's procurement routes. */
export class ProcurementApiError extends BackendApiError {}

interface CallOptions {
  token?: string
  method?: "GET" | "POST" | "DELETE"
  json?: unknown
  query?: Record<string, string | number | undefined | null>
  /** Send the online store's publishable key (store routes). */
  store?: boolean
}

function headersFor(options: CallOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json" }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.store) headers["x-publishable-api-key"] = config().publishableKey
  return headers
}

export async function procurementCall<T>(path: string, options: CallOptions = {}): Promise<T> {
  const headers = headersFor(options)
  let body: string | undefined
  if (options.json !== undefined) {
    headers["content-type"] = "application/json"
    body = JSON.stringify(options.json)
  }
  const response = await fetch(backendUrl(path, options.query ?? {}), { method: options.method ?? (body ? "POST" : "GET"), headers, body })
  return readBackendAnswer<T>(response, ProcurementApiError)
}

/** A binary answer (the report PDF), passed on as it is; a ProcurementApiError for 4xx/5xx. */
export async function procurementDownload(path: string, options: CallOptions = {}): Promise<Response> {
  const response = await fetch(backendUrl(path, options.query ?? {}), { headers: { ...headersFor(options), accept: "application/pdf" } })
  if (!response.ok) {
    const text = await response.text()
    let message = response.statusText
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? message
    } catch {
      // not JSON
    }
    throw new ProcurementApiError(message, response.status, text)
  }
  return response
}

/** Store routes as the signed-in customer. */
export function storeCall<T>(token: string, path: string, options: Omit<CallOptions, "token" | "store"> = {}): Promise<T> {
  return procurementCall<T>(path, { ...options, token, store: true })
}

/** The backend's message in the visitor's language, without Medusa's prefix or field names. */
export function apiMessage(error: unknown, lang: Language): string {
  if (error instanceof ProcurementApiError) {
    const body = error.body as { message_en?: string } | null
    if (lang === "en" && body && typeof body === "object" && typeof body.message_en === "string") return body.message_en
    return parseBackendMessage(error.message, lang).message
  }
  if (error instanceof Error) return error.message
  return String(error)
}

/** The fields a backend refusal names, each with its message (for showing at the field). */
export function apiFieldErrors(error: unknown, lang: Language): Record<string, string> {
  return error instanceof ProcurementApiError ? parseBackendMessage(error.message, lang).fields : {}
}

export function isStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof ProcurementApiError && statuses.includes(error.status)
}

// ---------------------------------------------------------------------------
// Organisations (采购单位)
// ---------------------------------------------------------------------------

export type MemberRole = "purchaser" | "approver" | "admin"
export type LimitPeriod = "month" | "quarter" | "year"

export interface Organization {
  id: string
  name: string
  type: string
  credit_code: string | null
  status: "active" | "suspended"
  annual_budget: number | null
  budget_year: number | null
  currency_code?: string
}

export interface OrgMember {
  id: string
  customer_id?: string
  role: MemberRole
  email?: string | null
  first_name?: string | null
  last_name?: string | null
  limit_per_order: number | null
  limit_per_period: number | null
  limit_period: LimitPeriod | null
}

export interface Membership {
  organization: Organization
  member: OrgMember
}

/** The caller's organisation and own membership, or null when they belong to none. */
export async function myMembership(token: string): Promise<Membership | null> {
  try {
    return await storeCall<Membership>(token, "/store/organizations/me")
  } catch (error) {
    if (isStatus(error, 404)) return null
    throw error
  }
}

/** For /org pages: the customer (else a redirect to the login) and their membership (null when none). */
export async function requireOrgCustomer(request: Request) {
  const current = await requireCustomer(request)
  return { ...current, membership: await myMembership(current.token) }
}

/** For /org pages that need a membership: else a redirect to /org (which offers registration). */
export async function requireMember(request: Request) {
  const current = await requireOrgCustomer(request)
  if (!current.membership) throw redirect("/org")
  return { ...current, membership: current.membership }
}

export { ORGANIZATION_TYPES, parseBackendMessage } from "./procurement"
import { parseBackendMessage } from "./procurement"

// ---------------------------------------------------------------------------
// Comparisons (比价)
// ---------------------------------------------------------------------------

export { COMPARISON_STATUSES } from "./procurement"
export type { ComparisonStatus }

export interface SpecEntry {
  key: string
  label_zh: string
  label_en: string
  unit: string | null
  value: string | number | boolean
}

export interface ComparisonOffer {
  id: string
  variant_id: string
  product_id: string
  supplier: { id: string; name: string }
  title: string
  variant_title: string | null
  thumbnail: string | null
  unit_price: number
  currency_code: string
  specs: Record<string, string>
  spec_list?: SpecEntry[]
  after_sales: string | null
}

export interface ComparisonReview {
  action: "submitted" | "claimed" | "returned" | "confirmed" | "resubmitted"
  comment: string | null
  by: { type?: string; id?: string; name?: string | null; email?: string | null } | string | null
  at: string | null
}

export interface Comparison {
  id: string
  title: string
  organization?: { id: string; name: string }
  category?: { id: string; name: string | null }
  category_id: string
  quantity: number
  required_specs: string | null
  status: ComparisonStatus
  offers: ComparisonOffer[]
  selected_offer_id: string | null
  selection_reason: string | null
  agency: { id: string; name: string } | null
  reviews: ComparisonReview[]
  serial: string | null
  report: { sha256: string; generated_at: string | null; verify_url: string } | null
  prices_locked_until: string | null
  order_id: string | null
  created_at?: string | null
  submitted_at?: string | null
}

export interface ComparisonSummary {
  id: string
  title: string
  organization?: { id: string; name: string }
  category?: { id: string; name: string | null }
  quantity: number
  status: ComparisonStatus
  offer_count?: number
  lowest_price?: number | null
  agency: { id: string; name: string } | null
  serial: string | null
  submitted_at?: string | null
  created_at?: string | null
}

/** Who did a review step, as text. */
export function reviewerName(by: ComparisonReview["by"]): string {
  if (!by) return ""
  if (typeof by === "string") return by
  return by.name || by.email || by.id || ""
}

// ---------------------------------------------------------------------------
// The agency (招标代理机构): its own session, apart from the buyer's and the supplier's
// ---------------------------------------------------------------------------

interface AgencySessionData {
  token: string
}

export type AgencySession = Session<AgencySessionData, { notice: string }>

const agencySessions = actorSessions<AgencySessionData, { notice: string }>("gwc_agency")
export const getAgencySession = agencySessions.get
export const commitAgencySession = agencySessions.commit
export const destroyAgencySession = agencySessions.destroy

export interface AgencyMe {
  agency: { id: string; name: string }
  user?: { id: string; email: string; name?: string | null }
  agency_user?: { id: string; email: string; name?: string | null }
}

export async function agencyLogin(email: string, password: string): Promise<string> {
  const { token } = await procurementCall<{ token: string }>("/auth/agency/emailpass", { json: { email, password } })
  return token
}

export function agencyMe(token: string): Promise<AgencyMe> {
  return procurementCall<AgencyMe>("/agency/me", { token })
}

/** Only agency paths, so `redirectTo` cannot send the reviewer elsewhere. */
export function safeAgencyRedirect(target: unknown): string {
  const path = safeRedirect(target, "/agency")
  return path === "/agency" || path.startsWith("/agency/") || path.startsWith("/agency?") ? path : "/agency"
}

export function agencyLoginUrl(request: Request): string {
  const url = new URL(request.url)
  return `/agency/login?redirectTo=${encodeURIComponent(`${url.pathname}${url.search}`)}`
}

export async function requireAgency(request: Request): Promise<{ me: AgencyMe; token: string; session: AgencySession }> {
  const session = await getAgencySession(request)
  const token = session.get("token")
  if (token) {
    try {
      return { me: await agencyMe(token), token, session }
    } catch (error) {
      if (!isStatus(error, 401, 403)) throw error
      session.unset("token")
    }
  }
  throw redirect(agencyLoginUrl(request), { headers: { "Set-Cookie": await commitAgencySession(session) } })
}

// ---------------------------------------------------------------------------
// Checkout approval (审批) of the session's cart
// ---------------------------------------------------------------------------

export interface ApprovalRequest {
  id: string
  organization_id: string
  cart_id: string
  order_id: string | null
  requested_by: { member_id: string; customer_id: string; email: string }
  amount: number
  currency_code: string
  reasons: string[]
  note: string | null
  status: "pending" | "approved" | "rejected" | "superseded"
  decided_by: { member_id: string; email: string } | null
  decided_at: string | null
  comment: string | null
  created_at: string
}

export interface CartApproval {
  required: boolean
  reasons: string[]
  total: number
  /** Whether an approved request covers the cart's current total (the backend's own answer, when it gives one). */
  covered?: boolean
  request: ApprovalRequest | null
}

/** `GET /store/carts/:id/approval`, or null where it does not apply (not signed in, no organisation, route missing). */
export async function cartApproval(token: string | undefined, cartId: string): Promise<CartApproval | null> {
  if (!token) return null
  try {
    const { approval } = await storeCall<{ approval: CartApproval }>(token, `/store/carts/${encodeURIComponent(cartId)}/approval`)
    return approval
  } catch (error) {
    if (error instanceof ProcurementApiError && error.status < 500) return null
    throw error
  }
}

/** Whether the cart may be completed now: no approval needed, or an approved request covering its total. */
export function approvalCleared(approval: CartApproval | null): boolean {
  if (!approval || !approval.required) return true
  if (typeof approval.covered === "boolean") return approval.covered
  return approval.request?.status === "approved" && Number(approval.request.amount) >= Number(approval.total)
}

/** Puts a cart (from "order at compared prices") into the buyer's session, so /checkout uses it. */
export function setSessionCart(session: StoreSession, cartId: string) {
  session.set("cartId", cartId)
}

const Id = z.string().regex(/^[A-Za-z0-9_]{1,80}$/)


/** The comparison as the pages show it (image URLs made absolute); 404 for anything not the caller's organisation's. */
export async function loadComparison(token: string, id: string, path = "/store/comparisons"): Promise<Comparison> {
  if (!Id.safeParse(id).success) throw new Response("Not found", { status: 404 })
  try {
    const { comparison } = await storeCall<{ comparison: Comparison }>(token, `${path}/${encodeURIComponent(id)}`)
    return comparison
  } catch (error) {
    if (isStatus(error, 404, 400)) throw new Response("Not found", { status: 404 })
    throw error
  }
}

export function comparisonForPage(comparison: Comparison) {
  return {
    ...comparison,
    offers: comparison.offers.map((offer) => ({ ...offer, thumbnail: mediaUrl(offer.thumbnail) })),
    reviews: comparison.reviews.map((review) => ({ action: review.action, comment: review.comment, by: reviewerName(review.by), at: review.at })),
  }
}

