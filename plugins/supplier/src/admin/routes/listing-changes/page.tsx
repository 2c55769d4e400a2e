import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CheckCircle } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Label, Select, StatusBadge, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useSearchParams } from "react-router-dom"
import { adminFetch, backendAsset, formatCny, formatDate, localized, useAdminQuery, useLang } from "../../lib/api"

type ChangeStatus = "pending" | "approved" | "rejected" | "changes_requested"
type Decision = "approve" | "reject" | "request_changes"
type SpecValue = string | number | boolean | null

interface SpecChange {
  key: string
  label_zh: string
  label_en: string
  unit: string | null
  from: SpecValue
  to: SpecValue
}

interface ListingChange {
  id: string
  kind: "create" | "update"
  status: ChangeStatus
  proposed: { title?: string; subtitle?: string | null; description?: string; kind?: string; image_urls?: string[] }
  diff: {
    title?: { from: string | null; to: string }
    category_id?: { from: string | null; to: string }
    prices?: { variant_id: string | null; variant_title: string; from: number | null; to: number }[]
    specs?: { added: SpecChange[]; removed: SpecChange[]; changed: SpecChange[] }
    rental?: { from: Record<string, unknown> | null; to: Record<string, unknown> | null }
    service?: { from: Record<string, unknown> | null; to: Record<string, unknown> | null }
  }
  review_note: string | null
  reviewed_at: string | null
  created_at: string
  product: { id: string; title: string; handle: string; status: string; thumbnail: string | null; deleted: boolean } | null
  supplier: { id: string; code: string; company_name: string; status: string } | null
}

const STATUSES: ChangeStatus[] = ["pending", "changes_requested", "approved", "rejected"]
const COLOR: Record<ChangeStatus, "orange" | "green" | "red" | "blue"> = { pending: "orange", approved: "green", rejected: "red", changes_requested: "blue" }
const PAGE_SIZE = 25

function terms(value: Record<string, unknown> | null | undefined): string {
  if (!value) return "—"
  return Object.entries(value)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(" · ")
}

