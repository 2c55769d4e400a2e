import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Buildings } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Select, StatusBadge, Table, Text } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useLanguage, useProcurementQuery, when, yuan } from "../../lib/admin-api"
import { Pager, QueryState } from "../../lib/parts"

const PAGE = 20
const TYPES = ["government_unit", "public_institution", "state_owned_enterprise", "association", "company", "individual"]

interface OrganizationRow {
  id: string
  name: string
  type: string
  credit_code: string | null
  status: "active" | "suspended"
  annual_budget: number | null
  budget_year: number | null
  member_count: number
  created_at: string
}

/** 采购单位: the operator's list of buyer organisations, filtered by type, status and name/credit code. */
const OrganizationsPage = () => {
  const { t } = useTranslation()
  const lang = useLanguage()
  const [draft, setDraft] = useState({ type: "all", status: "all", q: "" })
  const [filters, setFilters] = useState(draft)
  const [page, setPage] = useState(0)
  const params = new URLSearchParams({
    limit: String(PAGE),
    offset: String(page * PAGE),
  })
  if (filters.type !== "all") params.set("type", filters.type)
  if (filters.status !== "all") params.set("status", filters.status)
  if (filters.q.trim()) params.set("q", filters.q.trim())
  const { data, error, loading } = useProcurementQuery<{
    organizations: OrganizationRow[]
    count: number
  }>(`/admin/organizations?${params}`)
  const pages = Math.max(1, Math.ceil((data?.count ?? 0) / PAGE))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setPage(0)
    setFilters(draft)
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">{t("gwcProcurement.menu.organizations")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("gwcProcurement.list.intro")}
        </Text>
      </div>
      <form className="flex flex-wrap items-end gap-3 px-6 py-4" role="search" onSubmit={submit}>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="org-type" size="small">
            {t("gwcProcurement.list.type")}
          </Label>
          <Select value={draft.type} onValueChange={(type) => setDraft({ ...draft, type })}>
            <Select.Trigger id="org-type" className="w-44">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">{t("gwcProcurement.common.any")}</Select.Item>
              {TYPES.map((type) => (
                <Select.Item key={type} value={type}>
                  {t(`gwcProcurement.type.${type}`)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="org-status" size="small">
            {t("gwcProcurement.list.status")}
          </Label>
          <Select value={draft.status} onValueChange={(status) => setDraft({ ...draft, status })}>
            <Select.Trigger id="org-status" className="w-36">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">{t("gwcProcurement.common.any")}</Select.Item>
              <Select.Item value="active">{t("gwcProcurement.status.active")}</Select.Item>
              <Select.Item value="suspended">{t("gwcProcurement.status.suspended")}</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="org-q" size="small">
            {t("gwcProcurement.list.search")}
          </Label>
          <Input id="org-q" type="search" maxLength={100} value={draft.q} onChange={(event) => setDraft({ ...draft, q: event.target.value })} />
        </div>
        <Button type="submit" variant="secondary">
          {t("gwcProcurement.common.apply")}
        </Button>
      </form>
      <div className="px-6 py-4">
        <QueryState error={error} loading={loading && !data}>
          {!data?.organizations.length ? (
            <Text className="text-ui-fg-subtle">{t("gwcProcurement.list.empty")}</Text>
          ) : (
            <>
              <Text size="small" className="mb-2 text-ui-fg-subtle" aria-live="polite">
                {t("gwcProcurement.list.count", { count: data.count })}
              </Text>
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>{t("gwcProcurement.list.name")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcProcurement.list.type")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcProcurement.list.creditCode")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcProcurement.list.members")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcProcurement.list.budget")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcProcurement.list.status")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcProcurement.list.createdAt")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {data.organizations.map((row) => (
                    <Table.Row key={row.id}>
                      <Table.Cell>
                        <Link to={`/organizations/${row.id}`} className="text-ui-fg-interactive hover:underline">
                          {row.name}
                        </Link>
                      </Table.Cell>
                      <Table.Cell>{t(`gwcProcurement.type.${row.type}`)}</Table.Cell>
                      <Table.Cell className="font-mono">{row.credit_code ?? "—"}</Table.Cell>
                      <Table.Cell>{row.member_count}</Table.Cell>
                      <Table.Cell>
                        {yuan(row.annual_budget, lang)}
                        {row.budget_year ? ` (${row.budget_year})` : ""}
                      </Table.Cell>
                      <Table.Cell>
                        <StatusBadge color={row.status === "active" ? "green" : "red"}>{t(`gwcProcurement.status.${row.status}`)}</StatusBadge>
                      </Table.Cell>
                      <Table.Cell>{when(row.created_at, lang)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              <Pager page={page} pages={pages} onPage={setPage} />
            </>
          )}
        </QueryState>
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "gwcProcurement.menu.organizations",
  translationNs: "translation",
  icon: Buildings,
  rank: 20,
})

export default OrganizationsPage
