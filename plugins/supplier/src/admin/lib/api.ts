import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

/**
 * Calls to this plugin's /admin routes from Medusa Admin: same origin, the dashboard's session
 * cookie (`credentials: "include"`), JSON both ways. A 4xx/5xx becomes an AdminApiError with the
 * backend's message.
 */
export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message)
  }
}

// Set by the dashboard's build (medusa-config `admin.backendUrl`); empty when the backend serves the dashboard itself.
declare const __BACKEND_URL__: string | undefined

function backendBase(): string {
  return typeof __BACKEND_URL__ === "string" ? __BACKEND_URL__.replace(/\/$/, "") : ""
}

/** Product and upload image URLs are relative to the backend (like the catalogue's). */
export function backendAsset(url: string | null | undefined): string | undefined {
  if (!url) return undefined
  return /^https?:\/\//.test(url) ? url : `${backendBase()}${url.startsWith("/") ? "" : "/"}${url}`
}

export async function adminFetch<T>(path: string, init: { method?: "GET" | "POST"; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${backendBase()}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    credentials: "include",
    headers: { accept: "application/json", ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await response.text()
  let parsed: any = null
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = text
  }
  if (!response.ok) throw new AdminApiError((parsed && typeof parsed.message === "string" && parsed.message) || response.statusText, response.status)
  return parsed as T
}

/** GET `path` (again whenever it changes, or on `reload()`); null skips the request. */
export function useAdminQuery<T>(path: string | null) {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: Boolean(path) })
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!path) return
    let live = true
    setState((s) => ({ ...s, loading: true, error: null }))
    adminFetch<T>(path)
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((error: Error) => live && setState({ data: null, error: error.message, loading: false }))
    return () => {
      live = false
    }
  }, [path, tick])
  const reload = useCallback(() => setTick((n) => n + 1), [])
  return { ...state, reload }
}

/** The dashboard's language as ours: Chinese for any zh variant, English otherwise. */
export function useLang(): "zh" | "en" {
  const { i18n } = useTranslation()
  return (i18n.language ?? "").toLowerCase().startsWith("zh") ? "zh" : "en"
}

/** Our backend writes messages as "中文 / English": the half for the operator's language. */
export function localized(message: string, lang: "zh" | "en"): string {
  const parts = message.split(" / ")
  if (parts.length < 2) return message
  return (lang === "en" ? parts.slice(1).join(" / ") : parts[0]).trim()
}

export function formatCny(amount: number | null | undefined, lang: "zh" | "en"): string {
  if (amount === null || amount === undefined || !Number.isFinite(Number(amount))) return "—"
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { style: "currency", currency: "CNY" }).format(Number(amount))
}

export function formatDate(value: string | Date | null | undefined, lang: "zh" | "en"): string {
  if (!value) return "—"
  return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }).format(new Date(value))
}

export type SupplierStatus = "pending" | "approved" | "suspended" | "rejected"

export const STATUS_COLOR: Record<SupplierStatus, "orange" | "green" | "red" | "grey"> = {
  pending: "orange",
  approved: "green",
  suspended: "red",
  rejected: "grey",
}