/** The change's diff as rows: field, previous value, proposed value. */
function DiffTable({ change, categoryName }: { change: ListingChange; categoryName: (id: string | null) => string }) {
  const { t } = useTranslation()
  const lang = useLang()
  const rows: { key: string; field: string; from: string; to: string }[] = []
  const { diff } = change
  if (diff.title) rows.push({ key: "title", field: t("gwcSupplier.changes.fields.title"), from: diff.title.from ?? "—", to: diff.title.to })
  if (diff.category_id) rows.push({ key: "category", field: t("gwcSupplier.changes.fields.category_id"), from: categoryName(diff.category_id.from), to: categoryName(diff.category_id.to) })
  for (const price of diff.prices ?? []) {
    rows.push({ key: `price-${price.variant_id ?? price.variant_title}`, field: `${t("gwcSupplier.changes.fields.prices")} · ${price.variant_title}`, from: formatCny(price.from, lang), to: formatCny(price.to, lang) })
  }
  const spec = (s: SpecChange, v: SpecValue) => (v === null ? "—" : `${typeof v === "boolean" ? (v ? t("gwcSupplier.common.yes") : t("gwcSupplier.common.no")) : String(v)}${s.unit && v !== null && typeof v !== "boolean" ? ` ${s.unit}` : ""}`)
  const label = (s: SpecChange) => `${t("gwcSupplier.changes.fields.specs")} · ${lang === "zh" ? s.label_zh : s.label_en}`
  for (const s of diff.specs?.changed ?? []) rows.push({ key: `spec-c-${s.key}`, field: `${label(s)} (${t("gwcSupplier.changes.specChanged")})`, from: spec(s, s.from), to: spec(s, s.to) })
  for (const s of diff.specs?.added ?? []) rows.push({ key: `spec-a-${s.key}`, field: `${label(s)} (${t("gwcSupplier.changes.specAdded")})`, from: "—", to: spec(s, s.to) })
  for (const s of diff.specs?.removed ?? []) rows.push({ key: `spec-r-${s.key}`, field: `${label(s)} (${t("gwcSupplier.changes.specRemoved")})`, from: spec(s, s.from), to: "—" })
  if (diff.rental) rows.push({ key: "rental", field: t("gwcSupplier.changes.fields.rental"), from: terms(diff.rental.from), to: terms(diff.rental.to) })
  if (diff.service) rows.push({ key: "service", field: t("gwcSupplier.changes.fields.service"), from: terms(diff.service.from), to: terms(diff.service.to) })
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("gwcSupplier.changes.field")}</Table.HeaderCell>
          <Table.HeaderCell>{t("gwcSupplier.changes.previous")}</Table.HeaderCell>
          <Table.HeaderCell>{t("gwcSupplier.changes.proposed")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={row.key}>
            <Table.Cell>{row.field}</Table.Cell>
            <Table.Cell className="text-ui-fg-subtle line-through decoration-ui-fg-muted">{row.from}</Table.Cell>
            <Table.Cell className="font-medium">{row.to}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

function ChangeReview({ change, categoryName, onDecided }: { change: ListingChange; categoryName: (id: string | null) => string; onDecided: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const [note, setNote] = useState("")
  const [busy, setBusy] = useState<Decision | null>(null)
  const [formError, setFormError] = useState<string | null>(null)

  const decide = async (decision: Decision) => {
    setFormError(null)
    if (decision !== "approve" && !note.trim()) {
      setFormError(t("gwcSupplier.common.noteRequired"))
      return
    }
    setBusy(decision)
    try {
      await adminFetch(`/admin/listing-changes/${encodeURIComponent(change.id)}/decision`, { body: { decision, ...(note.trim() ? { note: note.trim() } : {}) } })
      toast.success(t("gwcSupplier.common.done", { action: t(`gwcSupplier.changes.decisions.${decision}`) }))
      setNote("")
      onDecided()
    } catch (e) {
      setFormError(localized((e as Error).message, lang))
    } finally {
      setBusy(null)
    }
  }

  const proposed = change.proposed
  return (
    <Container className="divide-y p-0" aria-labelledby="change-title">
      <div className="flex flex-wrap items-start justify-between gap-3 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2" id="change-title">
            {change.product?.title ?? proposed.title ?? change.id} {change.product?.deleted ? t("gwcSupplier.changes.deleted") : ""}
          </Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t(`gwcSupplier.changes.kinds.${change.kind}`)} · {change.supplier ? <Link to={`/suppliers/${change.supplier.id}`} className="text-ui-fg-interactive">{change.supplier.company_name}</Link> : "—"} ·{" "}
            {formatDate(change.created_at, lang)}
          </Text>
        </div>
        <StatusBadge color={COLOR[change.status]}>{t(`gwcSupplier.changes.statuses.${change.status}`)}</StatusBadge>
      </div>
      {change.kind === "create" ? (
        <div className="flex flex-col gap-y-2 px-6 py-4 text-sm">
          {proposed.kind ? (
            <p>
              <strong>{t("gwcSupplier.changes.fields.kind")}：</strong>
              {proposed.kind}
            </p>
          ) : null}
          {proposed.subtitle ? (
            <p>
              <strong>{t("gwcSupplier.changes.fields.subtitle")}：</strong>
              {proposed.subtitle}
            </p>
          ) : null}
          {proposed.description ? (
            <div>
              <strong>{t("gwcSupplier.changes.fields.description")}：</strong>
              <p className="whitespace-pre-wrap">{proposed.description}</p>
            </div>
          ) : null}
          {proposed.image_urls?.length ? (
            <div>
              <strong>{t("gwcSupplier.changes.images")}：</strong>
              <ul className="mt-1 flex flex-wrap gap-2">
                {proposed.image_urls.map((url, i) => (
                  <li key={url}>
                    <img src={backendAsset(url)} alt={`${proposed.title ?? ""} ${i + 1}`} className="h-24 w-24 rounded border object-cover" loading="lazy" />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="px-6 py-4">
        <Heading level="h3" className="mb-2">
          {t("gwcSupplier.changes.diff")}
        </Heading>
        <DiffTable change={change} categoryName={categoryName} />
      </div>
      {change.status === "pending" ? (
        <div className="flex flex-col gap-y-3 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="change-note" size="small">
              {t("gwcSupplier.common.note")}
            </Label>
            <Textarea id="change-note" value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={2000} aria-describedby="change-note-hint" />
            <Text id="change-note-hint" size="xsmall" className="text-ui-fg-subtle">
              {t("gwcSupplier.common.noteRequired")}
            </Text>
          </div>
          {formError ? (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {formError}
            </Text>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button isLoading={busy === "approve"} disabled={busy !== null} onClick={() => decide("approve")}>
              {t("gwcSupplier.changes.approve")}
            </Button>
            <Button variant="secondary" isLoading={busy === "request_changes"} disabled={busy !== null} onClick={() => decide("request_changes")}>
              {t("gwcSupplier.changes.requestChanges")}
            </Button>
            <Button variant="danger" isLoading={busy === "reject"} disabled={busy !== null} onClick={() => decide("reject")}>
              {t("gwcSupplier.changes.reject")}
            </Button>
          </div>
        </div>
      ) : (
        <Text size="small" className="px-6 py-4">
          {t("gwcSupplier.changes.reviewed", { status: t(`gwcSupplier.changes.statuses.${change.status}`) })}
          {change.review_note ? ` · ${change.review_note}` : ""}
        </Text>
      )}
    </Container>
  )
}

/** 商品审核: the inbox of pending listing changes with their diff, and the operator's decision. */
const ListingChangesPage = () => {
  const { t } = useTranslation()
  const lang = useLang()
  const [searchParams] = useSearchParams()
  const supplierId = searchParams.get("supplier_id") ?? ""
  const [status, setStatus] = useState<ChangeStatus>("pending")
  const [page, setPage] = useState(0)
  const [selected, setSelected] = useState<string | null>(null)
  const params = new URLSearchParams({ status, limit: String(PAGE_SIZE), offset: String(page * PAGE_SIZE) })
  if (supplierId) params.set("supplier_id", supplierId)
  const { data, error, loading, reload } = useAdminQuery<{ listing_changes: ListingChange[]; count: number }>(`/admin/listing-changes?${params}`)
  const categories = useAdminQuery<{ product_categories: { id: string; name: string }[] }>("/admin/product-categories?limit=1000&fields=id,name")
  const categoryName = useMemo(() => {
    const names = new Map((categories.data?.product_categories ?? []).map((c) => [c.id, c.name]))
    return (id: string | null) => (id ? (names.get(id) ?? id) : "—")
  }, [categories.data])
  const change = data?.listing_changes.find((c) => c.id === selected) ?? null
  const pages = Math.max(1, Math.ceil((data?.count ?? 0) / PAGE_SIZE))

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-end justify-between gap-3 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Heading level="h1">{t("gwcSupplier.changes.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("gwcSupplier.changes.intro")}
            </Text>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="change-status" size="small">
              {t("gwcSupplier.changes.status")}
            </Label>
            <Select
              value={status}
              onValueChange={(value) => {
                setStatus(value as ChangeStatus)
                setPage(0)
                setSelected(null)
              }}
            >
              <Select.Trigger id="change-status" className="w-48">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {STATUSES.map((s) => (
                  <Select.Item key={s} value={s}>
                    {t(`gwcSupplier.changes.statuses.${s}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        </div>
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
          ) : !data?.listing_changes.length ? (
            <Text className="text-ui-fg-subtle">{t("gwcSupplier.changes.empty")}</Text>
          ) : (
            <>
              <Text size="small" className="mb-2 text-ui-fg-subtle" aria-live="polite">
                {t("gwcSupplier.changes.count", { count: data.count })}
              </Text>
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>{t("gwcSupplier.changes.product")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcSupplier.changes.supplier")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcSupplier.changes.kind")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcSupplier.changes.submitted")}</Table.HeaderCell>
                    <Table.HeaderCell />
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {data.listing_changes.map((c) => (
                    <Table.Row key={c.id} className={c.id === selected ? "bg-ui-bg-highlight" : undefined}>
                      <Table.Cell>
                        <div className="flex items-center gap-2">
                          {c.product?.thumbnail ? <img src={backendAsset(c.product.thumbnail)} alt="" className="h-8 w-8 rounded object-cover" /> : null}
                          <span>{c.product?.title ?? c.proposed.title ?? c.id}</span>
                        </div>
                      </Table.Cell>
                      <Table.Cell>{c.supplier?.company_name ?? "—"}</Table.Cell>
                      <Table.Cell>
                        <Badge size="2xsmall">{t(`gwcSupplier.changes.kinds.${c.kind}`)}</Badge>
                      </Table.Cell>
                      <Table.Cell>{formatDate(c.created_at, lang)}</Table.Cell>
                      <Table.Cell>
                        <Button size="small" variant="secondary" onClick={() => setSelected(c.id)} aria-pressed={c.id === selected}>
                          {t("gwcSupplier.changes.select")}
                        </Button>
                      </Table.Cell>
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
      {change ? (
        <ChangeReview
          key={change.id}
          change={change}
          categoryName={categoryName}
          onDecided={() => {
            reload()
          }}
        />
      ) : null}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "gwcSupplier.menu.listingChanges",
  translationNs: "translation",
  icon: CheckCircle,
  rank: 11,
})

export default ListingChangesPage
