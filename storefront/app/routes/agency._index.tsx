import type { LoaderFunctionArgs } from "@remix-run/node"
import { Form, Link, useLoaderData } from "@remix-run/react"
import { AgencyNav, ComparisonStatusChip, procMeta } from "~/components/Procurement"
import type { Language } from "~/i18n/languages"
import { useTranslation } from "~/i18n/react"
import { formatDateTime, formatMoney } from "~/lib/format"
import { procurementCall, requireAgency, type ComparisonSummary } from "~/lib/procurement.server"

export const meta = procMeta("agency", "agency.queue.title")

const STATUSES = ["submitted", "claimed", "returned", "confirmed"] as const
const PAGE = 20

export async function loader({ request }: LoaderFunctionArgs) {
  const { me, token } = await requireAgency(request)
  const url = new URL(request.url)
  const param = url.searchParams.get("status")
  // Submitted ones first: the queue's default is what waits for the agency.
  const status = param === "all" ? null : (STATUSES as readonly string[]).includes(param ?? "") ? param : "submitted"
  const page = Math.max(1, Math.min(1000, Number(url.searchParams.get("page")) || 1))
  const { comparisons, count } = await procurementCall<{ comparisons: ComparisonSummary[]; count: number }>("/agency/comparisons", {
    token,
    query: { status, limit: PAGE, offset: (page - 1) * PAGE },
  })
  return { agency: me.agency, comparisons, count, status: status ?? "all", page, pages: Math.max(1, Math.ceil(count / PAGE)) }
}

export default function AgencyQueue() {
  const { agency, comparisons, status, page, pages } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  return (
    <section aria-labelledby="queue-title">
      <p className="portal-eyebrow" data-testid="agency-name">
        {t("proc.agency.area")} · {agency.name}
      </p>
      <AgencyNav />
      <h1 id="queue-title">{t("proc.agency.queue.title")}</h1>
      <Form method="get" className="listing-filter inline-form">
        <label htmlFor="status">{t("proc.agency.queue.filter")}</label>
        <select id="status" name="status" defaultValue={status}>
          <option value="all">{t("proc.agency.queue.all")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`proc.org.comparisons.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t("proc.agency.queue.apply")}</button>
      </Form>
      {comparisons.length === 0 ? (
        <p className="empty">{t("proc.agency.queue.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="orders-table" data-testid="agency-queue">
            <thead>
              <tr>
                <th scope="col">{t("proc.org.comparisons.name")}</th>
                <th scope="col">{t("proc.agency.queue.org")}</th>
                <th scope="col">{t("proc.org.comparisons.category")}</th>
                <th scope="col">{t("proc.org.comparisons.quantity")}</th>
                <th scope="col">{t("proc.org.comparisons.lowest")}</th>
                <th scope="col">{t("proc.org.detail.status")}</th>
                <th scope="col">{t("proc.agency.queue.submittedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {comparisons.map((c) => (
                <tr key={c.id} data-testid="queue-row">
                  <td>
                    <Link to={`/agency/comparisons/${c.id}`}>{c.title}</Link>
                  </td>
                  <td>{c.organization?.name ?? "—"}</td>
                  <td>{c.category?.name ?? "—"}</td>
                  <td>{c.quantity}</td>
                  <td>{c.lowest_price === undefined || c.lowest_price === null ? "—" : formatMoney(c.lowest_price, lang)}</td>
                  <td>
                    <ComparisonStatusChip status={c.status} />
                  </td>
                  <td>{formatDateTime(c.submitted_at ?? null, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("proc.agency.queue.title")}>
          {page > 1 ? <Link to={`?status=${status}&page=${page - 1}`}>{t("listing.prev")}</Link> : null}
          <span>{t("listing.page", { page, pages })}</span>
          {page < pages ? <Link to={`?status=${status}&page=${page + 1}`}>{t("listing.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  )
}
