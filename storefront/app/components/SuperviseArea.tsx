import type { MetaFunction } from "@remix-run/node"
import { Form, NavLink, useRouteLoaderData } from "@remix-run/react"
import { createInstance, type i18n } from "i18next"
import { useMemo, type ReactNode } from "react"
import type { Messages } from "~/i18n/i18n"
import { I18nProvider, useTranslation } from "~/i18n/react"
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/i18n/languages"

// The supervision area's shared pieces (采购监管): its translations (sent by routes/supervise.tsx,
// so shop pages never carry them), page titles and navigation.

const instances = new Map<Language, i18n>()

function areaI18n(lang: Language, shop: Messages, area: Messages): i18n {
  let instance = instances.get(lang)
  if (!instance) {
    instance = createInstance()
    void instance.init({
      resources: { [lang]: { translation: { ...shop, supervise: area } } },
      lng: lang,
      fallbackLng: false,
      interpolation: { escapeValue: false },
      initAsync: false,
    })
    instances.set(lang, instance)
  }
  return instance
}

export function SuperviseI18n({ lang, messages, children }: { lang: Language; messages: Messages; children: ReactNode }) {
  const root = useRouteLoaderData<{ messages?: Messages }>("root")
  const instance = useMemo(() => areaI18n(lang, root?.messages ?? {}, messages), [lang, root?.messages, messages])
  return <I18nProvider i18n={instance}>{children}</I18nProvider>
}

function lookup(messages: unknown, key: string): string | null {
  let node: unknown = messages
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object") return null
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === "string" ? node : null
}

/** The page title from the area's strings (`key` below `supervise.`). */
export function superviseMeta(key: string): MetaFunction {
  return ({ matches }) => {
    const area = matches.find((match) => match.id === "routes/supervise")?.data as { lang?: unknown; messages?: Messages } | undefined
    const root = matches.find((match) => match.id === "root")?.data as { messages?: Messages } | undefined
    const lang = isLanguage(area?.lang) ? area.lang : DEFAULT_LANGUAGE
    const title = lookup(area?.messages, key) ?? key
    const areaName = lookup(area?.messages, "area.title") ?? ""
    const site = lookup(root?.messages, "site.name") ?? (lang === "en" ? "Gongwucang" : "现代公物仓")
    return [{ title: `${title} · ${areaName} · ${site}` }, { name: "robots", content: "noindex" }]
  }
}

export function SuperviseNav() {
  const { t } = useTranslation()
  return (
    <nav aria-label={t("supervise.nav.label")} className="account-nav supervise-nav">
      <NavLink to="/supervise" end>
        {t("supervise.nav.dashboard")}
      </NavLink>
      <NavLink to="/supervise/audit">{t("supervise.nav.audit")}</NavLink>
      <Form method="post" action="/supervise/logout" className="account-logout">
        <button type="submit" className="link-button">
          {t("supervise.nav.logout")}
        </button>
      </Form>
    </nav>
  )
}

/** Previous / next page links that keep the filters. */
export function Pager({ page, pages, search }: { page: number; pages: number; search: URLSearchParams }) {
  const { t } = useTranslation()
  if (pages <= 1) return null
  const to = (n: number) => {
    const next = new URLSearchParams(search)
    next.set("page", String(n))
    return `?${next.toString()}`
  }
  return (
    <nav aria-label={t("supervise.dashboard.pagination")} className="pager">
      {page > 1 ? <a href={to(page - 1)}>{t("supervise.dashboard.prev")}</a> : null}
      <span>{t("supervise.dashboard.page", { page, pages })}</span>
      {page < pages ? <a href={to(page + 1)}>{t("supervise.dashboard.next")}</a> : null}
    </nav>
  )
}
