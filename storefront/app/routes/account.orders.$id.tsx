import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react"
import { Fragment } from "react"
import { useTranslation } from "~/i18n/react"
import { z } from "zod"
import { AccountFormError, type FieldErrors } from "~/components/AccountField"
import { AccountNav } from "~/components/AccountNav"
import { i18nFor, type Messages } from "~/i18n/i18n"
import { translator } from "~/i18n/i18n.server"
import { isLanguage, type Language } from "~/i18n/languages"
import { localizedMessage, orderProgress, requireCustomer, stepLabel } from "~/lib/customer.server"
import { formatDateTime, formatMoney } from "~/lib/format"
import { authHeaders, backendMessage, FetchError, isNotFound, medusa } from "~/lib/medusa.server"
import { languageOf } from "~/lib/session.server"
import { PaymentInstructions } from "~/components/PaymentInstructions"
import { ORDER_PAYMENT_FIELDS, orderPaymentView, paymentTerms } from "~/lib/payment.server"

// Medusa's store order list is scoped to the logged-in customer and, unlike the detail route,
// returns metadata (where the invoice details travel from the cart).
const ORDER_FIELDS = [
  "id",
  "display_id",
  "created_at",
  "status",
  "email",
  "currency_code",
  "metadata",
  "total",
  "item_total",
  "shipping_total",
  "tax_total",
  "*items",
  "*shipping_address",
  "*shipping_methods",
  ORDER_PAYMENT_FIELDS,
].join(",")

const ORDER_ID = /^order_[0-9A-Za-z]{1,64}$/

function notFound(): never {
  throw new Response("Not found", { status: 404 })
}

async function customerOrder(orderId: string, token: string) {
  if (!ORDER_ID.test(orderId)) notFound()
  const { orders } = await medusa().store.order.list({ id: orderId, fields: ORDER_FIELDS, limit: 1 }, authHeaders(token))
  const order = orders[0]
  if (!order || order.id !== orderId) notFound()
  return order
}

