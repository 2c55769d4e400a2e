import { data, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, Link, useLoaderData } from "@remix-run/react"
import { Pager, SuperviseNav, superviseMeta } from "~/components/SuperviseArea"
import { useTranslation } from "~/i18n/react"
import type { Language } from "~/i18n/languages"
import { formatDateTime } from "~/lib/format"
import { languageOf } from "~/lib/session.server"
import { apiMessage, AUDIT_FILTER_KEYS, backendFilters, requireSupervisor, superviseGet, SuperviseApiError } from "~/lib/supervise.server"

export const meta = superviseMeta("audit.title")

const PAGE_SIZE = 50
const ACTOR_TYPES = ["customer", "agency", "supervisor", "user", "system"] as const

interface AuditEntry {
  id: string
  at: string
  actor_type: string
  actor_id: string
  organization_id: string | null
  entity_type: string
  entity_id: string
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { token } = await requireSupervisor(request)
  const lang = await languageOf(request)
  const params = new URL(request.url).searchParams
  const filters = Object.fromEntries(AUDIT_FILTER_KEYS.map((key) => [key, (params.get(key) ?? "").slice(0, 100)])) as Record<(typeof AUDIT_FILTER_KEYS)[number], string>
  const requested = Number(params.get("page") ?? "1")
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1
  const [organizations, answer] = await Promise.all([
    superviseGet<{ organizations: { id: string; name: string }[] }>("/supervisor/organizations", token, { limit: 500 }),
    superviseGet<{ entries: AuditEntry[]; count: number }>("/supervisor/audit-log", token, { ...backendFilters(filters), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }).catch((error) => {
      if (error instanceof SuperviseApiError && error.status === 400) return { error: apiMessage(error, lang) }
      throw error
    }),
  ])
  const result = "error" in answer ? { entries: [] as AuditEntry[], count: 0 } : answer
  const names = new Map(organizations.organizations.map((o) => [o.id, o.name]))
  const csv = new URLSearchParams(Object.entries(filters).filter(([, value]) => value))
  return data({
    filters,
    page,
    pages: Math.max(1, Math.ceil(result.count / PAGE_SIZE)),
    count: result.count,
    error: "error" in answer ? answer.error : null,
    organizations: organizations.organizations.map((o) => ({ id: o.id, name: o.name })),
    entries: result.entries.map((e) => ({ ...e, organization_name: e.organization_id ? (names.get(e.organization_id) ?? e.organization_id) : null })),
    csvHref: `/supervise/audit.csv${csv.size ? `?${csv.toString()}` : ""}`,
  })
}

const json = (value: Record<string, unknown> | null) => (value ? JSON.stringify(value, null, 1) : "—")

export default function SuperviseAudit() {
  const { filters, page, pages, count, error, organizations, entries, csvHref } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const search = new URLSearchParams(Object.entries(filters).filter(([, value]) => value))
  return (
    <section aria-labelledby="audit-title" className="account supervise">
      <p className="portal-eyebrow">{t("supervise.area.title")}</p>
      <h1 id="audit-title">{t("supervise.audit.title")}</h1>
      <SuperviseNav />
      <p className="hint">{t("supervise.audit.intro")}</p>

      <Form method="get" className="account-card" aria-labelledby="audit-filters-title">
        <h2 id="audit-filters-title">{t("supervise.dashboard.filters")}</h2>
        <div className="supervise-filters">
          <div className="field">
            <label htmlFor="audit-organization">{t("supervise.dashboard.organization")}</label>
            <select id="audit-organization" name="organization_id" defaultValue={filters.organization_id}>
              <option value="">{t("supervise.dashboard.all")}</option>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-actor">{t("supervise.audit.actorType")}</label>
            <select id="audit-actor" name="actor_type" defaultValue={filters.actor_type}>
              <option value="">{t("supervise.dashboard.all")}</option>
              {ACTOR_TYPES.map((a) => (
                <option key={a} value={a}>
                  {t(`supervise.audit.actors.${a}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-entity">{t("supervise.audit.entityType")}</label>
            <input id="audit-entity" name="entity_type" defaultValue={filters.entity_type} placeholder="organization_member" />
          </div>
          <div className="field">
            <label htmlFor="audit-from">{t("supervise.dashboard.from")}</label>
            <input id="audit-from" type="date" name="from" defaultValue={filters.from} />
          </div>
          <div className="field">
            <label htmlFor="audit-to">{t("supervise.dashboard.to")}</label>
            <input id="audit-to" type="date" name="to" defaultValue={filters.to} />
          </div>
        </div>
        <div className="supervise-actions">
          <button type="submit">{t("supervise.dashboard.apply")}</button>
          <Link to="/supervise/audit">{t("supervise.dashboard.reset")}</Link>
        </div>
      </Form>

      {error ? (
        <p role="alert" className="form-error">
          {t("supervise.dashboard.badFilter", { message: error })}
        </p>
      ) : null}

      <p className="supervise-actions">
        <a href={csvHref} download className="download-link" data-testid="audit-csv">
          {t("supervise.dashboard.download", { count })}
        </a>
        <span className="hint">{t("supervise.dashboard.downloadHint")}</span>
      </p>

      {entries.length === 0 ? (
        <p>{t("supervise.audit.empty")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="audit-title">
          <table className="supervise-table" data-testid="audit-entries">
            <thead>
              <tr>
                <th scope="col">{t("supervise.audit.col.at")}</th>
                <th scope="col">{t("supervise.audit.col.actor")}</th>
                <th scope="col">{t("supervise.audit.col.organization")}</th>
                <th scope="col">{t("supervise.audit.col.entity")}</th>
                <th scope="col">{t("supervise.audit.col.action")}</th>
                <th scope="col">{t("supervise.audit.col.change")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at, lang)}</td>
                  <td>
                    {t(`supervise.audit.actors.${e.actor_type}`, { defaultValue: e.actor_type })}
                    <br />
                    <span className="hint">{e.actor_id}</span>
                  </td>
                  <td>{e.organization_name ?? "—"}</td>
                  <td>
                    {e.entity_type}
                    <br />
                    <span className="hint">{e.entity_id}</span>
                  </td>
                  <td>{e.action}</td>
                  <td>
                    <details>
                      <summary>
                        {t("supervise.audit.before")} → {t("supervise.audit.after")}
                      </summary>
                      <p className="hint">{t("supervise.audit.before")}</p>
                      <pre>{json(e.before)}</pre>
                      <p className="hint">{t("supervise.audit.after")}</p>
                      <pre>{json(e.after)}</pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pages={pages} search={search} />
    </section>
  )
}
