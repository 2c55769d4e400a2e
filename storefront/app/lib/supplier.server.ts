// The supplier portal (供应商中心, /supplier/*): the supplier actor's bearer token in a cookie
// session of its own (not the buyer's), the calls to the backend's /auth/supplier and /supplier
// routes (plugins/supplier), and the portal's translations.
import { redirect, type Session } from "@remix-run/node"
import type { Language } from "~/i18n/languages"
import { supplierResources } from "~/i18n/resources"
import { actorSessions, areaTranslator, BackendApiError, backendUrl, readBackendAnswer } from "./actor-area.server"
import { config } from "./config.server"
import { localizedMessage, safeRedirect } from "./customer.server"

// ---------------------------------------------------------------------------
// Session: its own cookie, apart from the buyer's
// ---------------------------------------------------------------------------

interface SupplierSessionData {
  token: string
}

interface SupplierSessionFlash {
  notice: string
  warnings: string[]
}

export type SupplierSession = Session<SupplierSessionData, SupplierSessionFlash>

const sessions = actorSessions<SupplierSessionData, SupplierSessionFlash>("gwc_supplier")
export const getSupplierSession = sessions.get
export const commitSupplierSession = sessions.commit
export const destroySupplierSession = sessions.destroy

// ---------------------------------------------------------------------------
// Translations: the portal's strings travel only with the portal's pages
// ---------------------------------------------------------------------------

export type SupplierMessages = (typeof supplierResources)[Language]

export function supplierMessagesFor(lang: Language): SupplierMessages {
  return supplierResources[lang]
}

/** `t` for loaders and actions: the shop's strings plus the portal's (`supplier.*`). */
export const supplierTranslator = areaTranslator("supplier", supplierMessagesFor)

// ---------------------------------------------------------------------------
// Backend calls
// ---------------------------------------------------------------------------

/** A 4xx/5xx from the backend's supplier routes. */
export class SupplierApiError extends BackendApiError {}

interface CallOptions {
  token?: string
  method?: "GET" | "POST" | "DELETE"
  json?: unknown
  form?: FormData
  query?: Record<string, string | number | undefined>
}

export async function supplierCall<T>(path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let body: BodyInit | undefined
  if (options.form) body = options.form
  else if (options.json !== undefined) {
    headers["content-type"] = "application/json"
    body = JSON.stringify(options.json)
  }
  const response = await fetch(backendUrl(path, options.query), { method: options.method ?? (body ? "POST" : "GET"), headers, body })
  return readBackendAnswer<T>(response, SupplierApiError)
}

/** The backend's message in the visitor's language ("中文 / English" halves), tidied of Medusa's prefix. */
export function apiMessage(error: unknown, lang: Language): string {
  if (error instanceof SupplierApiError) return localizedMessage(error.message.replace(/^Invalid request: /, ""), lang)
  if (error instanceof Error) return error.message
  return String(error)
}

export type SupplierStatus = "pending" | "approved" | "suspended" | "rejected"

export interface SupplierMe {
  member: { id: string; email: string; name: string; role: "owner" | "staff" }
  supplier: {
    id: string
    code: string
    company_name: string
    credit_code: string
    credit_code_checksum_ok: boolean
    legal_representative: string
    contact_name: string
    contact_phone: string
    contact_email: string
    region: string
    status: SupplierStatus
    review_note: string | null
    reviewed_at: string | null
    created_at: string
  }
  notifications: { id: string; template: string; data: Record<string, unknown> | null; created_at: string }[]
}

export async function supplierLogin(email: string, password: string): Promise<string> {
  const { token } = await supplierCall<{ token: string }>("/auth/supplier/emailpass", { json: { email, password } })
  return token
}

export function supplierMe(token: string): Promise<SupplierMe> {
  return supplierCall<SupplierMe>("/supplier/me", { token })
}

export interface CompanyRegistration {
  name: string
  company_name: string
  credit_code: string
  legal_representative: string
  contact_name: string
  contact_phone: string
  contact_email: string
  region: string
  categories_served: string[]
  qualification_documents: { name: string; url: string }[]
}

/** The payload of a JWT (not verified: only to read what the backend said about our own token). */
function jwtPayload(token: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"))
  } catch {
    return {}
  }
}

export type SupplierRegisterResult =
  | { ok: true; token: string; warnings: string[] }
  | { ok: false; reason: "email_taken" }

/**
 * Registration in the backend's two steps: the login identity, then the company (pending
 * admission) with that identity's token, then a fresh login whose token carries the member.
 * An email whose identity exists without a supplier (a registration that failed half-way, e.g.
 * on a duplicate credit code) continues with that identity when the password is right.
 */
export async function registerSupplier(email: string, password: string, company: CompanyRegistration): Promise<SupplierRegisterResult> {
  let registrationToken: string
  try {
    registrationToken = (await supplierCall<{ token: string }>("/auth/supplier/emailpass/register", { json: { email, password } })).token
  } catch (error) {
    if (!(error instanceof SupplierApiError) || !/already exists/i.test(error.message)) throw error
    let token: string
    try {
      token = await supplierLogin(email, password)
    } catch {
      return { ok: false, reason: "email_taken" }
    }
    if (jwtPayload(token).actor_id) return { ok: false, reason: "email_taken" }
    registrationToken = token
  }
  const registered = await supplierCall<{ warnings: string[] }>("/supplier/registration", { token: registrationToken, json: company })
  return { ok: true, token: await supplierLogin(email, password), warnings: registered.warnings ?? [] }
}

export function supplierLoginUrl(request: Request): string {
  const url = new URL(request.url)
  return `/supplier/login?redirectTo=${encodeURIComponent(`${url.pathname}${url.search}`)}`
}

