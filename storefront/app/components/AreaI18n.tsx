import type { MetaFunction } from "@remix-run/node"
import { useRouteLoaderData } from "@remix-run/react"
import { createInstance, type i18n } from "i18next"
import { useMemo, type ReactNode } from "react"
import type { Messages } from "~/i18n/i18n"
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/i18n/languages"
import { I18nProvider } from "~/i18n/react"

// Role areas (supplier portal, procurement, supervision) send their strings only with their own
// pages (from the area's layout route); these pieces put them beside the shop's in one i18next
// instance, under the area's namespace, and make page titles from them.

/** A provider of the shop's strings plus an area's (`namespace.*`), one i18next instance per language. */
export function areaI18nProvider(namespace: string) {
  const instances = new Map<Language, i18n>()
  const instanceFor = (lang: Language, shop: Messages, area: Messages) => {
    let instance = instances.get(lang)
    if (!instance) {
      instance = createInstance()
      void instance.init({
        resources: { [lang]: { translation: { ...shop, [namespace]: area } } },
        lng: lang,
        fallbackLng: false,
        interpolation: { escapeValue: false },
        initAsync: false,
      })
      instances.set(lang, instance)
    }
    return instance
  }
  return function AreaI18n({ lang, messages, children }: { lang: Language; messages: Messages; children: ReactNode }) {
    const root = useRouteLoaderData<{ messages?: Messages }>("root")
    const instance = useMemo(() => instanceFor(lang, root?.messages ?? {}, messages), [lang, root?.messages, messages])
    return <I18nProvider i18n={instance}>{children}</I18nProvider>
  }
}

/** The string at a dotted key, or null. */
export function lookupMessage(messages: unknown, key: string): string | null {
  let node: unknown = messages
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object") return null
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === "string" ? node : null
}

/**
 * "page · area · site" titles for the pages under the layout route `layoutId`, from the strings
 * that layout sends (`key` and `areaKey` below the area's namespace); not for search engines.
 */
export function areaMeta(layoutId: string, key: string, areaKey: string): MetaFunction {
  return ({ matches }) => {
    const layout = matches.find((match) => match.id === layoutId)?.data as { lang?: unknown; messages?: Messages } | undefined
    const root = matches.find((match) => match.id === "root")?.data as { messages?: Messages } | undefined
    const lang = isLanguage(layout?.lang) ? layout.lang : DEFAULT_LANGUAGE
    const title = lookupMessage(layout?.messages, key) ?? key
    const areaName = lookupMessage(layout?.messages, areaKey) ?? ""
    const site = lookupMessage(root?.messages, "site.name") ?? (lang === "en" ? "Gongwucang" : "现代公物仓")
    return [{ title: `${title} · ${areaName} · ${site}` }, { name: "robots", content: "noindex" }]
  }
}
