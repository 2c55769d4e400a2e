// What the storefront's role areas share (supplier portal /supplier, tendering agency /agency,
// supervision /supervise): the actor's bearer token in a cookie session of its own (never the
// buyer's), the area's translations on top of the shop's, and JSON calls to the backend.
import { createCookieSessionStorage, type Session, type SessionData } from "@remix-run/node"
import { createInstance, type TFunction } from "i18next"
import { messagesFor } from "~/i18n/i18n.server"
import type { Language } from "~/i18n/languages"
import { config } from "./config.server"

/**
 * A cookie session named `cookieName`. Path "/" rather than the area's: the area's data requests
 * (e.g. /supplier.data) would not carry a cookie of path /supplier; only the area's loaders read it.
 */
export function actorSessions<Data extends SessionData, Flash extends SessionData = SessionData>(cookieName: string) {
  let storage: ReturnType<typeof createCookieSessionStorage<Data, Flash>> | null = null
  const sessions = () =>
    (storage ??= createCookieSessionStorage<Data, Flash>({
      cookie: {
        name: cookieName,
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "true",
        secrets: [config().sessionSecret],
        // Medusa's tokens live a day; the cookie goes a little earlier.
        maxAge: 60 * 60 * 20,
      },
    }))
  return {
    get: (request: Request) => sessions().getSession(request.headers.get("Cookie")),
    commit: (session: Session<Data, Flash>) => sessions().commitSession(session),
    destroy: (session: Session<Data, Flash>) => sessions().destroySession(session),
  }
}

/** `t` for an area's loaders and actions: the shop's strings plus the area's under `namespace`. */
export function areaTranslator(namespace: string, messages: (lang: Language) => unknown): (lang: Language) => TFunction {
  const translators = new Map<Language, TFunction>()
  return (lang) => {
    let t = translators.get(lang)
    if (!t) {
      const instance = createInstance()
      void instance.init({
        resources: { [lang]: { translation: { ...messagesFor(lang), [namespace]: messages(lang) } } },
        lng: lang,
        fallbackLng: false,
        interpolation: { escapeValue: false },
        initAsync: false,
      })
      t = instance.getFixedT(lang)
      translators.set(lang, t)
    }
    return t
  }
}

/** A 4xx/5xx from the backend, with its message ("中文 / English" for our routes) and body. */
export class BackendApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown = null
  ) {
    super(message)
  }
}

export type BackendQuery = Record<string, string | number | undefined | null>

/** The backend's URL for `path`, with the query's non-empty values. */
export function backendUrl(path: string, query: BackendQuery = {}): URL {
  const url = new URL(`${config().backendUrl.replace(/\/$/, "")}${path}`)
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, String(value))
  return url
}

/** The answer's JSON (or text); a 4xx/5xx becomes `new ErrorClass(message, status, body)`. */
export async function readBackendAnswer<T>(response: Response, ErrorClass: typeof BackendApiError = BackendApiError): Promise<T> {
  const text = await response.text()
  let parsed: any = null
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = text
  }
  if (!response.ok) {
    const message = (parsed && typeof parsed === "object" && typeof parsed.message === "string" && parsed.message) || response.statusText || `HTTP ${response.status}`
    throw new ErrorClass(message, response.status, parsed)
  }
  return parsed as T
}
