import { createCookieSessionStorage, type Session } from "@remix-run/node"
import { config } from "./config.server"
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/i18n/languages"

interface SessionData {
  cartId: string
  token: string
  lang: Language
  /** Handles of the products the visitor is comparing (at most MAX_COMPARE). */
  compare: string[]
}

interface SessionFlash {
  notice: string
}

let storage: ReturnType<typeof createCookieSessionStorage<SessionData, SessionFlash>> | null = null

function sessionStorage() {
  storage ??= createCookieSessionStorage<SessionData, SessionFlash>({
    cookie: {
      name: "gwc_session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "true",
      secrets: [config().sessionSecret],
      maxAge: 60 * 60 * 24 * 30,
    },
  })
  return storage
}

export type StoreSession = Session<SessionData, SessionFlash>

export function getSession(request: Request): Promise<StoreSession> {
  return sessionStorage().getSession(request.headers.get("Cookie"))
}

export function commitSession(session: StoreSession): Promise<string> {
  return sessionStorage().commitSession(session)
}

export async function languageOf(request: Request): Promise<Language> {
  const session = await getSession(request)
  const lang = session.get("lang")
  if (lang && isLanguage(lang)) return lang
  // First visit: Chinese unless the browser asks for English only.
  const accept = request.headers.get("accept-language") ?? ""
  return /^en\b/i.test(accept) && !/zh/i.test(accept) ? "en" : DEFAULT_LANGUAGE
}
