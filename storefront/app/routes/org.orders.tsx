import type { LoaderFunctionArgs } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import { procMeta } from "~/components/Procurement"
import type { Language } from "~/i18n/languages"
import { useTranslation } from "~/i18n/react"
import { formatDateTime, formatMoney } from "~/lib/format"
import { requireMember, storeCall } from "~/lib/procurement.server"

export const meta = procMeta("org", "org.orders.title")

const PAGE = 20

interface OrgOrder {
  id: string
  display_id: number | null
  created_at: string
  total: number
  currency_code: string
  status: string
  customer: { email: string; first_name: string | null; last_name: string | null } | null
  approval_request_id: string | null
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { token, customer } = await requireMember(request)
  const page = Math.max(1, Math.min(1000, Number(new URL(request.url).searchParams.get("page")) || 1))
  const { orders, count } = await storeCall<{ orders: OrgOrder[]; count: number }>(token, "/store/organizations/me/orders", { query: { limit: PAGE, offset: (page - 1) * PAGE } })
  return { orders, count, page, pages: Math.max(1, Math.ceil(count / PAGE)), myEmail: customer.email }
}

export default function OrgOrders() {
  const { orders, page, pages, myEmail } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  return (
    <section aria-labelledby="org-orders-title">
      <h1 id="org-orders-title">{t("proc.org.orders.title")}</h1>
      {orders.length === 0 ? (
        <p className="empty">{t("proc.org.orders.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="orders-table" data-testid="org-orders">
            <thead>
              <tr>
                <th scope="col">{t("proc.org.orders.number")}</th>
                <th scope="col">{t("proc.org.orders.date")}</th>
                <th scope="col">{t("proc.org.orders.buyer")}</th>
                <th scope="col">{t("proc.org.orders.total")}</th>
                <th scope="col">{t("proc.org.orders.approval")}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} data-testid="org-order">
                  <td>{o.customer?.email === myEmail ? <Link to={`/account/orders/${o.id}`}>#{o.display_id ?? o.id}</Link> : `#${o.display_id ?? o.id}`}</td>
                  <td>{formatDateTime(o.created_at, lang)}</td>
                  <td>{[o.customer?.last_name, o.customer?.first_name].filter(Boolean).join("") || o.customer?.email}</td>
                  <td>{formatMoney(o.total, lang, o.currency_code)}</td>
                  <td>{o.approval_request_id ? t("proc.org.orders.viaApproval") : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("proc.org.orders.title")}>
          {page > 1 ? <Link to={`?page=${page - 1}`}>{t("listing.prev")}</Link> : null}
          <span>{t("listing.page", { page, pages })}</span>
          {page < pages ? <Link to={`?page=${page + 1}`}>{t("listing.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  )
}
