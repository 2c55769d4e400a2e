import type { HttpTypes } from "@medusajs/types"
import { CARD_FIELDS, cnyRegion } from "./catalog.server"
import { FetchError, medusa } from "./medusa.server"
import { SCAN_COOKIE, SCAN_COOKIE_MAX_AGE, SCAN_ID, type ShowroomTheme, type SignupInput } from "./showroom"

// The experience centre through the store API (plugins/showroom/src/api/store): themes with their
// events, event sign-ups, QR scans; and the attribution cookie that carries a scan to the cart.

/**
 * The centre this storefront shows: GWC_SHOWROOM_CENTRE_ID (npm start and the test stack pass the
 * seeded centre), else whichever centre the store API lists first.
 */
function centreId(): string | null {
  return process.env.GWC_SHOWROOM_CENTRE_ID?.trim() || null
}

/** Current and upcoming published themes of the centre, each with its events (seats left). */
export async function showroomThemes(): Promise<ShowroomTheme[]> {
  const id = centreId()
  const { themes } = await medusa().client.fetch<{ themes: ShowroomTheme[] }>("/store/showroom/themes", {
    query: id ? { centre_id: id } : {},
  })
  const list = themes ?? []
  if (id || !list.length) return list
  const first = list[0].centre_id ?? list[0].centre?.id
  return first ? list.filter((t) => (t.centre_id ?? t.centre?.id) === first) : list
}

/** Products for the featured cards, in the theme's order; unknown or unpublished ones are skipped. */
export async function featuredProducts(ids: string[]): Promise<HttpTypes.StoreProduct[]> {
  if (!ids.length) return []
  const region = await cnyRegion()
  const { products } = await medusa().store.product.list({ id: ids.slice(0, 12), region_id: region.id, fields: CARD_FIELDS, limit: 12 })
  return ids.map((id) => products.find((p) => p.id === id)).filter((p): p is HttpTypes.StoreProduct => Boolean(p))
}

export type SignupResult = { ok: true } | { ok: false; status: number; message: string }

/** POST /store/showroom/events/:id/signups; a refusal comes back with the backend's message. */
export async function signUp(input: SignupInput): Promise<SignupResult> {
  const { event_id, ...body } = input
  try {
    await medusa().client.fetch(`/store/showroom/events/${encodeURIComponent(event_id)}/signups`, { method: "POST", body })
    return { ok: true }
  } catch (error) {
    const status = error instanceof FetchError ? (error.status ?? 0) : 0
    if (status >= 400 && status < 500) {
      return { ok: false, status, message: (error as FetchError).message || (error as FetchError).statusText || `HTTP ${status}` }
    }
    throw error
  }
}

export interface RecordedScan {
  scan_id: string
  handles: string[]
}

/** Records the visitor's QR scan; null when the backend does not know the kiosk or exhibits. */
export async function recordScan(kioskId: string, exhibitIds: string[]): Promise<RecordedScan | null> {
  try {
    const { scan, products } = await medusa().client.fetch<{ scan: { id: string }; products: { id: string; handle: string | null }[] }>(
      "/store/showroom/scans",
      { method: "POST", body: { kiosk_id: kioskId, exhibit_ids: exhibitIds } }
    )
    const handles = products.map((p) => p.handle).filter((handle): handle is string => Boolean(handle))
    return { scan_id: scan.id, handles: [...new Set(handles)] }
  } catch (error) {
    const status = error instanceof FetchError ? (error.status ?? 0) : 0
    if (status >= 400 && status < 500) return null
    throw error
  }
}

/** The scan id from the attribution cookie, when well-formed. */
export function scanIdFrom(request: Request): string | null {
  const header = request.headers.get("Cookie") ?? ""
  for (const part of header.split(/;\s*/)) {
    const [name, ...rest] = part.split("=")
    if (name === SCAN_COOKIE) {
      const value = decodeURIComponent(rest.join("="))
      return SCAN_ID.test(value) ? value : null
    }
  }
  return null
}

/** Set-Cookie for the attribution cookie: httpOnly, 30 days, the whole site. */
export function scanCookie(scanId: string): string {
  const secure = process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "true"
  return `${SCAN_COOKIE}=${encodeURIComponent(scanId)}; Path=/; Max-Age=${SCAN_COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`
}

/**
 * Puts the scan on the cart (metadata.showroom_scan_id) unless it is there already; the order
 * inherits the cart's metadata and the backend attributes the order to the showroom.
 */
export async function attributeCart(cart: { id: string; metadata?: Record<string, unknown> | null }, scanId: string | null) {
  if (!scanId || cart.metadata?.showroom_scan_id === scanId) return
  await medusa().store.cart.update(cart.id, { metadata: { ...(cart.metadata ?? {}), showroom_scan_id: scanId } }, { fields: "id" })
}
