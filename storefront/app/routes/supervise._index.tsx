import { data, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react"
import { Pager, SuperviseNav, superviseMeta } from "~/components/SuperviseArea"
import { useTranslation } from "~/i18n/react"
import type { Language } from "~/i18n/languages"
import { formatDateTime, formatMoney } from "~/lib/format"
import { languageOf } from "~/lib/session.server"
import { apiMessage, APPROVAL_FILTER_KEYS, backendFilters, ORDER_FILTER_KEYS, requireSupervisor, superviseGet, SuperviseApiError } from "~/lib/supervise.server"

export const meta = superviseMeta("dashboard.title")

const PAGE_SIZE = 20
const STATUSES = ["pending", "completed", "canceled", "requires_action", "archived"] as const

interface OrderRow {
  id: string
  display_id: number | null
  created_at: string | null
  status: string
  currency_code: string
  total: number
  organization: { id: string; name: string } | null
  customer: { email: string | null; name: string }
  suppliers: { id: string; name: string }[]
  items: { title: string; quantity: number }[]
}

interface ApprovalRow {
  id: string
  created_at: string | null
  status: "pending" | "approved" | "rejected" | "superseded"
  amount: number
  currency_code: string
  reasons: string[]
  comment: string | null
  organization: { id: string; name: string } | null
  requested_by: { email: string | null }
  decided_by: { email: string | null } | null
}

interface ApprovalsAnswer {
  approval_requests: ApprovalRow[]
  summary: { count: number; total_amount: number; currency_code: string; by_status: Record<string, number> }
}

interface ComparisonRow {
  id: string
  created_at: string | null
  title: string
  status: string
  offer_count: number
  organization: { id: string; name: string }
  agency: { id: string; name: string } | null
  selected_offer: { supplier: { name: string } } | null
  selected_amount: number | null
}

interface ComparisonsAnswer {
  comparisons: ComparisonRow[]
  summary: { count: number; selected_amount: number; currency_code: string; by_status: Record<string, number> }
}

interface OrdersAnswer {
  orders: OrderRow[]
  count: number
  summary: { count: number; total_amount: number; currency_code: string }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { supervisor, token } = await requireSupervisor(request)
  const lang = await languageOf(request)
  const params = new URL(request.url).searchParams
  const filters = Object.fromEntries(ORDER_FILTER_KEYS.map((key) => [key, (params.get(key) ?? "").slice(0, 100)])) as Record<(typeof ORDER_FILTER_KEYS)[number], string>
  const requested = Number(params.get("page") ?? "1")
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1

  const approvalFilters = Object.fromEntries(APPROVAL_FILTER_KEYS.map((key) => [key, filters[key]]))
  const [organizations, suppliers, categories, answer, approvalAnswer, comparisonAnswer] = await Promise.all([
    superviseGet<{ organizations: { id: string; name: string }[] }>("/supervisor/organizations", token, { limit: 500 }),
    superviseGet<{ suppliers: { id: string; name: string }[] }>("/supervisor/suppliers", token, { limit: 500 }),
    superviseGet<{ categories: { id: string; name: string; parent_category_id: string | null }[] }>("/supervisor/categories", token),
    superviseGet<OrdersAnswer>("/supervisor/orders", token, { ...backendFilters(filters), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }).catch((error) => {
      if (error instanceof SuperviseApiError && error.status === 400) return { error: apiMessage(error, lang) }
      throw error
    }),
    superviseGet<ApprovalsAnswer>("/supervisor/approvals", token, { ...backendFilters(approvalFilters), limit: PAGE_SIZE }).catch((error) => {
      if (error instanceof SuperviseApiError && error.status === 400) return null
      throw error
    }),
    superviseGet<ComparisonsAnswer>("/supervisor/comparisons", token, { ...backendFilters(approvalFilters), limit: PAGE_SIZE }).catch((error) => {
      if (error instanceof SuperviseApiError && error.status === 400) return null
      throw error
    }),
  ])
  const failed = "error" in answer ? answer.error : null
  const result: OrdersAnswer = "error" in answer ? { orders: [], count: 0, summary: { count: 0, total_amount: 0, currency_code: "cny" } } : answer
  const csv = new URLSearchParams(Object.entries(filters).filter(([, value]) => value))
  const approvalCsv = new URLSearchParams(Object.entries(approvalFilters).filter(([, value]) => value))
  return data({
    approvals: approvalAnswer ?? { approval_requests: [], summary: { count: 0, total_amount: 0, currency_code: "cny", by_status: {} } },
    comparisons: comparisonAnswer ?? { comparisons: [], summary: { count: 0, selected_amount: 0, currency_code: "cny", by_status: {} } },
    comparisonsCsvHref: `/supervise/comparisons.csv${approvalCsv.size ? `?${approvalCsv.toString()}` : ""}`,
    approvalsCsvHref: `/supervise/approvals.csv${approvalCsv.size ? `?${approvalCsv.toString()}` : ""}`,
    supervisor: { name: supervisor.name, scope: supervisor.scope },
    filters,
    page,
    pages: Math.max(1, Math.ceil(result.count / PAGE_SIZE)),
    error: failed,
    summary: result.summary,
    orders: result.orders,
    csvHref: `/supervise/orders.csv${csv.size ? `?${csv.toString()}` : ""}`,
    organizations: organizations.organizations.map((o) => ({ id: o.id, name: o.name })),
    suppliers: suppliers.suppliers.map((s) => ({ id: s.id, name: s.name })),
    categories: categoryOptions(categories.categories),
  })
}

/** Categories in tree order, each indented under its parent. */
function categoryOptions(categories: { id: string; name: string; parent_category_id: string | null }[]) {
  const children = new Map<string | null, typeof categories>()
  for (const c of categories) children.set(c.parent_category_id, [...(children.get(c.parent_category_id) ?? []), c])
  const known = new Set(categories.map((c) => c.id))
  const out: { id: string; label: string }[] = []
  const walk = (parent: string | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      out.push({ id: c.id, label: `${"　".repeat(depth)}${c.name}` })
      walk(c.id, depth + 1)
    }
  }
  walk(null, 0)
  // Categories whose parent is unknown still show.
  for (const c of categories) if (c.parent_category_id && !known.has(c.parent_category_id)) out.push({ id: c.id, label: c.name })
  return out
}