type Invoice = Partial<Record<"type" | "title" | "tax_id" | "email" | "address" | "phone" | "bank_name" | "bank_account", string>>

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireCustomer(request)
  const lang = await languageOf(request)
  const order = await customerOrder(params.id ?? "", token)
  let progress
  try {
    progress = await orderProgress(order.id, token)
  } catch (error) {
    if (isNotFound(error)) notFound()
    throw error
  }
  const address = order.shipping_address
  const invoice = (order.metadata?.invoice ?? null) as Invoice | null
  return {
    order: {
      id: order.id,
      displayId: order.display_id,
      createdAt: order.created_at as string,
      status: order.status,
      currency: order.currency_code,
      itemTotal: order.item_total,
      shippingTotal: order.shipping_total,
      taxTotal: order.tax_total,
      total: order.total,
      shippingMethod: order.shipping_methods?.[0]?.name ?? null,
      items: (order.items ?? [])
        .map((item) => ({
          id: item.id,
          title: item.product_title ?? item.title,
          variant: item.variant_title ?? null,
          handle: item.product_handle ?? null,
          quantity: item.quantity,
          unitPrice: item.unit_price,
          total: item.total ?? item.unit_price * item.quantity,
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      address: address
        ? {
            name: [address.last_name, address.first_name].filter(Boolean).join(""),
            phone: address.phone ?? "",
            line: [address.province, address.city, address.address_1, address.address_2].filter(Boolean).join(""),
            postalCode: address.postal_code ?? "",
          }
        : null,
      invoice,
    },
    payment: orderPaymentView(order, paymentTerms().payOnAcceptanceDays),
    progress: {
      steps: progress.steps.map((step) => ({
        key: step.key,
        label: stepLabel(step, lang),
        done: step.done,
        at: step.at,
        by: step.by ?? null,
        dueAt: step.due_at ?? null,
        overdue: step.overdue === true,
      })),
      current: progress.current,
      canAccept: progress.can_accept,
      canCancel: progress.can_cancel === true,
      acceptance: progress.acceptance,
      events: (progress.events ?? []).map((event) => ({
        type: event.type,
        id: event.id,
        at: event.at,
        amount: event.amount ?? null,
        quantity: event.quantity ?? null,
        note: event.note ?? null,
      })),
      refundedAmount: progress.refunded_amount ?? 0,
    },
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const rootData = matches.find((match) => match.id === "root")?.data as { lang?: unknown; messages?: Messages } | undefined
  const lang = isLanguage(rootData?.lang) ? rootData.lang : "zh-CN"
  const t = i18nFor(lang, rootData?.messages ?? {}).getFixedT(lang)
  return [{ title: `${t("account.orderTitle", { id: data?.order.displayId ?? "" })} · ${t("site.name")}` }]
}

/** 取消订单: the backend cancels (refunds through the provider, releases the stock) or says why not. */
async function cancelOrder(orderId: string, token: string, form: Record<string, FormDataEntryValue>, lang: Language) {
  const t = translator(lang)
  const confirmed = z.object({ confirm: z.literal("yes") }).safeParse(form)
  if (!confirmed.success) {
    return data(
      { formError: t("account.cancelConfirmRequired"), fieldErrors: { confirm: t("account.cancelConfirmRequired") } as FieldErrors, note: "", intent: "cancel" as const },
      { status: 400 }
    )
  }
  try {
    await medusa().client.fetch(`/store/orders/${orderId}/cancel`, { method: "POST", headers: authHeaders(token), body: {} })
  } catch (error) {
    if (error instanceof FetchError && (error.status === 400 || error.status === 409)) {
      return data(
        { formError: localizedMessage(error.message, lang), fieldErrors: {} as FieldErrors, note: "", intent: "cancel" as const },
        { status: error.status }
      )
    }
    if (isNotFound(error)) notFound()
    return data({ formError: backendMessage(error), fieldErrors: {} as FieldErrors, note: "", intent: "cancel" as const }, { status: 502 })
  }
  return redirect(`/account/orders/${orderId}?canceled=1`)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = translator(lang)
  const { token } = await requireCustomer(request)
  const order = await customerOrder(params.id ?? "", token)
  const form = Object.fromEntries(await request.formData())
  if (form.intent === "cancel") return cancelOrder(order.id, token, form, lang)
  const note = typeof form.note === "string" ? form.note : ""
  const parsed = z
    .object({ intent: z.literal("accept"), note: z.string().trim().max(500, t("account.noteTooLong")) })
    .safeParse({ intent: form.intent ?? "accept", note })
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {}
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message
    return data({ formError: t("account.fixErrors"), fieldErrors, note: note.slice(0, 2000), intent: "accept" as const }, { status: 400 })
  }
  try {
    await medusa().client.fetch(`/store/orders/${order.id}/accept`, {
      method: "POST",
      headers: authHeaders(token),
      body: parsed.data.note ? { note: parsed.data.note } : {},
    })
  } catch (error) {
    if (error instanceof FetchError && (error.status === 400 || error.status === 409)) {
      // The backend says why ("not delivered yet", "already accepted"), in both languages.
      return data(
        { formError: localizedMessage(error.message, lang), fieldErrors: {} as FieldErrors, note: parsed.data.note, intent: "accept" as const },
        { status: error.status }
      )
    }
    if (isNotFound(error)) notFound()
    return data({ formError: backendMessage(error), fieldErrors: {} as FieldErrors, note: parsed.data.note, intent: "accept" as const }, { status: 502 })
  }
  return redirect(`/account/orders/${order.id}?accepted=1`)
}

export default function OrderDetail() {
  const { order, progress, payment } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const money = (amount: number | null | undefined) => formatMoney(amount, lang, order.currency)
  const errors: FieldErrors = actionData?.fieldErrors ?? {}
  const invoice = order.invoice
  return (
    <section aria-labelledby="order-title" className="account order-detail">
      <h1 id="order-title">{t("account.orderTitle", { id: order.displayId })}</h1>
      <AccountNav />
      <p>
        <Link to="/account/orders">{t("account.backToOrders")}</Link>
      </p>
      <p className="hint">{t("account.placedAt", { date: formatDateTime(order.createdAt, lang) })}</p>
      {/* Plain links: the PDF comes from a resource route as a download, not a client-side navigation. */}
      <p className="receipt-links">
        <a href={`/account/orders/${order.id}/receipt`} data-testid="download-receipt">
          {t("account.downloadReceipt")}
        </a>{" "}
        ·{" "}
        <a href={`/account/orders/${order.id}/receipt?lang=${lang === "en" ? "zh" : "en"}`} hrefLang={lang === "en" ? "zh-CN" : "en"}>
          {t("account.downloadReceiptOther")}
        </a>
      </p>
      {searchParams.get("accepted") && progress.acceptance && !actionData ? (
        <p role="status" className="notice">
          {t("account.accepted")}
        </p>
      ) : null}

      {searchParams.get("canceled") && order.status === "canceled" && !actionData ? (
        <p role="status" className="notice">
          {t("account.canceled")}
        </p>
      ) : null}

      {payment ? <PaymentInstructions payment={payment} /> : null}

      <section aria-labelledby="progress-title" className="account-card">
        <h2 id="progress-title">{t("account.progress")}</h2>
        <ol className="timeline" data-testid="timeline">
          {progress.steps.map((step) => {
            const state = step.done ? "done" : step.key === progress.current ? "current" : "pending"
            return (
              <li
                key={step.key}
                className={`timeline-step ${state}`}
                data-step={step.key}
                data-done={step.done ? "true" : "false"}
                aria-current={state === "current" ? "step" : undefined}
              >
                <span className="timeline-label">{step.label}</span>{" "}
                <span className="timeline-state">
                  {step.done ? t("account.stepDone") : state === "current" ? t("account.stepCurrent") : t("account.stepPending")}
                </span>
                {step.at ? (
                  <time className="timeline-time" dateTime={step.at}>
                    {formatDateTime(step.at, lang)}
                  </time>
                ) : null}
                {step.by ? <span className="timeline-by">{t("account.stepBy", { who: step.by })}</span> : null}
                {!step.done && step.dueAt ? (
                  <span className="timeline-due">
                    {t("account.stepDue", { date: formatDateTime(step.dueAt, lang) })}
                  </span>
                ) : null}
                {step.overdue ? (
                  <span className="timeline-overdue" data-overdue="true">
                    {t("account.stepOverdue")}
                  </span>
                ) : null}
              </li>
            )
          })}
        </ol>
        {progress.acceptance?.note ? <p className="hint">{t("account.acceptanceNote", { note: progress.acceptance.note })}</p> : null}
        {progress.events.length ? (
          <section aria-labelledby="after-sales-title" className="after-sales">
            <h3 id="after-sales-title">{t("account.afterSales")}</h3>
            <ol className="timeline events" data-testid="order-events">
              {progress.events.map((event) => (
                <li key={`${event.type}-${event.id}`} className={`timeline-step event-${event.type}`} data-event={event.type}>
                  <span className="timeline-label">
                    {event.type === "refunded"
                      ? t("account.eventRefunded", { amount: money(event.amount) })
                      : event.type === "returned"
                        ? t("account.eventReturned", { quantity: event.quantity ?? 0 })
                        : t("account.eventCanceled")}
                  </span>
                  {event.at ? (
                    <time className="timeline-time" dateTime={event.at}>
                      {formatDateTime(event.at, lang)}
                    </time>
                  ) : null}
                  {event.note ? <span className="hint"> {event.note}</span> : null}
                </li>
              ))}
            </ol>
            {progress.refundedAmount > 0 ? (
              <p data-testid="refunded-total">{t("account.refundedTotal", { amount: money(progress.refundedAmount) })}</p>
            ) : null}
          </section>
        ) : null}
        {progress.canCancel || actionData?.intent === "cancel" ? (
          <section aria-labelledby="cancel-title" className="cancel-box">
            <h3 id="cancel-title">{t("account.cancelTitle")}</h3>
            {actionData?.intent === "cancel" ? <AccountFormError message={actionData.formError} /> : null}
            {progress.canCancel ? (
              <Form method="post" noValidate className="account-form">
                <p className="hint">{t("account.cancelIntro")}</p>
                <div className="field checkbox-field">
                  <input
                    id="cancel-confirm"
                    type="checkbox"
                    name="confirm"
                    value="yes"
                    aria-invalid={errors.confirm ? true : undefined}
                    aria-describedby={errors.confirm ? "cancel-confirm-error" : undefined}
                  />
                  <label htmlFor="cancel-confirm">{t("account.cancelConfirm")}</label>
                  {errors.confirm ? (
                    <p id="cancel-confirm-error" className="field-error">
                      {errors.confirm}
                    </p>
                  ) : null}
                </div>
                <button type="submit" name="intent" value="cancel" className="button-danger" disabled={navigation.state === "submitting"}>
                  {t("account.cancelSubmit")}
                </button>
              </Form>
            ) : null}
          </section>
        ) : null}
        {progress.canAccept || (actionData && actionData.intent !== "cancel") ? (
          <section aria-labelledby="accept-title" className="accept-box">
            <h3 id="accept-title">{t("account.acceptTitle")}</h3>
            <AccountFormError message={actionData?.formError} />
            {progress.canAccept || errors.note ? (
              <Form method="post" noValidate className="account-form">
                <p className="hint">{t("account.acceptIntro")}</p>
                <div className="field">
                  <label htmlFor="note">{t("account.acceptNote")}</label>
                  <textarea
                    id="note"
                    name="note"
                    rows={3}
                    maxLength={500}
                    defaultValue={actionData?.note ?? ""}
                    aria-invalid={errors.note ? true : undefined}
                    aria-describedby={errors.note ? "note-error" : undefined}
                  />
                  {errors.note ? (
                    <p id="note-error" className="field-error">
                      {errors.note}
                    </p>
                  ) : null}
                </div>
                <button type="submit" name="intent" value="accept" disabled={navigation.state === "submitting"}>
                  {t("account.acceptSubmit")}
                </button>
              </Form>
            ) : null}
          </section>
        ) : null}
      </section>

      <section aria-labelledby="items-title" className="account-card">
        <h2 id="items-title">{t("account.items")}</h2>
        <table className="orders-table">
          <thead>
            <tr>
              <th scope="col">{t("account.item")}</th>
              <th scope="col">{t("account.unitPrice")}</th>
              <th scope="col">{t("account.quantity")}</th>
              <th scope="col">{t("account.lineTotal")}</th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item) => (
              <tr key={item.id} data-testid="order-item">
                <th scope="row">
                  {item.handle ? <Link to={`/products/${item.handle}`}>{item.title}</Link> : item.title}
                  {item.variant ? <span className="variant-title">{item.variant}</span> : null}
                </th>
                <td data-label={t("account.unitPrice")}>{money(item.unitPrice)}</td>
                <td data-label={t("account.quantity")}>{item.quantity}</td>
                <td data-label={t("account.lineTotal")}>{money(item.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="totals">
          <dt>{t("account.subtotal")}</dt>
          <dd>{money(order.itemTotal)}</dd>
          <dt>{t("account.shipping")}</dt>
          <dd>{money(order.shippingTotal)}</dd>
          <dt>{t("account.tax")}</dt>
          <dd>{money(order.taxTotal)}</dd>
          <dt>{t("account.grandTotal")}</dt>
          <dd data-testid="order-total">{money(order.total)}</dd>
        </dl>
      </section>

      <div className="account-columns">
        <section aria-labelledby="address-title" className="account-card">
          <h2 id="address-title">{t("account.shippingAddress")}</h2>
          {order.address ? (
            <address data-testid="order-address">
              <strong>{order.address.name}</strong> {order.address.phone}
              <br />
              {order.address.line} {order.address.postalCode}
            </address>
          ) : (
            <p className="empty">{t("account.noAddress")}</p>
          )}
          {order.shippingMethod ? <p className="hint">{order.shippingMethod}</p> : null}
        </section>

        <section aria-labelledby="invoice-title" className="account-card">
          <h2 id="invoice-title">{t("account.invoice")}</h2>
          {invoice ? (
            <dl className="account-facts" data-testid="order-invoice">
              <dt>{t("account.invoiceType")}</dt>
              <dd>{invoice.type === "personal" ? t("account.invoicePersonal") : t("account.invoiceCompany")}</dd>
              {(
                [
                  ["title", "account.invoiceTitle"],
                  ["tax_id", "account.taxId"],
                  ["email", "account.invoiceEmail"],
                  ["address", "account.invoiceAddress"],
                  ["phone", "account.invoicePhone"],
                  ["bank_name", "account.bankName"],
                  ["bank_account", "account.bankAccount"],
                ] as const
              ).map(([key, label]) =>
                invoice[key] ? (
                  <Fragment key={key}>
                    <dt>{t(label)}</dt>
                    <dd>{invoice[key]}</dd>
                  </Fragment>
                ) : null
              )}
            </dl>
          ) : (
            <p className="empty">{t("account.noInvoice")}</p>
          )}
        </section>
      </div>
    </section>
  )
}
