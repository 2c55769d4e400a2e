import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

// Set by the dashboard's build when the backend is elsewhere; empty when it serves the dashboard.
declare const __BACKEND_URL__: string | undefined
const base = () => (typeof __BACKEND_URL__ === "string" ? __BACKEND_URL__.replace(/\/$/, "") : "")

export type Lang = "zh" | "en"

/** Reads one of this plugin's /admin routes with the dashboard's session; errors carry the backend's message. */
export function useProcurementQuery<T>(path: string) {
  const [state, setState] = useState<{
    data?: T
    error?: string
    loading: boolean
  }>({ loading: true })
  useEffect(() => {
    let current = true
    setState((previous) => ({ ...previous, loading: true, error: undefined }))
    fetch(`${base()}${path}`, {
      credentials: "include",
      headers: { accept: "application/json" },
    })
      .then(async (response) => {
        const body = await response.json().catch(() => ({}))
        if (!response.ok) throw new Error(typeof body?.message === "string" ? body.message : response.statusText)
        if (current) setState({ data: body as T, loading: false })
      })
      .catch((error: Error) => current && setState({ error: error.message, loading: false }))
    return () => {
      current = false
    }
  }, [path])
  return state
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

export function when(value: string | null | undefined, lang: Lang): string {
  return value
    ? new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", {
        timeZone: "Asia/Shanghai",
        dateStyle: "medium",
        timeStyle: "short",
      }).format(new Date(value))
    : "—"
}

export function yuan(value: number | null | undefined, lang: Lang): string {
  return value === null || value === undefined
    ? "—"
    : new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-GB", {
        style: "currency",
        currency: "CNY",
      }).format(value)
}