function Select({ name, label, value, options }: { name: string; label: string; value: string; options: { id: string; label: string }[] }) {
  const { t } = useTranslation()
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value}>
        <option value="">{t("supervise.dashboard.all")}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export default function SuperviseDashboard() {
  const { supervisor, filters, page, pages, error, summary, orders, csvHref, organizations, suppliers, categories, approvals, approvalsCsvHref, comparisons, comparisonsCsvHref } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const navigation = useNavigation()
  const search = new URLSearchParams(Object.entries(filters).filter(([, value]) => value))
  return (
    <section aria-labelledby="supervise-title" className="account supervise">
      <p className="portal-eyebrow">{t("supervise.area.title")}</p>
      <h1 id="supervise-title">{t("supervise.dashboard.title")}</h1>
      <SuperviseNav />
      <p className="account-welcome">
        {t("supervise.dashboard.welcome", { name: supervisor.name })}
        {supervisor.scope ? ` · ${t("supervise.dashboard.scope", { scope: supervisor.scope })}` : ""}
      </p>
      <p className="hint">{t("supervise.dashboard.readOnly")}</p>

      <Form method="get" className="account-card" aria-labelledby="filters-title">
        <h2 id="filters-title">{t("supervise.dashboard.filters")}</h2>
        <div className="supervise-filters">
          <Select name="organization_id" label={t("supervise.dashboard.organization")} value={filters.organization_id} options={organizations.map((o) => ({ id: o.id, label: o.name }))} />
          <Select name="supplier_id" label={t("supervise.dashboard.supplier")} value={filters.supplier_id} options={suppliers.map((s) => ({ id: s.id, label: s.name }))} />
          <Select name="category_id" label={t("supervise.dashboard.category")} value={filters.category_id} options={categories} />
          <Select name="status" label={t("supervise.dashboard.status")} value={filters.status} options={STATUSES.map((s) => ({ id: s, label: t(`supervise.status.${s}`) }))} />
          <div className="field">
            <label htmlFor="filter-from">{t("supervise.dashboard.from")}</label>
            <input id="filter-from" type="date" name="from" defaultValue={filters.from} />
          </div>
          <div className="field">
            <label htmlFor="filter-to">{t("supervise.dashboard.to")}</label>
            <input id="filter-to" type="date" name="to" defaultValue={filters.to} />
          </div>
        </div>
        <div className="supervise-actions">
          <button type="submit" disabled={navigation.state === "loading"}>
            {t("supervise.dashboard.apply")}
          </button>
          <Link to="/supervise">{t("supervise.dashboard.reset")}</Link>
        </div>
      </Form>

      {error ? (
        <p role="alert" className="form-error">
          {t("supervise.dashboard.badFilter", { message: error })}
        </p>
      ) : null}

      <section aria-labelledby="summary-title">
        <h2 id="summary-title">{t("supervise.dashboard.summary")}</h2>
        <dl className="supervise-summary">
          <div>
            <dt>{t("supervise.dashboard.orderCount")}</dt>
            <dd data-testid="summary-count">{summary.count.toLocaleString(lang === "en" ? "en-US" : "zh-CN")}</dd>
          </div>
          <div>
            <dt>{t("supervise.dashboard.totalAmount")}</dt>
            <dd data-testid="summary-total">{formatMoney(summary.total_amount, lang, summary.currency_code)}</dd>
          </div>
        </dl>
        <p className="supervise-actions">
          <a href={csvHref} download className="download-link" data-testid="orders-csv">
            {t("supervise.dashboard.download", { count: summary.count })}
          </a>
          <span className="hint">{t("supervise.dashboard.downloadHint")}</span>
        </p>
      </section>

      <section aria-labelledby="orders-title">
        <h2 id="orders-title">{t("supervise.dashboard.orders")}</h2>
        {orders.length === 0 ? (
          <p>{t("supervise.dashboard.empty")}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="orders-title">
            <table className="supervise-table" data-testid="supervise-orders">
              <thead>
                <tr>
                  <th scope="col">{t("supervise.dashboard.col.order")}</th>
                  <th scope="col">{t("supervise.dashboard.col.placedAt")}</th>
                  <th scope="col">{t("supervise.dashboard.col.organization")}</th>
                  <th scope="col">{t("supervise.dashboard.col.buyer")}</th>
                  <th scope="col">{t("supervise.dashboard.col.suppliers")}</th>
                  <th scope="col">{t("supervise.dashboard.col.items")}</th>
                  <th scope="col">{t("supervise.dashboard.col.total")}</th>
                  <th scope="col">{t("supervise.dashboard.col.status")}</th>
                </tr>
              </thead>
              <tbody>
                {orders.map((order) => (
                  <tr key={order.id} data-order-id={order.id}>
                    <th scope="row">#{order.display_id}</th>
                    <td>{formatDateTime(order.created_at, lang)}</td>
                    <td>{order.organization?.name ?? "—"}</td>
                    <td>
                      {order.customer.name || "—"}
                      <br />
                      <span className="hint">{order.customer.email}</span>
                    </td>
                    <td>{order.suppliers.map((s) => s.name).join("、") || "—"}</td>
                    <td>{order.items.map((item) => `${item.title} × ${item.quantity}`).join("；")}</td>
                    <td className="amount">{formatMoney(order.total, lang, order.currency_code)}</td>
                    <td>{t(`supervise.status.${order.status}`, { defaultValue: order.status })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={page} pages={pages} search={search} />
      </section>
      <section aria-labelledby="comparisons-title">
        <h2 id="comparisons-title">{t("supervise.comparisons.title")}</h2>
        <p className="hint">{t("supervise.comparisons.intro")}</p>
        <dl className="supervise-summary">
          <div>
            <dt>{t("supervise.comparisons.count")}</dt>
            <dd data-testid="comparisons-count">{comparisons.summary.count}</dd>
          </div>
          <div>
            <dt>{t("supervise.comparisons.amount")}</dt>
            <dd>{formatMoney(comparisons.summary.selected_amount, lang, comparisons.summary.currency_code)}</dd>
          </div>
          <div>
            <dt>{t("supervise.approvals.byStatus")}</dt>
            <dd className="status-counts">
              {(["draft", "submitted", "claimed", "returned", "confirmed", "ordered"] as const).map((s) => `${t(`supervise.comparisons.status.${s}`)} ${comparisons.summary.by_status[s] ?? 0}`).join(" · ")}
            </dd>
          </div>
        </dl>
        <p className="supervise-actions">
          <a href={comparisonsCsvHref} download className="download-link" data-testid="comparisons-csv">
            {t("supervise.dashboard.download", { count: comparisons.summary.count })}
          </a>
        </p>
        {comparisons.comparisons.length === 0 ? (
          <p>{t("supervise.comparisons.empty")}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="comparisons-title">
            <table className="supervise-table" data-testid="supervise-comparisons">
              <thead>
                <tr>
                  <th scope="col">{t("supervise.comparisons.col.createdAt")}</th>
                  <th scope="col">{t("supervise.comparisons.col.organization")}</th>
                  <th scope="col">{t("supervise.comparisons.col.title")}</th>
                  <th scope="col">{t("supervise.comparisons.col.offers")}</th>
                  <th scope="col">{t("supervise.comparisons.col.selected")}</th>
                  <th scope="col">{t("supervise.comparisons.col.amount")}</th>
                  <th scope="col">{t("supervise.comparisons.col.agency")}</th>
                  <th scope="col">{t("supervise.comparisons.col.status")}</th>
                </tr>
              </thead>
              <tbody>
                {comparisons.comparisons.map((c) => (
                  <tr key={c.id} data-comparison-id={c.id}>
                    <td>{formatDateTime(c.created_at, lang)}</td>
                    <td>{c.organization.name}</td>
                    <td>{c.title}</td>
                    <td>{c.offer_count}</td>
                    <td>{c.selected_offer?.supplier.name ?? "—"}</td>
                    <td className="amount">{c.selected_amount === null ? "—" : formatMoney(c.selected_amount, lang, "cny")}</td>
                    <td>{c.agency?.name ?? "—"}</td>
                    <td>{t(`supervise.comparisons.status.${c.status}`, { defaultValue: c.status })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="approvals-title">
        <h2 id="approvals-title">{t("supervise.approvals.title")}</h2>
        <p className="hint">{t("supervise.approvals.intro")}</p>
        <dl className="supervise-summary">
          <div>
            <dt>{t("supervise.approvals.count")}</dt>
            <dd data-testid="approvals-count">{approvals.summary.count}</dd>
          </div>
          <div>
            <dt>{t("supervise.approvals.amount")}</dt>
            <dd>{formatMoney(approvals.summary.total_amount, lang, approvals.summary.currency_code)}</dd>
          </div>
          <div>
            <dt>{t("supervise.approvals.byStatus")}</dt>
            <dd className="status-counts">
              {(["pending", "approved", "rejected", "superseded"] as const).map((s) => `${t(`supervise.approvals.status.${s}`)} ${approvals.summary.by_status[s] ?? 0}`).join(" · ")}
            </dd>
          </div>
        </dl>
        <p className="supervise-actions">
          <a href={approvalsCsvHref} download className="download-link" data-testid="approvals-csv">
            {t("supervise.dashboard.download", { count: approvals.summary.count })}
          </a>
        </p>
        {approvals.approval_requests.length === 0 ? (
          <p>{t("supervise.approvals.empty")}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="approvals-title">
            <table className="supervise-table" data-testid="supervise-approvals">
              <thead>
                <tr>
                  <th scope="col">{t("supervise.approvals.col.requestedAt")}</th>
                  <th scope="col">{t("supervise.approvals.col.organization")}</th>
                  <th scope="col">{t("supervise.approvals.col.requestedBy")}</th>
                  <th scope="col">{t("supervise.approvals.col.amount")}</th>
                  <th scope="col">{t("supervise.approvals.col.reasons")}</th>
                  <th scope="col">{t("supervise.approvals.col.status")}</th>
                  <th scope="col">{t("supervise.approvals.col.decidedBy")}</th>
                  <th scope="col">{t("supervise.approvals.col.comment")}</th>
                </tr>
              </thead>
              <tbody>
                {approvals.approval_requests.map((r) => (
                  <tr key={r.id} data-approval-id={r.id}>
                    <td>{formatDateTime(r.created_at, lang)}</td>
                    <td>{r.organization?.name ?? "—"}</td>
                    <td>{r.requested_by.email ?? "—"}</td>
                    <td className="amount">{formatMoney(r.amount, lang, r.currency_code)}</td>
                    <td>{r.reasons.map((reason) => t(`supervise.approvals.reasons.${reason}`, { defaultValue: reason })).join("、")}</td>
                    <td>{t(`supervise.approvals.status.${r.status}`, { defaultValue: r.status })}</td>
                    <td>{r.decided_by?.email ?? "—"}</td>
                    <td>{r.comment ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  )
}
