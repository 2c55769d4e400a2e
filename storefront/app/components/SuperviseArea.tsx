import type { MetaFunction } from "@remix-run/node"
import { Form, NavLink } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import { areaI18nProvider, areaMeta } from "./AreaI18n"

// The supervision area's shared pieces (采购监管): its translations (sent by routes/supervise.tsx,
// so shop pages never carry them), page titles and navigation.

/** The shop's strings plus the area's (`supervise.*`). */
export const SuperviseI18n = areaI18nProvider("supervise")

/** The page title from the area's strings (`key` below `supervise.`). */
export const superviseMeta = (key: string): MetaFunction => areaMeta("routes/supervise", key, "area.title")

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
