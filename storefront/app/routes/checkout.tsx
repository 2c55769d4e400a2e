import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import { useEffect, useState, type FormEvent } from "react"
import { useTranslation } from "~/i18n/react"
import { z } from "zod"
import { translator } from "~/i18n/i18n.server"
import type { Language } from "~/i18n/languages"
import { CART_FIELDS, retrieveCart } from "~/lib/cart.server"
import { formatMoney } from "~/lib/format"
import { currentCustomer, displayName, localizedMessage } from "~/lib/customer.server"
import { authHeaders, backendMessage, FetchError, medusa } from "~/lib/medusa.server"
import { commitSession, getSession, languageOf } from "~/lib/session.server"
import { PaymentStep } from "~/components/PaymentStep"
import { CARD_PROBLEM_KEYS, cardProblems, methodKind, OFFICIAL_CARD, type CardField, type PaymentMethod } from "~/lib/payment"
import { approvalCleared, apiMessage, cartApproval, ProcurementApiError, storeCall, type CartApproval } from "~/lib/procurement.server"
import { cardRefusal, choosePaymentMethod, paymentMethodsFor, paymentRefusal, paymentTerms, stripePublishableKey } from "~/lib/payment.server"

export const meta: MetaFunction = () => [{ title: "结算 · 现代公物仓" }]

const PICKUP_CODE = "pickup-experience-centre"
const DELIVERY_CODE = "standard-delivery"
// Where pickup orders are addressed (the experience centre), so tax and records stay complete.
const CENTRE_ADDRESS = { province: "四川省", city: "成都", address_1: "天府大道中段 1 号 体验中心 1 层", postal_code: "610041" }

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const cart = await retrieveCart(session.get("cartId"))
  // An empty cart gets the checkout page with a message (not a redirect), so a form posted
  // here without JavaScript shows the action's message too.
  if (!cart || !cart.items?.length) return { empty: true as const }
  const { shipping_options } = await medusa().store.fulfillment.listCartOptions({ cart_id: cart.id })
  const byCode = (code: string) => shipping_options.find((o) => o.type?.code === code)
  const invoice = (cart.metadata?.invoice ?? null) as Record<string, string> | null
  // A logged-in buyer finds their email and name filled in.
  const current = await currentCustomer(session)
  const customer = current?.customer ?? null
  // The payment methods depend on the cart's buyer: a logged-in buyer's cart becomes theirs first.
  if (current && cart.customer_id !== customer!.id) {
    await medusa().store.cart.transferCart(cart.id, { fields: "id" }, authHeaders(current.token)).catch(() => undefined)
  }
  let methods: PaymentMethod[] = []
  let methodsFailed = false
  try {
    methods = await paymentMethodsFor(cart, current?.token)
  } catch {
    methodsFailed = true // the page still renders; placing the order says what is wrong
  }
  // A buyer organisation's member above their limits or the budget: approval (审批) first.
  let approval: CartApproval | null = null
  try {
    approval = await cartApproval(current?.token, cart.id)
  } catch {
    approval = null // the backend checks again when the order is placed
  }
  return {
    empty: false as const,
    approval: approval?.required ? { ...approval, cleared: approvalCleared(approval) } : null,
    approvalRequested: new URL(request.url).searchParams.get("approval") === "requested",
    cart: { total: cart.total, itemTotal: cart.item_total, currency: cart.currency_code, email: cart.email || customer?.email || "" },
    name: customer ? displayName({ ...customer, email: "" }) : "",
    delivery: byCode(DELIVERY_CODE) ? { id: byCode(DELIVERY_CODE)!.id, amount: byCode(DELIVERY_CODE)!.amount } : null,
    pickup: byCode(PICKUP_CODE) ? { id: byCode(PICKUP_CODE)!.id, amount: byCode(PICKUP_CODE)!.amount } : null,
    invoice,
    methods,
    methodsFailed,
    terms: paymentTerms(),
  }
}

type Translate = ReturnType<typeof translator>

