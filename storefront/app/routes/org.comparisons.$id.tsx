import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import { z } from "zod"
import { ComparisonStatusChip, OfferTable, procMeta, ReviewHistory } from "~/components/Procurement"
import type { Language } from "~/i18n/languages"
import { useTranslation } from "~/i18n/react"
import { formatDateTime, formatMoney } from "~/lib/format"
import {
  apiMessage,
  isStatus,
  ProcurementApiError,
  procurementTranslator,
  requireMember,
  loadComparison,
  comparisonForPage,
  setSessionCart,
  storeCall,
  type Comparison,
} from "~/lib/procurement.server"
import { commitSession, languageOf } from "~/lib/session.server"

export const meta = procMeta("org", "org.comparisons.title")

const Id = z.string().regex(/^[A-Za-z0-9_]{1,80}$/)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireMember(request)
  const comparison = await loadComparison(token, params.id ?? "")
  const editable = comparison.status === "draft" || comparison.status === "returned"
  let agencies: { id: string; name: string }[] = []
  if (editable) agencies = (await storeCall<{ agencies: { id: string; name: string }[] }>(token, "/store/agencies")).agencies
  const url = new URL(request.url)
  return {
    comparison: comparisonForPage(comparison),
    agencies,
    editable,
    notice: url.searchParams.get("submitted") ? "submitted" : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = procurementTranslator(lang)
  const { token, session } = await requireMember(request)
  const id = params.id ?? ""
  if (!Id.safeParse(id).success) throw new Response("Not found", { status: 404 })
  const form = Object.fromEntries(await request.formData())
  const path = `/store/comparisons/${encodeURIComponent(id)}`
  const fail = (error: unknown) => {
    if (error instanceof ProcurementApiError && error.status === 404) throw new Response("Not found", { status: 404 })
    if (error instanceof ProcurementApiError && error.status < 500) return data({ formError: apiMessage(error, lang), fieldErrors: {} as Record<string, string> }, { status: error.status })
    throw error
  }
  if (form.intent === "order") {
    let cart: { id: string }
    try {
      ;({ cart } = await storeCall<{ cart: { id: string } }>(token, `${path}/order`, { method: "POST", json: {} }))
    } catch (error) {
      return fail(error)
    }
    setSessionCart(session, cart.id)
    return redirect("/checkout", { headers: { "Set-Cookie": await commitSession(session) } })
  }
  // Submitting (or resubmitting) for review.
  const fieldErrors: Record<string, string> = {}
  const selected = typeof form.selected_offer_id === "string" ? form.selected_offer_id : ""
  const reason = typeof form.reason === "string" ? form.reason.trim().slice(0, 2000) : ""
  const agency = typeof form.agency_id === "string" ? form.agency_id : ""
  if (!Id.safeParse(selected).success) fieldErrors.selected_offer_id = t("proc.org.detail.needOffer")
  if (!reason) fieldErrors.reason = t("proc.org.detail.needReason")
  if (!Id.safeParse(agency).success) fieldErrors.agency_id = t("proc.org.detail.needAgency")
  if (Object.keys(fieldErrors).length) return data({ formError: Object.values(fieldErrors)[0], fieldErrors }, { status: 400 })
  try {
    await storeCall(token, `${path}/submit`, { json: { selected_offer_id: selected, reason, agency_id: agency } })
  } catch (error) {
    return fail(error)
  }
  return redirect(`/org/comparisons/${id}?submitted=1`)
}

