import type { LoaderFunctionArgs } from "@remix-run/node"
import { Form, Link, useLoaderData } from "@remix-run/react"
import { ComparisonStatusChip, procMeta } from "~/components/Procurement"
import type { Language } from "~/i18n/languages"
import { useTranslation } from "~/i18n/react"
import { formatDateTime, formatMoney } from "~/lib/format"
import { COMPARISON_STATUSES, type ComparisonStatus } from "~/lib/procurement"
import { requireMember, storeCall, type ComparisonSummary } from "~/lib/procurement.server"

export const meta = procMeta("org", "org.comparisons.title")

const PAGE = 20

export async function loader({ request }: LoaderFunctionArgs) {
  const { token } = await requireMember(request)
  const url = new URL(request.url)
  const statusParam = url.searchParams.get("status") ?? ""
  const status = (COMPARISON_STATUSES as string[]).includes(statusParam) ? (statusParam as ComparisonStatus) : null
  const page = Math.max(1, Math.min(1000, Number(url.searchParams.get("page")) || 1))
  const { comparisons, count } = await storeCall<{ comparisons: ComparisonSummary[]; count: number }>(token, "/store/comparisons", {
    query: { status, limit: PAGE, offset: (page - 1) * PAGE },
  })
  return { comparisons, count, status, page, pages: Math.max(1, Math.ceil(count / PAGE)) }
}

export default function ComparisonList() {
  const { comparisons, status, page, pages } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  return (
    <section aria-labelledby="comparisons-title">
      <h1 id="comparisons-title">{t("proc.org.comparisons.title")}</h1>
      <p className="hint">{t("proc.org.comparisons.intro")}</p>
      <p>
        <Link to="/org/comparisons/new" className="button" data-testid="new-comparison">
          {t("proc.org.comparisons.new")}
        </Link>
      </p>
      <Form method="get" className="listing-filter inline-form">
        <label htmlFor="status">{t("proc.org.comparisons.filter")}</label>
        <select id="status" name="status" defaultValue={status ?? ""}>
          <option value="">{t("proc.org.comparisons.all")}</option>
          {COMPARISON_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`proc.org.comparisons.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t("proc.org.comparisons.apply")}</button>
      </Form>
      {comparisons.length === 0 ? (
        <p className="empty">{t("proc.org.comparisons.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="orders-table" data-testid="comparison-list">
            <thead>
              <tr>
                <th scope="col">{t("proc.org.comparisons.name")}</th>
                <th scope="col">{t("proc.org.comparisons.category")}</th>
                <th scope="col">{t("proc.org.comparisons.quantity")}</th>
                <th scope="col">{t("proc.org.comparisons.lowest")}</th>
                <th scope="col">{t("proc.org.comparisons.agency")}</th>
                <th scope="col">{t("proc.org.detail.status")}</th>
                <th scope="col">{t("proc.org.comparisons.created")}</th>
              </tr>
            </thead>
            <tbody>
              {comparisons.map((c) => (
                <tr key={c.id} data-testid="comparison-row">
                  <td>
                    <Link to={`/org/comparisons/${c.id}`}>{c.title}</Link>
                  </td>
                  <td>{c.category?.name ?? "—"}</td>
                  <td>{c.quantity}</td>
                  <td>{c.lowest_price === undefined || c.lowest_price === null ? "—" : formatMoney(c.lowest_price, lang)}</td>
                  <td>{c.agency?.name ?? "—"}</td>
                  <td>
                    <ComparisonStatusChip status={c.status} />
                  </td>
                  <td>{formatDateTime(c.created_at ?? null, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("proc.org.comparisons.title")}>
          {page > 1 ? <Link to={`?${new URLSearchParams({ ...(status ? { status } : {}), page: String(page - 1) })}`}>{t("listing.prev")}</Link> : null}
          <span>{t("listing.page", { page, pages })}</span>
          {page < pages ? <Link to={`?${new URLSearchParams({ ...(status ? { status } : {}), page: String(page + 1) })}`}>{t("listing.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  )
}