function checkoutSchema(t: Translate) {
  const required = (max = 200) => z.string().trim().min(1, t("checkout.required")).max(max)
  return z
    .object({
      email: z.string().trim().email(t("checkout.invalidEmail")),
      phone: z.string().trim().regex(/^1\d{10}$|^[0-9+\-() ]{7,20}$/, t("checkout.invalidPhone")),
      name: required(100),
      fulfilment: z.enum(["delivery", "pickup"], { message: t("checkout.chooseShipping") }),
      province: z.string().trim().max(50).optional(),
      city: z.string().trim().max(50).optional(),
      address_1: z.string().trim().max(200).optional(),
      postal_code: z.string().trim().optional(),
      invoice_type: z.enum(["company", "personal"]),
      payment: z.string({ error: t("payment.choose") }).regex(/^pp_[\w-]{1,120}$/, t("payment.choose")),
      card_holder_name: z.string().max(100).optional(),
      card_last4: z.string().max(100).optional(),
      card_auth_code: z.string().max(100).optional(),
      invoice_title: z.string().trim().min(2, t("checkout.required")).max(100),
      tax_id: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^$|^[0-9A-Z]{15}$|^[0-9A-Z]{17,18}$|^[0-9A-Z]{20}$/, t("checkout.invalidTaxId"))
        .optional(),
    })
    .superRefine((form, ctx) => {
      if (form.fulfilment === "delivery") {
        for (const field of ["province", "city", "address_1"] as const) {
          if (!form[field]) ctx.addIssue({ code: "custom", path: [field], message: t("checkout.required") })
        }
        if (!/^\d{6}$/.test(form.postal_code ?? "")) ctx.addIssue({ code: "custom", path: ["postal_code"], message: t("checkout.invalidPostal") })
      }
      if (form.invoice_type === "company" && !form.tax_id) ctx.addIssue({ code: "custom", path: ["tax_id"], message: t("checkout.required") })
    })
}

type FieldErrors = Partial<Record<string, string>>
type Values = Partial<Record<string, string>>

/** Where the buyer's browser reaches this storefront (for payment services sending them back). */
function storefrontOrigin(request: Request): string {
  return (process.env.STOREFRONT_URL || new URL(request.url).origin).replace(/\/$/, "")
}

/** The backend answers "tax_id: 中文 / English"; show the field's message in the shopper's language. */
function backendFieldError(error: unknown, lang: Language): { field: string; message: string } | null {
  const text = error instanceof FetchError ? error.message : ""
  // Medusa prefixes validation messages ("Invalid request: tax_id: … / …"); several join with "; ".
  const match = /(?:^|[:;] )([a-z_]+): ([^/;]+?)(?: \/ ([^;]+))?(?:;|$)/.exec(text)
  if (!match) return null
  return { field: match[1], message: (lang === "en" ? match[3] : match[2])?.trim() ?? match[2] }
}

