import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react"
import { useEffect, useState } from "react"
import { CardPayment } from "~/components/CardPayment"
import { useTranslation } from "~/i18n/react"
import { translator } from "~/i18n/i18n.server"
import type { Language } from "~/i18n/languages"
import { currentCustomer, localizedMessage } from "~/lib/customer.server"
import { formatDateTime, formatMoney } from "~/lib/format"
import { authHeaders, backendMessage, FetchError, medusa } from "~/lib/medusa.server"
import { methodKind } from "~/lib/payment"
import { nextStepOf, stripePublishableKey } from "~/lib/payment.server"
import { qrSvg } from "~/lib/qr.server"
import { commitSession, getSession, languageOf } from "~/lib/session.server"

// The second half of paying with Alipay 支付宝, WeChat Pay 微信支付 or a card (Stripe,
// plugins/payments): the checkout chose the method and the backend created the PaymentIntent; here
// the buyer follows the redirect, scans the QR code, or enters the card in Stripe.js (which handles
// 3-D Secure), then the order is placed. Alipay sends the buyer back here; a card places the order
// as soon as Stripe.js reports it authorised. The backend refuses the order until Stripe says so.

type PendingKind = "alipay" | "wechat_pay" | "card"

export const meta: MetaFunction = () => [{ title: "完成支付 · 现代公物仓" }]

async function pendingPayment(cartId: string | undefined) {
  if (!cartId) return null
  try {
    const { cart } = await medusa().store.cart.retrieve(cartId, {
      fields: "id,total,currency_code,completed_at,*payment_collection,*payment_collection.payment_sessions",
    })
    if ((cart as { completed_at?: string | null }).completed_at) return null
    const sessions = cart.payment_collection?.payment_sessions ?? []
    // Cards only with Stripe.js's publishable key (without it the checkout does not offer them).
    const kinds: string[] = stripePublishableKey() ? ["alipay", "wechat_pay", "card"] : ["alipay", "wechat_pay"]
    const session = sessions.find((s) => kinds.includes(methodKind(s.provider_id)))
    if (!session) return null
    return { cart, session, kind: methodKind(session.provider_id) as PendingKind }
  } catch (error) {
    if (error instanceof FetchError && (error.status === 404 || error.status === 400)) return null
    throw error
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const pending = await pendingPayment(session.get("cartId"))
  if (!pending) return { pending: false as const }
  const sessionData = (pending.session.data ?? {}) as Record<string, unknown>
  const step = nextStepOf(sessionData)
  const clientSecret = typeof sessionData.client_secret === "string" ? sessionData.client_secret : null
  const publishableKey = stripePublishableKey()
  return {
    pending: true as const,
    kind: pending.kind,
    amount: pending.cart.total,
    currency: pending.cart.currency_code,
    returned: new URL(request.url).searchParams.has("returned"),
    redirectUrl: step?.type === "redirect" ? step.url : null,
    qr: step?.type === "qr_code" ? { svg: await qrSvg(step.data), hostedUrl: step.hostedUrl, expiresAt: step.expiresAt } : null,
    // Stripe.js confirms the PaymentIntent in the browser with these (the secret only lets the
    // holder confirm and read this one intent; the page is the cart owner's).
    card: pending.kind === "card" && clientSecret && publishableKey ? { clientSecret, publishableKey } : null,
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
    if (completed.type !== "order") {
      return data({ formError: pending.kind === "card" ? t("payment.bankCard.notAuthorised") : t("payment.notPaidYet") }, { status: 409 })
    }
    session.unset("cartId")
    return redirect(`/orders/${completed.order.id}/confirmed`, { headers: { "Set-Cookie": await commitSession(session) } })
  } catch (error) {
    if (error instanceof FetchError && error.status && error.status < 500) {
      // Medusa refuses to place the order while the payment service has not authorised it
      // ("… was not authorized with the provider"); a message in both languages is shown as is.
      const notPaid = pending.kind === "card" ? t("payment.bankCard.notAuthorised") : t("payment.notPaidYet")
      const message = error.message.includes(" / ") ? localizedMessage(error.message, lang) : notPaid
      return data({ formError: message }, { status: 400 })
    }
    return data({ formError: backendMessage(error) }, { status: 502 })
  }
}

export default function PayPage() {
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const submit = useSubmit()
  // Each refused order (a new actionData) remounts the card form, so the buyer can pay again.
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (actionData) setAttempt((n) => n + 1)
  }, [actionData])
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
      {page.kind === "card" ? (
        page.card ? (
          <CardPayment
            key={attempt}
            publishableKey={page.card.publishableKey}
            clientSecret={page.card.clientSecret}
            amount={page.amount}
            currency={page.currency}
            onAuthorised={() => submit(null, { method: "post" })}
          />
        ) : (
          <p className="form-error">{t("payment.unavailable")}</p>
        )
      ) : page.kind === "alipay" ? (
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
      {page.kind === "card" ? null : (
        <Form method="post">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("payment.paidSubmit")}
          </button>
        </Form>
      )}
      <p>
        <Link to="/checkout">{t("payment.changeMethod")}</Link>
      </p>
    </section>
  )
}
