// The supervision area (采购监管, /supervise/*): the supervisor actor's bearer token in a cookie
// session of its own, the calls to the backend's /auth/supervisor and /supervisor routes
// (plugins/procurement, read-only) and the area's translations.
import { redirect, type Session } from "@remix-run/node"
import type { Language } from "~/i18n/languages"
import { superviseResources } from "~/i18n/supervise"
import { actorSessions, areaTranslator, BackendApiError, backendUrl, readBackendAnswer, type BackendQuery } from "./actor-area.server"
import { localizedMessage, safeRedirect } from "./customer.server"

// ---------------------------------------------------------------------------
// Session
// ---------------------------------------------------------------------------

interface SuperviseSessionData {
  token: string
}

export type SuperviseSession = Session<SuperviseSessionData>

const sessions = actorSessions<SuperviseSessionData>("gwc_supervisor")
export const getSuperviseSession = sessions.get
export const commitSuperviseSession = sessions.commit
export const destroySuperviseSession = sessions.destroy

// ---------------------------------------------------------------------------
// Translations
// ---------------------------------------------------------------------------

export type SuperviseMessages = (typeof superviseResources)[Language]

export function superviseMessagesFor(lang: Language): SuperviseMessages {
  return superviseResources[lang]
}

/** `t` for loaders and actions: the shop's strings plus the area's (`supervise.*`). */
export const superviseTranslator = areaTranslator("supervise", superviseMessagesFor)

// ---------------------------------------------------------------------------
// Backend calls
// ---------------------------------------------------------------------------

/** A 4xx/5xx from the backend's supervisor routes. */
export class SuperviseApiError extends BackendApiError {}

export { backendUrl }

/** A GET to the backend as the supervisor (the only method the area ever uses). */
export async function superviseGet<T>(path: string, token: string, query: BackendQuery = {}): Promise<T> {
  const response = await fetch(backendUrl(path, query), { headers: { accept: "application/json", authorization: `Bearer ${token}` } })
  return readBackendAnswer<T>(response, SuperviseApiError)
}

export function apiMessage(error: unknown, lang: Language): string {
  if (error instanceof SuperviseApiError) return localizedMessage(error.message.replace(/^Invalid request: /, "").replace(/^请求有误 \/ invalid request: /, ""), lang)
  if (error instanceof Error) return error.message
  return String(error)
}

export async function supervisorLogin(email: string, password: string): Promise<string | null> {
  const response = await fetch(backendUrl("/auth/supervisor/emailpass"), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ email, password }),
  })
  if (response.status === 401 || response.status === 400) return null
  const body = (await response.json().catch(() => null)) as { token?: string; message?: string } | null
  if (!response.ok || !body?.token) throw new SuperviseApiError(body?.message ?? `HTTP ${response.status}`, response.status)
  return body.token
}

export interface Supervisor {
  id: string
  name: string
  email: string
  scope: string | null
}

export const supervisorMe = (token: string) => superviseGet<{ supervisor: Supervisor }>("/supervisor/me", token).then((r) => r.supervisor)

/** Only area paths, so `redirectTo` cannot send the supervisor elsewhere. */
export function safeAreaRedirect(target: unknown): string {
  const path = safeRedirect(target, "/supervise")
  return path === "/supervise" || path.startsWith("/supervise/") || path.startsWith("/supervise?") ? path : "/supervise"
}

/** For pages behind the login: the supervisor and the token, or a redirect to the login page that comes back here. */
export async function requireSupervisor(request: Request): Promise<{ supervisor: Supervisor; token: string }> {
  const session = await getSuperviseSession(request)
  const token = session.get("token")
  if (token) {
    try {
      return { supervisor: await supervisorMe(token), token }
    } catch (error) {
      if (!(error instanceof SuperviseApiError) || (error.status !== 401 && error.status !== 403)) throw error
      session.unset("token")
    }
  }
  const url = new URL(request.url)
  throw redirect(`/supervise/login?redirectTo=${encodeURIComponent(`${url.pathname}${url.search}`)}`, {
    headers: { "Set-Cookie": await commitSuperviseSession(session) },
  })
}

/**
 * A backend CSV export passed through to the browser as it streams (the backend needs the
 * bearer token, which stays in the cookie session). Only the query keys the backend knows go on.
 */
export async function proxyCsv(request: Request, backendPath: string, keys: readonly string[], transform: (query: BackendQuery) => BackendQuery = (q) => q): Promise<Response> {
  const { token } = await requireSupervisor(request)
  const params = new URL(request.url).searchParams
  const query: BackendQuery = {}
  for (const key of keys) query[key] = params.get(key) ?? undefined
  const response = await fetch(backendUrl(backendPath, transform(query)), { headers: { authorization: `Bearer ${token}`, accept: "text/csv" } })
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null
    return new Response(body?.message ?? response.statusText, { status: response.status, headers: { "content-type": "text/plain; charset=utf-8" } })
  }
  const headers = new Headers({ "content-type": response.headers.get("content-type") ?? "text/csv; charset=utf-8", "cache-control": "no-store" })
  const disposition = response.headers.get("content-disposition")
  if (disposition) headers.set("content-disposition", disposition)
  return new Response(response.body, { status: 200, headers })
}

// ---------------------------------------------------------------------------
// Filters: dates picked as days in China Standard Time
// ---------------------------------------------------------------------------

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** `2026-11-01` → the start of that day in Beijing; the `to` day is inclusive, so it becomes the next day's start. */
export function dayBound(day: string | null | undefined, end = false): string | undefined {
  if (!day || !DAY.test(day)) return undefined
  const start = new Date(`${day}T00:00:00+08:00`)
  if (Number.isNaN(start.getTime())) return undefined
  return new Date(start.getTime() + (end ? 24 * 3600 * 1000 : 0)).toISOString()
}

export const ORDER_FILTER_KEYS = ["organization_id", "supplier_id", "category_id", "status", "from", "to"] as const
export const APPROVAL_FILTER_KEYS = ["organization_id", "supplier_id", "category_id", "from", "to"] as const
export const AUDIT_FILTER_KEYS = ["organization_id", "entity_type", "actor_type", "from", "to"] as const

/** The page's filters (days) as the backend's (instants). */
export function backendFilters(query: BackendQuery): BackendQuery {
  return { ...query, from: dayBound(query.from as string | undefined), to: dayBound(query.to as string | undefined, true) }
}