export async function action({ request }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = translator(lang)
  const session = await getSession(request)
  const cart = await retrieveCart(session.get("cartId"))
  if (!cart || !cart.items?.length) {
    return data({ formError: t("checkout.emptyCart"), fieldErrors: {} as FieldErrors, values: {} as Values }, { status: 400 })
  }
  const submitted = Object.fromEntries(await request.formData())
  // What was typed comes back with an error, so the page (also without JavaScript) keeps it.
  const values: Values = {}
  for (const [key, value] of Object.entries(submitted)) if (typeof value === "string") values[key] = value.slice(0, 500)
  const fail = (status: number, formError: string, fieldErrors: FieldErrors = {}) => data({ formError, fieldErrors, values }, { status })
  const parsed = checkoutSchema(t).safeParse(submitted)
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {}
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message
    return fail(400, t("checkout.fixErrors"), fieldErrors)
  }
  const form = parsed.data
  const sdk = medusa()
  // Logged in: the cart must be the customer's, so the order lands in their account.
  const token = (await currentCustomer(session))?.token
  const auth = authHeaders(token)
  const kind = methodKind(form.payment)
  // Stripe cards need Stripe.js in the browser, loaded only with a publishable key.
  if (kind === "card" && !stripePublishableKey()) return fail(400, t("payment.unavailable"), { payment: t("payment.unavailable") })
  let stage: "cart" | "payment" | "complete" = "cart"
  try {
    if (token) await sdk.store.cart.transferCart(cart.id, { fields: "id" }, auth)
    const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
    const option = shipping_options.find((o) => o.type?.code === (form.fulfilment === "pickup" ? PICKUP_CODE : DELIVERY_CODE))
    if (!option) return fail(400, t("checkout.chooseShipping"))

    const place = form.fulfilment === "pickup" ? CENTRE_ADDRESS : form
    await sdk.store.cart.update(cart.id, {
      email: form.email,
      shipping_address: {
        first_name: form.name,
        last_name: "",
        phone: form.phone,
        country_code: "cn",
        province: place.province,
        city: place.city,
        address_1: place.address_1,
        postal_code: place.postal_code,
      },
    })
    await sdk.client.fetch(`/store/carts/${cart.id}/invoice`, {
      method: "POST",
      body: { type: form.invoice_type, title: form.invoice_title, ...(form.tax_id ? { tax_id: form.tax_id } : {}), email: form.email },
      // A registered customer's cart: only they may set its invoice details.
      headers: auth,
    })
    await sdk.store.cart.addShippingMethod(cart.id, { option_id: option.id })

    // Approval (审批): the request is made for the cart as it will be ordered (with shipping).
    if (submitted.intent === "request_approval") {
      if (!token) return fail(401, t("checkout.approval.title"))
      try {
        const note = typeof submitted.approval_note === "string" ? submitted.approval_note.trim().slice(0, 1000) : ""
        await storeCall(token, `/store/carts/${encodeURIComponent(cart.id)}/approval-requests`, { json: note ? { note } : {} })
      } catch (error) {
        if (error instanceof ProcurementApiError && error.status < 500) return fail(error.status, apiMessage(error, lang))
        throw error
      }
      return redirect("/checkout?approval=requested")
    }
    const approval = await cartApproval(token, cart.id).catch(() => null)
    if (!approvalCleared(approval)) {
      const reasons = (approval?.reasons ?? []).map((r) => t(`checkout.approval.reasons.${r}`, { defaultValue: r })).join(lang === "en" ? "; " : "；")
      return fail(403, `${t("checkout.approval.intro")} ${reasons}`)
    }
    const { cart: updated } = await sdk.store.cart.retrieve(cart.id, { fields: `${CART_FIELDS},payment_collection.id` })

    stage = "payment"
    const sessionData =
      kind === "official_card"
        ? { holder_name: form.card_holder_name?.trim() ?? "", last4: form.card_last4?.trim() ?? "", auth_code: form.card_auth_code?.trim() ?? "" }
        : kind === "alipay"
          ? { return_url: `${storefrontOrigin(request)}/checkout/pay?returned=1` }
          : undefined
    await choosePaymentMethod(updated, form.payment, sessionData, token)
    // Alipay, WeChat Pay and cards: the buyer pays first (redirect, QR code, or the card in
    // Stripe.js with 3-D Secure), then the order is placed.
    if (kind === "alipay" || kind === "wechat_pay" || kind === "card") return redirect("/checkout/pay")

    stage = "complete"
    const completed = await sdk.store.cart.complete(cart.id, {}, auth)
    if (completed.type !== "order") {
      return fail(400, localizedMessage(completed.error?.message ?? t("errors.serverText"), lang))
    }
    session.unset("cartId")
    return redirect(`/orders/${completed.order.id}/confirmed`, { headers: { "Set-Cookie": await commitSession(session) } })
  } catch (error) {
    if (stage !== "cart") {
      // 公务卡 details the backend refuses: its message at the fields, no order.
      const card = kind === "official_card" && error instanceof FetchError && error.status === 400 ? cardRefusal(error.message, lang) : null
      if (card) return fail(400, t("payment.cardRefused"), Object.keys(card).length ? card : { payment: localizedMessage(error instanceof FetchError ? error.message : "", lang) })
      // A method this buyer may not use (403), or another refusal of the payment step.
      const refusal = paymentRefusal(error, lang)
      if (refusal) {
        const message = refusal.status === 403 ? t("payment.notAllowed", { message: refusal.message }) : refusal.message
        return fail(refusal.status === 403 ? 403 : 400, message, { payment: message })
      }
    }
    const field = backendFieldError(error, lang)
    if (field) return fail(400, t("checkout.fixErrors"), { [field.field]: field.message })
    return fail(400, backendMessage(error))
  }
}

