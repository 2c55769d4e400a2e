import type { LoaderFunctionArgs } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import { AccountNav, accountMeta } from "~/components/AccountNav"
import type { Language } from "~/i18n/languages"
import { formatDateTime } from "~/lib/format"
import { displayName, requireCustomer } from "~/lib/customer.server"

export const meta = accountMeta("account.title")

export async function loader({ request }: LoaderFunctionArgs) {
  const { customer } = await requireCustomer(request)
  return { customer: { ...customer, name: displayName(customer) } }
}

export default function AccountOverview() {
  const { customer } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  return (
    <section aria-labelledby="account-title" className="account">
      <h1 id="account-title">{t("account.title")}</h1>
      <AccountNav />
      <p className="account-welcome" data-testid="account-welcome">
        {t("account.welcome", { name: customer.name })}
      </p>
      <section aria-labelledby="profile-title" className="account-card">
        <h2 id="profile-title">{t("account.profile")}</h2>
        <dl className="account-facts">
          <dt>{t("account.name")}</dt>
          <dd>{customer.name}</dd>
          <dt>{t("account.email")}</dt>
          <dd data-testid="account-email">{customer.email}</dd>
          <dt>{t("checkout.phone")}</dt>
          <dd>{customer.phone || t("account.notSet")}</dd>
          <dt>{t("account.memberSince")}</dt>
          <dd>{formatDateTime(customer.createdAt, lang)}</dd>
        </dl>
      </section>
      <ul className="account-links">
        <li>
          <Link to="/account/addresses">
            <strong>{t("account.addresses")}</strong>
            <span>{t("account.addressesText")}</span>
          </Link>
        </li>
        <li>
          <Link to="/account/orders">
            <strong>{t("account.orders")}</strong>
            <span>{t("account.ordersText")}</span>
          </Link>
        </li>
        <li>
          <Link to="/org" data-testid="org-link">
            <strong>{t("account.organization")}</strong>
            <span>{t("account.organizationText")}</span>
          </Link>
        </li>
      </ul>
    </section>
  )
}