/** Only portal paths, so `redirectTo` cannot send the supplier elsewhere. */
export function safePortalRedirect(target: unknown): string {
  const path = safeRedirect(target, "/supplier")
  return path === "/supplier" || path.startsWith("/supplier/") || path.startsWith("/supplier?") ? path : "/supplier"
}

/**
 * For pages behind the portal login: the member, their company and the token — or a redirect to
 * the login page that comes back here (a token the backend no longer accepts is forgotten).
 */
export async function requireSupplier(request: Request): Promise<{ me: SupplierMe; token: string; session: SupplierSession }> {
  const session = await getSupplierSession(request)
  const token = session.get("token")
  if (token) {
    try {
      return { me: await supplierMe(token), token, session }
    } catch (error) {
      if (!(error instanceof SupplierApiError) || (error.status !== 401 && error.status !== 403)) throw error
      session.unset("token")
    }
  }
  throw redirect(supplierLoginUrl(request), { headers: { "Set-Cookie": await commitSupplierSession(session) } })
}

// ---------------------------------------------------------------------------
// Listings (plugins/supplier's /supplier/products, /supplier/uploads, /supplier/stock-locations)
// ---------------------------------------------------------------------------

export const OFFER_KINDS = ["goods", "rental", "service", "specialty"] as const
export type OfferKind = (typeof OFFER_KINDS)[number]
export type ReviewState = "pending" | "approved" | "rejected" | "changes_requested" | null

export interface ListingRow {
  id: string
  title: string
  handle: string
  status: "draft" | "proposed" | "published" | "rejected"
  thumbnail: string | null
  price_cny: number | null
  review_state: ReviewState
  pending_change_id: string | null
  review_note: string | null
  created_at?: string
  updated_at?: string
}

export interface StoredSpec {
  key: string
  label_zh: string
  label_en: string
  unit: string | null
  value: string | number | boolean
}

export interface RentalTerms {
  period_unit: "day" | "week" | "month"
  price_per_period_cny: number
  deposit_cny: number
  min_periods: number
  max_periods: number
}

export interface ServiceTerms {
  service_area?: string
  coverage?: string
  response_hours: number
  unit?: string
  delivery_mode?: "onsite" | "remote" | "both"
}

export interface ListingDetail extends ListingRow {
  subtitle: string | null
  description: string | null
  kind: OfferKind | null
  category_ids: string[]
  specs: StoredSpec[]
  images: Record<string, { url: string; width: number; height: number }> | null
  image_urls: string[]
  rental: RentalTerms | null
  service: ServiceTerms | null
  variants: {
    id: string
    title: string
    sku: string | null
    price_cny: number | null
    manage_inventory: boolean
    stock: { location_id: string; stocked_quantity: number; reserved_quantity: number }[]
  }[]
}

export interface ListingChange {
  id: string
  kind: "create" | "update"
  status: "pending" | "approved" | "rejected" | "changes_requested"
  proposed: Record<string, unknown>
  previous: Record<string, unknown> | null
  diff: {
    title?: { from: string | null; to: string }
    prices?: { variant_id: string | null; variant_title: string; from: number | null; to: number }[]
    [field: string]: unknown
  }
  review_note: string | null
  reviewed_at: string | null
  created_at: string
}

export interface ListingWithChanges {
  product: ListingDetail
  pending_change: ListingChange | null
  changes: ListingChange[]
}

export interface StockLocation {
  id: string
  name: string
  address: { address_1?: string | null; city?: string | null; province?: string | null; postal_code?: string | null } | null
}

export function listListings(token: string, query: { limit: number; offset: number; status?: string; q?: string }) {
  return supplierCall<{ products: ListingRow[]; count: number }>("/supplier/products", { token, query })
}

export function getListing(token: string, id: string) {
  return supplierCall<ListingWithChanges>(`/supplier/products/${encodeURIComponent(id)}`, { token })
}

export function stockLocations(token: string) {
  return supplierCall<{ stock_locations: StockLocation[] }>("/supplier/stock-locations", { token }).then((r) => r.stock_locations)
}

export const MAX_UPLOAD_FILES = 10
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

/** The files of a form's `files` field that hold something (an empty file input sends one empty part). */
export function chosenFiles(form: FormData, field = "files"): File[] {
  return form.getAll(field).filter((value): value is File => typeof value === "object" && value !== null && "size" in value && (value as File).size > 0)
}

/** Forwards images to `POST /supplier/uploads` (sharp makes the WebP sizes); their URLs for `image_urls`. */
export async function uploadImages(token: string, files: File[]): Promise<string[]> {
  const form = new FormData()
  for (const file of files) form.append("files", file, file.name || "image")
  const { images } = await supplierCall<{ images: { url: string }[] }>("/supplier/uploads", { token, form })
  return images.map((i) => i.url)
}

/** Upload URLs are relative to the backend, like the catalogue's; the browser needs them absolute. */
export function backendMedia(url: string | null | undefined): string | null {
  if (!url) return null
  if (/^https?:\/\//.test(url)) return url
  const base = process.env.MEDIA_BASE_URL || config().backendUrl
  return `${base.replace(/\/$/, "")}${url.startsWith("/") ? "" : "/"}${url}`
}

/** Large multipart bodies are refused before they are read (10 images of 10 MB, plus the fields). */
export function bodyTooLarge(request: Request): boolean {
  const length = Number(request.headers.get("content-length") ?? 0)
  return Number.isFinite(length) && length > MAX_UPLOAD_FILES * MAX_UPLOAD_BYTES + 1024 * 1024
}
