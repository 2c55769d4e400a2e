import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Select, StatusBadge, Table, Text } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { formatDate, localized, STATUS_COLOR, useAdminQuery, useLang, type SupplierStatus } from "../../lib/api"

const PAGE_SIZE = 20
const STATUSES: SupplierStatus[] = ["pending", "approved", "suspended", "rejected"]

interface SupplierRow {
  id: string
  code: string
  company_name: string
  credit_code: string
  credit_code_checksum_ok: boolean
  region: string
  status: SupplierStatus
  created_at: string
}

/** 供应商列表: the operator's list of suppliers, filtered by status, region and name/code. */
const SuppliersPage = () => {
  const { t } = useTranslation()
  const lang = useLang()
  const [filters, setFilters] = useState({ status: "pending", region: "", q: "" })
  const [draft, setDraft] = useState(filters)
  const [page, setPage] = useState(0)
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(page * PAGE_SIZE) })
  if (filters.status !== "all") params.set("status", filters.status)
  if (filters.region.trim()) params.set("region", filters.region.trim())
  if (filters.q.trim()) params.set("q", filters.q.trim())
  const { data, error, loading, reload } = useAdminQuery<{ suppliers: SupplierRow[]; count: number }>(`/admin/suppliers?${params}`)
  const pages = Math.max(1, Math.ceil((data?.count ?? 0) / PAGE_SIZE))

  const apply = (event: FormEvent) => {
    event.preventDefault()
    setPage(0)
    setFilters(draft)
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">{t("gwcSupplier.list.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("gwcSupplier.list.intro")}
        </Text>
      </div>
      <form className="flex flex-wrap items-end gap-3 px-6 py-4" onSubmit={apply} role="search">
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="supplier-status" size="small">
            {t("gwcSupplier.list.status")}
          </Label>
          <Select value={draft.status} onValueChange={(status) => setDraft({ ...draft, status })}>
            <Select.Trigger id="supplier-status" className="w-44">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">{t("gwcSupplier.list.anyStatus")}</Select.Item>
              {STATUSES.map((s) => (
                <Select.Item key={s} value={s}>
                  {t(`gwcSupplier.status.${s}`)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="supplier-region" size="small">
            {t("gwcSupplier.list.region")}
          </Label>
          <Input id="supplier-region" value={draft.region} onChange={(e) => setDraft({ ...draft, region: e.target.value })} maxLength={100} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="supplier-q" size="small">
            {t("gwcSupplier.list.search")}
          </Label>
          <Input id="supplier-q" type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} maxLength={100} />
        </div>
        <Button type="submit" variant="secondary">
          {t("gwcSupplier.list.apply")}
        </Button>
      </form>
      <div className="px-6 py-4">
        {error ? (
          <div className="flex items-center gap-3" role="alert">
            <Text className="text-ui-fg-error">{t("gwcSupplier.common.error", { message: localized(error, lang) })}</Text>
            <Button size="small" variant="secondary" onClick={reload}>
              {t("gwcSupplier.common.retry")}
            </Button>
          </div>
        ) : loading && !data ? (
          <Text>{t("gwcSupplier.common.loading")}</Text>
        ) : !data?.suppliers.length ? (
          <Text className="text-ui-fg-subtle">{t("gwcSupplier.list.empty")}</Text>
        ) : (
          <>
            <Text size="small" className="mb-2 text-ui-fg-subtle" aria-live="polite">
              {t("gwcSupplier.list.count", { count: data.count })}
            </Text>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>{t("gwcSupplier.list.company")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcSupplier.list.code")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcSupplier.list.creditCode")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcSupplier.list.region")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcSupplier.list.status")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcSupplier.list.createdAt")}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.suppliers.map((s) => (
                  <Table.Row key={s.id}>
                    <Table.Cell>
                      <Link to={`/suppliers/${s.id}`} className="text-ui-fg-interactive hover:underline">
                        {s.company_name}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{s.code}</Table.Cell>
                    <Table.Cell>
                      <span className="font-mono">{s.credit_code}</span>{" "}
                      {s.credit_code_checksum_ok ? null : (
                        <Badge size="2xsmall" color="orange">
                          {t("gwcSupplier.list.checksumFlag")}
                        </Badge>
                      )}
                    </Table.Cell>
                    <Table.Cell>{s.region}</Table.Cell>
                    <Table.Cell>
                      <StatusBadge color={STATUS_COLOR[s.status]}>{t(`gwcSupplier.status.${s.status}`)}</StatusBadge>
                    </Table.Cell>
                    <Table.Cell>{formatDate(s.created_at, lang)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            {pages > 1 ? (
              <div className="mt-4 flex items-center justify-between">
                <Button size="small" variant="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
                  {t("gwcSupplier.common.prev")}
                </Button>
                <Text size="small">{t("gwcSupplier.common.page", { page: page + 1, pages })}</Text>
                <Button size="small" variant="secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                  {t("gwcSupplier.common.next")}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "gwcSupplier.menu.suppliers",
  translationNs: "translation",
  icon: BuildingStorefront,
  rank: 10,
})

export default SuppliersPage
