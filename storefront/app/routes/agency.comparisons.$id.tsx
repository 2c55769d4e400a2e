import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react"
import { z } from "zod"
import { AgencyNav, ComparisonStatusChip, OfferTable, procMeta, ReviewHistory } from "~/components/Procurement"
import type { Language } from "~/i18n/languages"
import { useTranslation } from "~/i18n/react"
import { formatDateTime } from "~/lib/format"
import { apiMessage, comparisonForPage, isStatus, ProcurementApiError, procurementCall, procurementTranslator, requireAgency, type Comparison } from "~/lib/procurement.server"
import { languageOf } from "~/lib/session.server"

export const meta = procMeta("agency", "agency.queue.title")

const Id = z.string().regex(/^[A-Za-z0-9_]{1,80}$/)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireAgency(request)
  const id = params.id ?? ""
  if (!Id.safeParse(id).success) throw new Response("Not found", { status: 404 })
  let comparison: Comparison
  try {
    ;({ comparison } = await procurementCall<{ comparison: Comparison }>(`/agency/comparisons/${encodeURIComponent(id)}`, { token }))
  } catch (error) {
    if (isStatus(error, 404, 400)) throw new Response("Not found", { status: 404 })
    throw error
  }
  return { comparison: comparisonForPage(comparison) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = procurementTranslator(lang)
  const { token } = await requireAgency(request)
  const id = params.id ?? ""
  if (!Id.safeParse(id).success) throw new Response("Not found", { status: 404 })
  const form = Object.fromEntries(await request.formData())
  const intent = form.intent
  const comment = typeof form.comment === "string" ? form.comment.trim().slice(0, 2000) : ""
  if (intent !== "claim" && intent !== "confirm" && intent !== "return") return data({ formError: t("account.fixErrors"), fieldErrors: {} as Record<string, string> }, { status: 400 })
  if (intent === "return" && !comment) {
    return data({ formError: t("proc.agency.review.returnRequired"), fieldErrors: { return_comment: t("proc.agency.review.returnRequired") } as Record<string, string> }, { status: 400 })
  }
  try {
    await procurementCall(`/agency/comparisons/${encodeURIComponent(id)}/${intent}`, { token, json: intent === "claim" ? {} : comment ? { comment } : {} })
  } catch (error) {
    if (isStatus(error, 404)) throw new Response("Not found", { status: 404 })
    if (error instanceof ProcurementApiError && error.status < 500) return data({ formError: apiMessage(error, lang), fieldErrors: {} as Record<string, string> }, { status: error.status })
    throw error
  }
  return redirect(`/agency/comparisons/${id}?done=${intent}`)
}

export default function AgencyReview() {
  const { comparison } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const busy = navigation.state !== "idle" ? navigation.formData?.get("intent") : null
  const done = searchParams.get("done")
  const errors = actionData?.fieldErrors ?? {}
  const selected = comparison.offers.find((o) => o.id === comparison.selected_offer_id) ?? null
  return (
    <section aria-labelledby="review-title" className="comparison-detail agency-review">
      <AgencyNav />
      <h1 id="review-title">{comparison.title}</h1>
      {done === "claim" || done === "confirm" || done === "return" ? (
        <p role="status" className="notice" data-testid="review-notice">
          {t(`proc.agency.review.${done === "claim" ? "claimed" : done === "confirm" ? "confirmed" : "returned"}`)}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p role="alert" className="form-error">
          {actionData.formError}
        </p>
      ) : null}
      <dl className="account-facts">
        <dt>{t("proc.agency.review.org")}</dt>
        <dd>{comparison.organization?.name ?? "—"}</dd>
        <dt>{t("proc.org.detail.status")}</dt>
        <dd>
          <ComparisonStatusChip status={comparison.status} />
        </dd>
        <dt>{t("proc.org.detail.category")}</dt>
        <dd>{comparison.category?.name ?? comparison.category_id}</dd>
        <dt>{t("proc.org.detail.quantity")}</dt>
        <dd>{comparison.quantity}</dd>
        {comparison.required_specs ? (
          <>
            <dt>{t("proc.org.detail.requiredSpecs")}</dt>
            <dd>{comparison.required_specs}</dd>
          </>
        ) : null}
        {selected ? (
          <>
            <dt>{t("proc.agency.review.selection")}</dt>
            <dd data-testid="selection">
              {selected.supplier.name} · {selected.title}
              {comparison.selection_reason ? `：${comparison.selection_reason}` : ""}
            </dd>
          </>
        ) : null}
        {comparison.serial ? (
          <>
            <dt>{t("proc.org.detail.serial")}</dt>
            <dd data-testid="report-serial">{comparison.serial}</dd>
          </>
        ) : null}
      </dl>

      <h2>{t("proc.org.detail.sideBySide")}</h2>
      <OfferTable offers={comparison.offers} quantity={comparison.quantity} selectedId={comparison.selected_offer_id} />

      {comparison.status === "submitted" ? (
        <Form method="post" className="account-form" aria-busy={busy === "claim" || undefined}>
          <p className="hint">{t("proc.agency.review.claimFirst")}</p>
          <button type="submit" name="intent" value="claim" disabled={Boolean(busy)} data-testid="claim">
            {busy === "claim" ? t("proc.agency.review.working") : t("proc.agency.review.claim")}
          </button>
        </Form>
      ) : null}
      {comparison.status === "claimed" ? (
        <div className="account-columns review-forms">
          <Form method="post" className="account-form" aria-busy={busy === "confirm" || undefined}>
            <h2>{t("proc.agency.review.confirm")}</h2>
            <div className="field">
              <label htmlFor="confirm-comment">{t("proc.agency.review.confirmComment")}</label>
              <textarea id="confirm-comment" name="comment" rows={3} maxLength={2000} />
            </div>
            <button type="submit" name="intent" value="confirm" disabled={Boolean(busy)} data-testid="confirm">
              {busy === "confirm" ? t("proc.agency.review.working") : t("proc.agency.review.confirm")}
            </button>
          </Form>
          <Form method="post" noValidate className="account-form" aria-busy={busy === "return" || undefined}>
            <h2>{t("proc.agency.review.return")}</h2>
            <div className="field">
              <label htmlFor="return-comment">{t("proc.agency.review.returnComment")}</label>
              <textarea
                id="return-comment"
                name="comment"
                rows={3}
                maxLength={2000}
                required
                aria-invalid={errors.return_comment ? true : undefined}
                aria-describedby={errors.return_comment ? "return-comment-error" : undefined}
              />
              {errors.return_comment ? (
                <p id="return-comment-error" className="field-error">
                  {errors.return_comment}
                </p>
              ) : null}
            </div>
            <button type="submit" name="intent" value="return" className="button-danger" disabled={Boolean(busy)} data-testid="return">
              {busy === "return" ? t("proc.agency.review.working") : t("proc.agency.review.return")}
            </button>
          </Form>
        </div>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("proc.org.detail.history")}</h2>
        <ReviewHistory reviews={comparison.reviews.map((r) => ({ ...r, atText: formatDateTime(r.at, lang) }))} />
      </section>
      <p>
        <Link to="/agency">{t("proc.agency.nav.queue")}</Link>
      </p>
    </section>
  )
}
