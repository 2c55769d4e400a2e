import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import type { Language } from "~/i18n/languages"
import { formatDateTime, formatMoney } from "~/lib/format"
import { authHeaders, isNotFound, medusa } from "~/lib/medusa.server"
import { PaymentInstructions } from "~/components/PaymentInstructions"
import { ORDER_PAYMENT_FIELDS, orderPaymentView, paymentTerms } from "~/lib/payment.server"
import { getSession } from "~/lib/session.server"
import { currentCustomer } from "~/lib/customer.server"

export const meta: MetaFunction = () => [{ title: "订单已提交 · 现代公物仓" }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const token = session.get("token")
  try {
    const { order } = await medusa().store.order.retrieve(
      params.id ?? "",
      { fields: `id,display_id,created_at,currency_code,total,email,customer_id,*items,${ORDER_PAYMENT_FIELDS}` },
      authHeaders(token)
    )
    // The receipt is behind the login: offer it only to the logged-in buyer the order belongs to.
    const buyer = token && order.customer_id ? await currentCustomer(session) : null
    return {
      receiptAvailable: !!buyer && buyer.customer.id === order.customer_id,
      order: {
        id: order.id,
        displayId: order.display_id,
        createdAt: order.created_at,
        total: order.total,
        currency: order.currency_code,
        items: (order.items ?? []).map((i) => ({ id: i.id, title: i.product_title ?? i.title, quantity: i.quantity })),
      },
      payment: orderPaymentView(order, paymentTerms().payOnAcceptanceDays),
    }
  } catch (error) {
    if (isNotFound(error)) throw new Response("Not found", { status: 404 })
    throw error
  }
}

export default function OrderConfirmed() {
  const { order, payment, receiptAvailable } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  return (
    <section aria-labelledby="confirmed-title" className="confirmed">
      <h1 id="confirmed-title">{t("checkout.confirmedTitle")}</h1>
      <p data-testid="order-number">{t("checkout.confirmedText", { id: `#${order.displayId}` })}</p>
      <p>{formatDateTime(order.createdAt, lang)}</p>
      <ul>
        {order.items.map((item) => (
          <li key={item.id}>
            {item.title} × {item.quantity}
          </li>
        ))}
      </ul>
      <p>
        {t("checkout.orderTotal")}: <strong>{formatMoney(order.total, lang, order.currency)}</strong>
      </p>
      {payment ? <PaymentInstructions payment={payment} /> : null}
      {receiptAvailable ? (
        <p className="receipt-links">
          <a href={`/account/orders/${order.id}/receipt`} data-testid="download-receipt">
            {t("account.downloadReceipt")}
          </a>
        </p>
      ) : null}
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </section>
  )
}
