import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react"
import { z } from "zod"
import { ApprovalStatusChip, procMeta } from "~/components/Procurement"
import type { Language } from "~/i18n/languages"
import { useTranslation } from "~/i18n/react"
import { formatDateTime, formatMoney } from "~/lib/format"
import { apiMessage, ProcurementApiError, procurementTranslator, requireMember, storeCall, type ApprovalRequest } from "~/lib/procurement.server"
import { languageOf } from "~/lib/session.server"

export const meta = procMeta("org", "org.approvals.title")

const STATUSES = ["pending", "approved", "rejected"] as const
const PAGE = 20

export async function loader({ request }: LoaderFunctionArgs) {
  const { token, membership } = await requireMember(request)
  const url = new URL(request.url)
  const param = url.searchParams.get("status") ?? "pending"
  const status = (STATUSES as readonly string[]).includes(param) ? param : null
  const page = Math.max(1, Math.min(1000, Number(url.searchParams.get("page")) || 1))
  const { approval_requests, count } = await storeCall<{ approval_requests: ApprovalRequest[]; count: number }>(token, "/store/organizations/me/approvals", {
    query: { status, limit: PAGE, offset: (page - 1) * PAGE },
  })
  const role = membership.member.role
  return { requests: approval_requests, count, status: status ?? "all", canDecide: role === "approver" || role === "admin", page, pages: Math.max(1, Math.ceil(count / PAGE)) }
}

export async function action({ request }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = procurementTranslator(lang)
  const { token } = await requireMember(request)
  const parsed = z
    .object({ id: z.string().regex(/^[A-Za-z0-9_]{1,80}$/), intent: z.enum(["approve", "reject"]), comment: z.string().trim().max(2000).optional() })
    .safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ formError: t("account.fixErrors"), id: null as string | null }, { status: 400 })
  const { id, intent, comment } = parsed.data
  if (intent === "reject" && !comment) return data({ formError: t("proc.org.approvals.commentRequired"), id }, { status: 400 })
  try {
    await storeCall(token, `/store/organizations/me/approvals/${encodeURIComponent(id)}/${intent}`, { json: comment ? { comment } : {} })
  } catch (error) {
    if (error instanceof ProcurementApiError && error.status < 500) return data({ formError: apiMessage(error, lang), id }, { status: error.status })
    throw error
  }
  return redirect(`/org/approvals?done=${intent}`)
}

export default function Approvals() {
  const { requests, status, canDecide, page, pages } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const done = searchParams.get("done")
  const busyId = navigation.state !== "idle" ? navigation.formData?.get("id") : null
  return (
    <section aria-labelledby="approvals-title">
      <h1 id="approvals-title">{t("proc.org.approvals.title")}</h1>
      {done === "approve" || done === "reject" ? (
        <p role="status" className="notice">
          {t(done === "approve" ? "proc.org.approvals.approved" : "proc.org.approvals.rejected")}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p role="alert" className="form-error">
          {actionData.formError}
        </p>
      ) : null}
      <Form method="get" className="listing-filter inline-form">
        <label htmlFor="status">{t("proc.org.approvals.filter")}</label>
        <select id="status" name="status" defaultValue={status}>
          <option value="all">{t("proc.org.approvals.all")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`proc.org.approvals.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t("proc.org.approvals.apply")}</button>
      </Form>
      {requests.length === 0 ? (
        <p className="empty">{t("proc.org.approvals.empty")}</p>
      ) : (
        <ul className="approval-list" data-testid="approvals">
          {requests.map((r) => (
            <li key={r.id} className="account-card" data-testid="approval" data-id={r.id}>
              <dl className="account-facts">
                <dt>{t("proc.org.approvals.requester")}</dt>
                <dd>{r.requested_by?.email}</dd>
                <dt>{t("proc.org.approvals.amount")}</dt>
                <dd>{formatMoney(r.amount, lang, r.currency_code)}</dd>
                <dt>{t("proc.org.approvals.reasons")}</dt>
                <dd>{r.reasons.map((reason) => t(`proc.org.approvals.reason.${reason}`, { defaultValue: reason })).join(lang === "en" ? "; " : "；")}</dd>
                {r.note ? (
                  <>
                    <dt>{t("proc.org.approvals.note")}</dt>
                    <dd>{r.note}</dd>
                  </>
                ) : null}
                <dt>{t("proc.org.approvals.createdAt")}</dt>
                <dd>{formatDateTime(r.created_at, lang)}</dd>
                <dt>{t("proc.org.detail.status")}</dt>
                <dd>
                  <ApprovalStatusChip status={r.status} />
                  {r.decided_by ? ` ${t("proc.org.approvals.decidedBy", { who: r.decided_by.email, at: formatDateTime(r.decided_at, lang) })}` : ""}
                  {r.comment ? ` — ${r.comment}` : ""}
                </dd>
              </dl>
              {canDecide && r.status === "pending" ? (
                <Form method="post" className="account-form decide-form" aria-busy={busyId === r.id || undefined}>
                  <input type="hidden" name="id" value={r.id} />
                  <div className="field">
                    <label htmlFor={`comment-${r.id}`}>{t("proc.org.approvals.comment")}</label>
                    <textarea id={`comment-${r.id}`} name="comment" rows={2} maxLength={2000} aria-describedby={`comment-${r.id}-hint`} />
                    <p id={`comment-${r.id}-hint`} className="hint">
                      {t("proc.org.approvals.commentHint")}
                    </p>
                  </div>
                  <p className="chip-row">
                    <button type="submit" name="intent" value="approve" disabled={busyId === r.id}>
                      {t("proc.org.approvals.approve")}
                    </button>
                    <button type="submit" name="intent" value="reject" className="button-danger" disabled={busyId === r.id}>
                      {t("proc.org.approvals.reject")}
                    </button>
                  </p>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("proc.org.approvals.title")}>
          <span>{t("listing.page", { page, pages })}</span>
        </nav>
      ) : null}
    </section>
  )
}
