import { Badge, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useLanguage, useProcurementQuery, when } from "./admin-api"
import { Pager, QueryState } from "./parts"

export interface AuditEntryRow {
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

const PAGE = 25

/** The fields that differ between before and after, as "field: old → new". */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const show = (value: unknown) => (value === null || value === undefined ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value))
  return [...keys]
    .filter((key) => key !== "id" && JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]))
    .map((key) => (before ? `${key}: ${show(before[key])} → ${show(after?.[key])}` : `${key}: ${show(after?.[key])}`))
}

/** A paged audit-log table for the given filters (query string without limit/offset). */
export function AuditTable({ filters }: { filters: URLSearchParams }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const [page, setPage] = useState(0)
  const params = new URLSearchParams(filters)
  params.set("limit", String(PAGE))
  params.set("offset", String(page * PAGE))
  const { data, error, loading } = useProcurementQuery<{
    entries: AuditEntryRow[]
    count: number
  }>(`/admin/procurement/audit-log?${params}`)
  if (error || (loading && !data))
    return (
      <QueryState error={error} loading={loading}>
        {null}
      </QueryState>
    )
  if (!data?.entries.length) return <Text className="text-ui-fg-subtle">{t("gwcProcurement.audit.empty")}</Text>
  const pages = Math.max(1, Math.ceil(data.count / PAGE))
  return (
    <div className="flex flex-col gap-y-2">
      <Text size="small" className="text-ui-fg-subtle" aria-live="polite">
        {t("gwcProcurement.audit.count", { count: data.count })}
      </Text>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("gwcProcurement.audit.at")}</Table.HeaderCell>
            <Table.HeaderCell>{t("gwcProcurement.audit.actor")}</Table.HeaderCell>
            <Table.HeaderCell>{t("gwcProcurement.audit.action")}</Table.HeaderCell>
            <Table.HeaderCell>{t("gwcProcurement.audit.entity")}</Table.HeaderCell>
            <Table.HeaderCell>{t("gwcProcurement.audit.change")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data.entries.map((entry) => (
            <Table.Row key={entry.id}>
              <Table.Cell className="whitespace-nowrap">{when(entry.at, lang)}</Table.Cell>
              <Table.Cell>
                <Badge size="2xsmall">{entry.actor_type}</Badge> <span className="font-mono text-xs">{entry.actor_id}</span>
              </Table.Cell>
              <Table.Cell className="font-mono text-xs">{entry.action}</Table.Cell>
              <Table.Cell className="font-mono text-xs">
                {entry.entity_type} {entry.entity_id}
              </Table.Cell>
              <Table.Cell>
                <ul className="text-xs">
                  {changedFields(entry.before, entry.after).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Pager page={page} pages={pages} onPage={setPage} />
    </div>
  )
}
