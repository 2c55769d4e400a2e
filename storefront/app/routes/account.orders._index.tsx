import type { LoaderFunctionArgs } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import { AccountNav, accountMeta } from "~/components/AccountNav"
import { translator } from "~/i18n/i18n.server"
import type { Language } from "~/i18n/languages"
import { orderProgress, requireCustomer, stepLabel } from "~/lib/customer.server"
import { formatDateTime, formatMoney } from "~/lib/format"
import { authHeaders, medusa } from "~/lib/medusa.server"
import { languageOf } from "~/lib/session.server"

export const meta = accountMeta("account.orders")

const PAGE_SIZE = 10

export async function loader({ request }: LoaderFunctionArgs) {
  const { token } = await requireCustomer(request)
  const lang = await languageOf(request)
  const t = translator(lang)
  const requested = Number(new URL(request.url).searchParams.get("page") ?? "1")
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1
  const { orders, count } = await medusa().store.order.list(
    {
      fields: "id,display_id,created_at,status,total,currency_code",
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      order: "-created_at",
    },
    authHeaders(token)
  )
  // The buyer's status is where the order is on its timeline (the orders plugin's progress);
  // Medusa's own status is the fallback when the timeline cannot be read.
  const progress = await Promise.allSettled(orders.map((order) => orderProgress(order.id, token)))
  return {
    page,
    pages: Math.max(1, Math.ceil(count / PAGE_SIZE)),
    count,
    orders: orders.map((order, index) => {
      const result = progress[index]
      let status = t(`account.status.${order.status}`, { defaultValue: order.status })
      if (result.status === "fulfilled" && order.status !== "canceled") {
        const reached = result.value.steps.filter((step) => step.done).at(-1)
        if (reached) status = stepLabel(reached, lang)
      }
      return {
        id: order.id,
        displayId: order.display_id,
        createdAt: order.created_at as string,
        total: order.total,
        currency: order.currency_code,
        status,
      }
    }),
  }
}

export default function Orders() {
  const { orders, page, pages, count } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  return (
    <section aria-labelledby="orders-title" className="account">
      <h1 id="orders-title">{t("account.orders")}</h1>
      <AccountNav />
      {orders.length === 0 && page === 1 ? (
        <p className="empty" data-testid="no-orders">
          {t("account.noOrders")} <Link to="/categories">{t("account.startShopping")}</Link>
        </p>
      ) : (
        <>
          <p className="hint">{t("account.orderCount", { count })}</p>
          <table className="orders-table">
            <thead>
              <tr>
                <th scope="col">{t("account.orderNumber")}</th>
                <th scope="col">{t("account.orderDate")}</th>
                <th scope="col">{t("account.orderTotal")}</th>
                <th scope="col">{t("account.orderStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <tr key={order.id} data-testid="order-row">
                  <th scope="row">
                    <Link to={`/account/orders/${order.id}`} aria-label={t("account.orderDetails", { id: order.displayId })}>
                      #{order.displayId}
                    </Link>
                  </th>
                  <td data-label={t("account.orderDate")}>{formatDateTime(order.createdAt, lang)}</td>
                  <td data-label={t("account.orderTotal")}>{formatMoney(order.total, lang, order.currency)}</td>
                  <td data-label={t("account.orderStatus")} data-testid="order-status">
                    {order.status}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 ? (
            <nav className="pagination" aria-label={t("account.page", { page, pages })}>
              {page > 1 ? <Link to={`?page=${page - 1}`}>{t("account.prev")}</Link> : <span />}
              <span className="page-info">{t("account.page", { page, pages })}</span>
              {page < pages ? <Link to={`?page=${page + 1}`}>{t("account.next")}</Link> : <span />}
            </nav>
          ) : null}
        </>
      )}
    </section>
  )
}