export default function ComparisonDetail() {
  const { comparison, agencies, editable, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const busy = navigation.state !== "idle" ? navigation.formData?.get("intent") : null
  const errors = actionData?.fieldErrors ?? {}
  const selected = comparison.offers.find((o) => o.id === comparison.selected_offer_id) ?? null
  const lastReturn = [...comparison.reviews].reverse().find((r) => r.action === "returned")
  const lockedOk = comparison.prices_locked_until ? new Date(comparison.prices_locked_until).getTime() > Date.now() : true
  return (
    <section aria-labelledby="comparison-title" className="comparison-detail">
      <h1 id="comparison-title">{comparison.title}</h1>
      {notice === "submitted" ? (
        <p role="status" className="notice">
          {t("proc.org.detail.submitted")}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p role="alert" className="form-error">
          {actionData.formError}
        </p>
      ) : null}
      <dl className="account-facts">
        <dt>{t("proc.org.detail.status")}</dt>
        <dd>
          <ComparisonStatusChip status={comparison.status} />
        </dd>
        <dt>{t("proc.org.detail.category")}</dt>
        <dd>{comparison.category?.name ?? comparison.category_id}</dd>
        <dt>{t("proc.org.detail.quantity")}</dt>
        <dd data-testid="comparison-quantity">{comparison.quantity}</dd>
        {comparison.required_specs ? (
          <>
            <dt>{t("proc.org.detail.requiredSpecs")}</dt>
            <dd>{comparison.required_specs}</dd>
          </>
        ) : null}
        {comparison.agency ? (
          <>
            <dt>{t("proc.org.detail.agency")}</dt>
            <dd>{comparison.agency.name}</dd>
          </>
        ) : null}
        {selected && comparison.selection_reason ? (
          <>
            <dt>{t("proc.org.detail.reasonLabel")}</dt>
            <dd data-testid="selection-reason">
              {selected.supplier.name}：{comparison.selection_reason}
            </dd>
          </>
        ) : null}
      </dl>
      {comparison.status === "returned" && lastReturn ? (
        <div className="notice-warn" role="status" data-testid="returned-notice">
          <p>{t("proc.org.detail.returnedNotice")}</p>
          {lastReturn.comment ? <p>{lastReturn.comment}</p> : null}
        </div>
      ) : null}

      <h2>{t("proc.org.detail.sideBySide")}</h2>
      {editable ? (
        <p>
          <Link to={`/org/comparisons/new?comparison=${comparison.id}`} data-testid="edit-offers">
            {t("proc.org.detail.editOffers")}
          </Link>
        </p>
      ) : null}
      <OfferTable offers={comparison.offers} quantity={comparison.quantity} selectedId={comparison.selected_offer_id} chooseForm={editable ? "submit-form" : undefined} />

      {editable ? (
        <Form method="post" id="submit-form" noValidate className="account-form submit-form" aria-busy={busy === "submit" || undefined}>
          <h2>{t("proc.org.detail.choose")}</h2>
          {errors.selected_offer_id ? <p className="field-error">{errors.selected_offer_id}</p> : null}
          <div className="field">
            <label htmlFor="reason">{t("proc.org.detail.reason")}</label>
            <textarea
              id="reason"
              name="reason"
              rows={3}
              required
              maxLength={2000}
              defaultValue={comparison.selection_reason ?? ""}
              aria-describedby={errors.reason ? "reason-hint reason-error" : "reason-hint"}
              aria-invalid={errors.reason ? true : undefined}
            />
            <p id="reason-hint" className="hint">
              {t("proc.org.detail.reasonHint")}
            </p>
            {errors.reason ? (
              <p id="reason-error" className="field-error">
                {errors.reason}
              </p>
            ) : null}
          </div>
          {agencies.length ? (
            <div className="field">
              <label htmlFor="agency_id">{t("proc.org.detail.agencyChoose")}</label>
              <select id="agency_id" name="agency_id" required defaultValue={comparison.agency?.id ?? (agencies.length === 1 ? agencies[0].id : "")} aria-invalid={errors.agency_id ? true : undefined}>
                <option value="" disabled>
                  {t("proc.org.detail.needAgency")}
                </option>
                {agencies.map((agency) => (
                  <option key={agency.id} value={agency.id}>
                    {agency.name}
                  </option>
                ))}
              </select>
              {errors.agency_id ? <p className="field-error">{errors.agency_id}</p> : null}
            </div>
          ) : (
            <p className="notice-warn">{t("proc.org.detail.noAgencies")}</p>
          )}
          <button type="submit" name="intent" value="submit" disabled={busy === "submit" || !agencies.length} data-testid="submit-comparison">
            {busy === "submit" ? t("proc.org.detail.submitting") : comparison.status === "returned" ? t("proc.org.detail.resubmit") : t("proc.org.detail.submit")}
          </button>
        </Form>
      ) : null}

      {comparison.report ? (
        <section aria-labelledby="report-title" className="account-card report-box">
          <h2 id="report-title">{t("proc.org.detail.report")}</h2>
          <dl className="account-facts">
            <dt>{t("proc.org.detail.serial")}</dt>
            <dd data-testid="report-serial">{comparison.serial}</dd>
            <dt>{t("proc.org.detail.sha256")}</dt>
            <dd className="hash">
              <code>{comparison.report.sha256}</code>
            </dd>
            {comparison.prices_locked_until ? (
              <>
                <dt>{t("proc.org.detail.lockedUntil")}</dt>
                <dd>{formatDateTime(comparison.prices_locked_until, lang)}</dd>
              </>
            ) : null}
          </dl>
          <p>
            <a href={`/org/comparisons/${comparison.id}/report`} className="button" download data-testid="report-download">
              {t("proc.org.detail.download")}
            </a>{" "}
            <a href={comparison.report.verify_url}>{t("proc.org.detail.verify")}</a>
          </p>
        </section>
      ) : null}

      {comparison.status === "confirmed" && lockedOk && selected ? (
        <Form method="post" className="order-form" aria-busy={busy === "order" || undefined}>
          <p className="hint">{t("proc.org.detail.orderHint")}</p>
          <p>
            {selected.supplier.name} · {selected.title} × {comparison.quantity} = {formatMoney(Math.round(selected.unit_price * comparison.quantity * 100) / 100, lang, selected.currency_code)}
          </p>
          <button type="submit" name="intent" value="order" disabled={busy === "order"} data-testid="order-comparison">
            {busy === "order" ? t("proc.org.detail.ordering") : t("proc.org.detail.order")}
          </button>
        </Form>
      ) : null}
      {comparison.order_id ? (
        <p className="notice" role="status">
          {t("proc.org.detail.ordered")} <Link to={`/account/orders/${comparison.order_id}`}>{t("proc.org.detail.viewOrder")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("proc.org.detail.history")}</h2>
        <ReviewHistory reviews={comparison.reviews.map((r) => ({ ...r, atText: formatDateTime(r.at, lang) }))} />
      </section>
    </section>
  )
}
