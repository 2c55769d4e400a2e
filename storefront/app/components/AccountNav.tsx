import type { MetaFunction } from "@remix-run/node"
import { Form, NavLink } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import { i18nFor, type Messages } from "~/i18n/i18n"
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/languages"

/** The account area's own navigation, with the logout button (a POST, so it works without JavaScript). */
export function AccountNav() {
  const { t } = useTranslation()
  return (
    <nav aria-label={t("account.nav")} className="account-nav">
      <NavLink to="/account" end>
        {t("account.overview")}
      </NavLink>
      <NavLink to="/account/addresses">{t("account.addresses")}</NavLink>
      <NavLink to="/account/orders">{t("account.orders")}</NavLink>
      <Form method="post" action="/account/logout" className="account-logout">
        <button type="submit" className="link-button">
          {t("account.logout")}
        </button>
      </Form>
    </nav>
  )
}

/** The page title in the shopper's language (the root loader knows it). */
export function accountMeta(titleKey: string): MetaFunction {
  return ({ matches }) => {
    const rootData = matches.find((match) => match.id === "root")?.data as { lang?: unknown; messages?: Messages } | undefined
    const lang = isLanguage(rootData?.lang) ? rootData.lang : DEFAULT_LANGUAGE
    const t = i18nFor(lang, rootData?.messages ?? {}).getFixedT(lang)
    return [{ title: `${t(titleKey)} · ${t("site.name")}` }]
  }
}
