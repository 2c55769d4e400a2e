import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

// Set by the dashboard's build when the backend is elsewhere; empty when it serves the dashboard.
declare const __BACKEND_URL__: string | undefined
export const backendBase = () => (typeof __BACKEND_URL__ === "string" ? __BACKEND_URL__.replace(/\/$/, "") : "")

export type Lang = "zh" | "en"

async function answerOf<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(typeof body?.message === "string" ? body.message : `${response.status} ${response.statusText}`)
  return body as T
}

/**
 * Reads one of the showroom's /admin routes with the dashboard's session; errors carry the
 * backend's message. Bump `version` to read again after a change; a null path reads nothing.
 */
export function useShowroomQuery<T>(path: string | null, version = 0) {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: path !== null })
  useEffect(() => {
    if (path === null) {
      setState({ loading: false })
      return
    }
    let current = true
    setState((previous) => ({ ...previous, loading: true, error: undefined }))
    fetch(`${backendBase()}${path}`, { credentials: "include", headers: { accept: "application/json" } })
      .then((response) => answerOf<T>(response))
      .then((data) => current && setState({ data, loading: false }))
      .catch((error: Error) => current && setState({ error: error.message, loading: false }))
    return () => {
      current = false
    }
  }, [path, version])
  return state
}

/** POSTs JSON to one of the showroom's /admin routes; a refusal throws with the backend's message. */
export async function postShowroom<T>(path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${backendBase()}${path}`, {
    method: "POST",
    credentials: "include",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(body),
  })
  return answerOf<T>(response)
}

/** DELETEs one of the showroom's records; a refusal (e.g. 409) throws with the backend's message. */
export async function deleteShowroom<T = unknown>(path: string): Promise<T> {
  const response = await fetch(`${backendBase()}${path}`, {
    method: "DELETE",
    credentials: "include",
    headers: { accept: "application/json" },
  })
  return answerOf<T>(response)
}

export function useLanguage(): Lang {
  const { i18n } = useTranslation()
  return /^zh/i.test(i18n.language ?? "") ? "zh" : "en"
}

/** Messages come as "中文 / English"; show the operator's half. */
export function inLanguage(message: string, lang: Lang): string {
  const [zh, ...en] = message.split(" / ")
  return en.length ? (lang === "zh" ? zh : en.join(" / ")).trim() : message
}

/** A bilingual record's name in the operator's language (falls back to the Chinese one). */
export function named(zh: string | null | undefined, en: string | null | undefined, lang: Lang): string {
  return (lang === "en" && en ? en : zh) || "—"
}

export function when(value: string | null | undefined, lang: Lang): string {
  return value
    ? new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", {
        timeZone: "Asia/Shanghai",
        dateStyle: "medium",
        timeStyle: "short",
      }).format(new Date(value))
    : "—"
}

/** A calendar day (Asia/Shanghai) as YYYY-MM-DD, e.g. for <input type="date">. */
export function day(value: string | null | undefined): string {
  if (!value) return ""
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(value))
}

/** The current month in Asia/Shanghai as YYYY-MM. */
export function thisMonth(now = new Date()): string {
  return day(now.toISOString()).slice(0, 7)
}

export function yuan(value: number | string | null | undefined, lang: Lang): string {
  return value === null || value === undefined || value === ""
    ? "—"
    : new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-GB", { style: "currency", currency: "CNY" }).format(Number(value))
}

/** Milliseconds as "12.5 秒" / "1 分 5 秒" (zh) or "12.5 s" / "1 min 5 s" (en). */
export function duration(ms: number | null | undefined, lang: Lang): string {
  if (ms === null || ms === undefined || !Number.isFinite(Number(ms))) return "—"
  const seconds = Number(ms) / 1000
  if (seconds < 60) return lang === "zh" ? `${seconds.toFixed(1)} 秒` : `${seconds.toFixed(1)} s`
  const minutes = Math.floor(seconds / 60)
  const rest = Math.round(seconds - minutes * 60)
  return lang === "zh" ? `${minutes} 分 ${rest} 秒` : `${minutes} min ${rest} s`
}

/** JSON columns hold objects ({ ids: [...] }, { items: [...] }); routes may also answer plain arrays. */
export function listOf<T>(value: unknown, key: "ids" | "items"): T[] {
  if (Array.isArray(value)) return value as T[]
  if (value && typeof value === "object" && Array.isArray((value as Record<string, unknown>)[key])) return (value as Record<string, T[]>)[key]
  return []
}

/** <input type="datetime-local"> value (wall time in Asia/Shanghai) → ISO instant. */
export function shanghaiInstant(local: string): string {
  return new Date(`${local.length === 16 ? `${local}:00` : local}+08:00`).toISOString()
}

/** ISO instant → <input type="datetime-local"> value in Asia/Shanghai. */
export function shanghaiLocal(value: string | null | undefined): string {
  if (!value) return ""
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(value))
      .map((part) => [part.type, part.value])
  )
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}
