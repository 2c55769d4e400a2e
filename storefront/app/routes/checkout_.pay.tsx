import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import { translator } from "~/i18n/i18n.server"
import type { Language } from "~/i18n/languages"
import { currentCustomer, localizedMessage } from "~/lib/customer.server"
import { formatDateTime, formatMoney } from "~/lib/format"
import { authHeaders, backendMessage, FetchError, medusa } from "~/lib/medusa.server"
import { methodKind } from "~/lib/payment"
import { nextStepOf } from "~/lib/payment.server"
import { qrSvg } from "~/lib/qr.server"
import { commitSession, getSession, languageOf } from "~/lib/session.server"

// The second half of paying with Alipay 支付宝 or WeChat Pay 微信支付 (Stripe, plugins/payments):
// the checkout chose the method and the backend created the payment; here the buyer follows the
// redirect or scans the QR code, then places the order. Alipay sends the buyer back here.

export const meta: MetaFunction = () => [{ title: "完成支付 · 现代公物仓" }]

async function pendingPayment(cartId: string | undefined) {
  if (!cartId) return null
  try {
    const { cart } = await medusa().store.cart.retrieve(cartId, {
      fields: "id,total,currency_code,completed_at,*payment_collection,*payment_collection.payment_sessions",
    })
    if ((cart as { completed_at?: string | null }).completed_at) return null
    const sessions = cart.payment_collection?.payment_sessions ?? []
    const session = sessions.find((s) => ["alipay", "wechat_pay"].includes(methodKind(s.provider_id)))
    if (!session) return null
    return { cart, session, kind: methodKind(session.provider_id) as "alipay" | "wechat_pay" }
  } catch (error) {
    if (error instanceof FetchError && (error.status === 404 || error.status === 400)) return null
    throw error
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const pending = await pendingPayment(session.get("cartId"))
  if (!pending) return { pending: false as const }
  const step = nextStepOf((pending.session.data ?? {}) as Record<string, unknown>)
  return {
    pending: true as const,
    kind: pending.kind,
    amount: pending.cart.total,
    currency: pending.cart.currency_code,
    returned: new URL(request.url).searchParams.has("returned"),
    redirectUrl: step?.type === "redirect" ? step.url : null,
    qr: step?.type === "qr_code" ? { svg: await qrSvg(step.data), hostedUrl: step.hostedUrl, expiresAt: step.expiresAt } : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = translator(lang)
  const session = await getSession(request)
  const pending = await pendingPayment(session.get("cartId"))
  if (!pending) return data({ formError: t("payment.noPending") }, { status: 400 })
  const token = (await currentCustomer(session))?.token
  try {
    const completed = await medusa().store.cart.complete(pending.cart.id, {}, authHeaders(token))
    if (completed.type !== "order") return data({ formError: t("payment.notPaidYet") }, { status: 409 })
    session.unset("cartId")
    return redirect(`/orders/${completed.order.id}/confirmed`, { headers: { "Set-Cookie": await commitSession(session) } })
  } catch (error) {
    if (error instanceof FetchError && error.status && error.status < 500) {
      // Medusa refuses to place the order while the payment service has not authorised it
      // ("… was not authorized with the provider"); a message in both languages is shown as is.
      const message = error.message.includes(" / ") ? localizedMessage(error.message, lang) : t("payment.notPaidYet")
      return data({ formError: message }, { status: 400 })
    }
    return data({ formError: backendMessage(error) }, { status: 502 })
  }
}

export default function PayPage() {
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  if (!page.pending) {
    return (
      <section aria-labelledby="pay-title" className="checkout">
        <h1 id="pay-title">{t("payment.payTitle")}</h1>
        <p className="form-error" role="alert">
          {t("payment.noPending")}
        </p>
        <p>
          <Link to="/checkout">{t("checkout.title")}</Link>
        </p>
      </section>
    )
  }
  return (
    <section aria-labelledby="pay-title" className="checkout pay-page">
      <h1 id="pay-title">{t("payment.payTitle")}</h1>
      <p>
        {t(`payment.methods.${page.kind}`)} · {t("payment.payAmount")}: <strong>{formatMoney(page.amount, lang, page.currency)}</strong>
      </p>
      {actionData?.formError ? (
        <p role="alert" className="form-error">
          {actionData.formError}
        </p>
      ) : null}
      {page.kind === "alipay" ? (
        <div className="payment-box">
          {page.returned ? <p className="notice">{t("payment.returned")}</p> : <p>{t("payment.alipayText")}</p>}
          {page.redirectUrl ? (
            <a className="button pay-button" href={page.redirectUrl} rel="noopener noreferrer" data-testid="alipay-link">
              {t("payment.alipayButton")}
            </a>
          ) : (
            <p className="form-error">{t("payment.unavailable")}</p>
          )}
        </div>
      ) : (
        <div className="payment-box">
          <p>{t("payment.wechatText")}</p>
          {page.qr ? (
            <>
              <img
                className="qr-code"
                data-testid="wechat-qr"
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(page.qr.svg)}`}
                alt={t("payment.qrAlt")}
                width={240}
                height={240}
              />
              {page.qr.expiresAt ? <p className="hint">{t("payment.qrExpires", { date: formatDateTime(new Date(page.qr.expiresAt * 1000), lang) })}</p> : null}
              {page.qr.hostedUrl ? (
                <p>
                  <a href={page.qr.hostedUrl} rel="noopener noreferrer">
                    {t("payment.wechatHosted")}
                  </a>
                </p>
              ) : null}
            </>
          ) : (
            <p className="form-error">{t("payment.unavailable")}</p>
          )}
        </div>
      )}
      <Form method="post">
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("payment.paidSubmit")}
        </button>
      </Form>
      <p>
        <Link to="/checkout">{t("payment.changeMethod")}</Link>
      </p>
    </section>
  )
}