function Field({ name, label, errors, ...input }: { name: string; label: string; errors: FieldErrors } & React.InputHTMLAttributes<HTMLInputElement>) {
  const error = errors[name]
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-error` : undefined} {...input} />
      {error ? <p id={`${name}-error`} className="field-error">{error}</p> : null}
    </div>
  )
}

export default function Checkout() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  if (data.empty) {
    return (
      <section aria-labelledby="checkout-title" className="checkout">
        <h1 id="checkout-title">{t("checkout.title")}</h1>
        <p role="alert" className="form-error">{t("checkout.emptyCart")}</p>
        <p>
          <Link to="/categories">{t("cart.continue")}</Link>
        </p>
      </section>
    )
  }
  return <CheckoutForm {...data} />
}

function ApprovalBox({ approval, requested }: { approval: NonNullable<CheckoutData["approval"]>; requested: boolean }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const request = approval.request
  return (
    <section aria-labelledby="approval-title" className={approval.cleared ? "notice" : "notice-warn"} data-testid="approval-box">
      <h2 id="approval-title">{t("checkout.approval.title")}</h2>
      <p>{t("checkout.approval.intro")}</p>
      <ul data-testid="approval-reasons">
        {approval.reasons.map((reason) => (
          <li key={reason}>{t(`checkout.approval.reasons.${reason}`, { defaultValue: reason })}</li>
        ))}
      </ul>
      {requested ? (
        <p role="status">{t("checkout.approval.requested")}</p>
      ) : null}
      {request ? (
        <p data-testid="approval-state" data-status={request.status}>
          {t("checkout.approval.status")}: <strong>{t(`checkout.approval.states.${request.status}`, { defaultValue: request.status })}</strong>
          {" · "}
          {t("checkout.approval.amount")}: {formatMoney(request.amount, lang, request.currency_code)}
          {" · "}
          {request.status === "approved" && approval.cleared ? t("checkout.approval.approved") : request.status === "pending" ? t("checkout.approval.pending") : request.status === "rejected" ? t("checkout.approval.rejected") : ""}
          {request.comment ? ` ${t("checkout.approval.comment", { comment: request.comment })}` : ""}
        </p>
      ) : null}
    </section>
  )
}

type CheckoutData = Exclude<ReturnType<typeof useLoaderData<typeof loader>>, { empty: true }>

function CheckoutForm({
  approval,
  approvalRequested,
  cart,
  name,
  delivery,
  pickup,
  invoice,
  methods,
  methodsFailed,
  terms,
}: CheckoutData) {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const values: Values = actionData?.values ?? {}
  const [clientErrors, setClientErrors] = useState<FieldErrors>({})
  const errors: FieldErrors = { ...(actionData?.fieldErrors ?? {}), ...clientErrors }
  const [fulfilment, setFulfilment] = useState<"delivery" | "pickup">(values.fulfilment === "pickup" ? "pickup" : "delivery")
  const [invoiceType, setInvoiceType] = useState<"company" | "personal">(
    ((values.invoice_type ?? invoice?.type) as "company" | "personal" | undefined) ?? "company"
  )
  const [payment, setPayment] = useState<string>(
    methods.some((m) => m.id === values.payment) ? values.payment! : (methods[0]?.id ?? "")
  )
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  const value = (key: string, fallback = "") => values[key] ?? fallback

  /** The official card's format, checked before anything is sent (the backend checks again). */
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (payment !== OFFICIAL_CARD) {
      setClientErrors({})
      return
    }
    const form = event.currentTarget
    const read = (field: string) => (form.elements.namedItem(field) as HTMLInputElement | null)?.value ?? ""
    const problems = cardProblems({ holder: read("card_holder_name"), last4: read("card_last4"), authCode: read("card_auth_code") })
    const found: FieldErrors = {}
    for (const [field, problem] of Object.entries(problems)) found[field as CardField] = t(CARD_PROBLEM_KEYS[problem])
    setClientErrors(found)
    const first = Object.keys(found)[0]
    if (first) {
      event.preventDefault()
      ;(form.elements.namedItem(first) as HTMLInputElement | null)?.focus()
    }
  }
  return (
    <section aria-labelledby="checkout-title" className="checkout">
      <h1 id="checkout-title">{t("checkout.title")}</h1>
      {actionData?.formError ? <p role="alert" className="form-error">{actionData.formError}</p> : null}
      {approval ? <ApprovalBox approval={approval} requested={approvalRequested} /> : null}
      <Form method="post" noValidate className="checkout-form" onSubmit={onSubmit}>
        <fieldset>
          <legend>{t("checkout.contact")}</legend>
          <Field name="email" label={t("checkout.email")} type="email" autoComplete="email" defaultValue={value("email", cart.email)} errors={errors} required />
          <Field name="name" label={t("checkout.name")} autoComplete="name" defaultValue={value("name", name)} errors={errors} required />
          <Field name="phone" label={t("checkout.phone")} type="tel" autoComplete="tel" inputMode="tel" defaultValue={value("phone")} errors={errors} required />
        </fieldset>
        <fieldset>
          <legend>{t("checkout.fulfilment")}</legend>
          {delivery ? (
            <label className="choice">
              <input type="radio" name="fulfilment" value="delivery" checked={fulfilment === "delivery"} onChange={() => setFulfilment("delivery")} />
              {t("checkout.delivery")} <span>{formatMoney(delivery.amount, lang)}</span>
            </label>
          ) : null}
          {pickup ? (
            <label className="choice">
              <input type="radio" name="fulfilment" value="pickup" checked={fulfilment === "pickup"} onChange={() => setFulfilment("pickup")} />
              {t("checkout.pickup")} <span>{formatMoney(pickup.amount, lang)}</span>
            </label>
          ) : null}
          {errors.fulfilment ? <p className="field-error">{errors.fulfilment}</p> : null}
          <p className="hint">{t("checkout.pickupAddress")}</p>
        </fieldset>
        {/* Without JavaScript both parts stay visible; the server ignores the address for pickup. */}
        <fieldset hidden={fulfilment === "pickup"}>
          <legend>{t("checkout.address")}</legend>
          <Field name="province" label={t("checkout.province")} autoComplete="address-level1" defaultValue={value("province")} errors={errors} />
          <Field name="city" label={t("checkout.city")} autoComplete="address-level2" defaultValue={value("city")} errors={errors} />
          <Field name="address_1" label={t("checkout.street")} autoComplete="street-address" defaultValue={value("address_1")} errors={errors} />
          <Field name="postal_code" label={t("checkout.postalCode")} autoComplete="postal-code" inputMode="numeric" defaultValue={value("postal_code")} errors={errors} />
        </fieldset>
        <fieldset>
          <legend>{t("checkout.invoice")}</legend>
          <div className="choices">
            <label className="choice">
              <input type="radio" name="invoice_type" value="company" checked={invoiceType === "company"} onChange={() => setInvoiceType("company")} />
              {t("checkout.invoiceCompany")}
            </label>
            <label className="choice">
              <input type="radio" name="invoice_type" value="personal" checked={invoiceType === "personal"} onChange={() => setInvoiceType("personal")} />
              {t("checkout.invoicePersonal")}
            </label>
          </div>
          <Field name="invoice_title" label={t("checkout.invoiceTitle")} defaultValue={value("invoice_title", invoice?.title ?? "")} errors={errors} required />
          <Field name="tax_id" label={t("checkout.taxId")} defaultValue={value("tax_id", invoice?.tax_id ?? "")} errors={errors} autoCapitalize="characters" />
        </fieldset>
        {methodsFailed ? <p className="form-error">{t("payment.unavailable")}</p> : null}
        <PaymentStep
          methods={methods}
          selected={payment}
          onSelect={(id) => {
            setPayment(id)
            setClientErrors({})
          }}
          errors={errors}
          values={values}
          terms={terms}
          hydrated={hydrated}
        />
        <p className="checkout-total">
          {t("checkout.summary")}: <strong data-testid="checkout-total">{formatMoney(cart.total, lang, cart.currency)}</strong>
        </p>
        {approval && !approval.cleared ? (
          // Instead of placing the order: ask the organisation's approvers (not while one is pending).
          approval.request?.status === "pending" ? (
            <p className="hint" data-testid="approval-pending">{t("checkout.approval.pending")}</p>
          ) : (
            <div className="approval-request">
              <div className="field">
                <label htmlFor="approval_note">{t("checkout.approval.note")}</label>
                <textarea id="approval_note" name="approval_note" rows={2} maxLength={1000} />
              </div>
              {approval.request ? <p className="hint">{t("checkout.approval.again")}</p> : null}
              <button type="submit" name="intent" value="request_approval" disabled={navigation.state !== "idle"} data-testid="request-approval">
                {navigation.state !== "idle" && navigation.formData?.get("intent") === "request_approval" ? t("checkout.approval.requesting") : t("checkout.approval.request")}
              </button>
            </div>
          )
        ) : (
          <button type="submit" disabled={navigation.state === "submitting"}>{t("checkout.placeOrder")}</button>
        )}
      </Form>
    </section>
  )
}
