import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Tag } from "@medusajs/icons"
import { Badge, Button, Checkbox, Container, Heading, Input, Label, Table, Text, usePrompt } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { filled, SimpleForm } from "../../lib/form"
import { CentrePicker, NativeSelect, OutcomeLine, QueryState, useCentres, useZones, zoneLabel, type Outcome, type ZoneRow } from "../../lib/parts"
import { backendBase, deleteShowroom, postShowroom, useLanguage, useShowroomQuery } from "../../lib/showroom-api"

interface TagRow {
  id: string
  epc: string
  scheme: "sgtin-96" | "raw"
  gtin: string | null
  serial: string | null
  status: "active" | "retired"
}

interface ExhibitRow {
  id: string
  product_id: string
  variant_id: string
  plinth: string | null
  antenna: string | null
  rank: number
  status: "on_display" | "withdrawn"
  zone_id?: string
  zone_code?: string | null
  zone?: { id: string; code: string; name: string } | null
  tags?: TagRow[]
  product?: { id?: string; title?: string | null; thumbnail?: string | null } | null
  variant?: { id?: string; title?: string | null; sku?: string | null } | null
  product_title?: string | null
  thumbnail?: string | null
  variant_title?: string | null
}

interface ProductHit {
  id: string
  title: string
  thumbnail: string | null
  variants?: { id: string; title: string | null; sku: string | null }[]
}

const titleOf = (exhibit: ExhibitRow) => exhibit.product?.title ?? exhibit.product_title ?? exhibit.product_id
const thumbnailOf = (exhibit: ExhibitRow) => exhibit.product?.thumbnail ?? exhibit.thumbnail ?? null

/** Opens the printable labels (EPC, tag URI, QR code) for the given exhibits or zone in a new tab. */
function openLabels(query: URLSearchParams) {
  window.open(`${backendBase()}/admin/showroom/labels.pdf?${query}`, "_blank", "noopener")
}

/** Adds a tag to one exhibit: an EPC as the reader reports it, or an SGTIN-96 from a GTIN (+ serial). */
function AddTag({ exhibit, onAdded }: { exhibit: ExhibitRow; onAdded: () => void }) {
  const { t } = useTranslation()
  const [mode, setMode] = useState<"epc" | "gtin">("epc")
  const fields =
    mode === "epc"
      ? [{ name: "epc", label: t("gwcShowroom.exhibits.epc"), required: true, hint: t("gwcShowroom.exhibits.epcHint"), wide: true }]
      : [
          { name: "gtin", label: t("gwcShowroom.exhibits.gtin"), required: true, hint: t("gwcShowroom.exhibits.gtinHint") },
          { name: "serial", label: t("gwcShowroom.exhibits.serial"), hint: t("gwcShowroom.exhibits.serialHint") },
        ]
  return (
    <div className="flex flex-col gap-y-2 rounded-md border border-ui-border-base p-3" data-testid="add-tag">
      <div className="flex gap-2" role="radiogroup" aria-label={t("gwcShowroom.exhibits.tagMode")}>
        <Button size="small" type="button" variant={mode === "epc" ? "primary" : "secondary"} role="radio" aria-checked={mode === "epc"} onClick={() => setMode("epc")}>
          {t("gwcShowroom.exhibits.byEpc")}
        </Button>
        <Button size="small" type="button" variant={mode === "gtin" ? "primary" : "secondary"} role="radio" aria-checked={mode === "gtin"} onClick={() => setMode("gtin")}>
          {t("gwcShowroom.exhibits.byGtin")}
        </Button>
      </div>
      <SimpleForm
        key={mode}
        idPrefix={`tag-${exhibit.id}-${mode}`}
        submitLabel={t("gwcShowroom.exhibits.addTag")}
        fields={fields}
        onSubmit={async (values) => {
          const answer = await postShowroom<{ tag?: TagRow; exhibit?: ExhibitRow }>(`/admin/showroom/exhibits/${exhibit.id}/tags`, filled(values))
          onAdded()
          return t("gwcShowroom.exhibits.tagAdded", { epc: answer.tag?.epc ?? values.epc ?? values.gtin })
        }}
      />
    </div>
  )
}

/** Finds a product by name (GET /admin/products?q=) and picks one of its variants. */
function ProductSearch({ onPick }: { onPick: (product: ProductHit, variantId: string) => void }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState("")
  const [q, setQ] = useState("")
  const params = new URLSearchParams({ q, limit: "10", fields: "id,title,thumbnail,*variants" })
  const { data, error, loading } = useShowroomQuery<{ products: ProductHit[] }>(q ? `/admin/products?${params}` : null)
  const [picked, setPicked] = useState<Record<string, string>>({})
  const search = (event: FormEvent) => {
    event.preventDefault()
    setQ(draft.trim())
  }
  return (
    <div className="flex flex-col gap-y-2">
      <form className="flex items-end gap-2" role="search" onSubmit={search}>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="exhibit-product-q" size="small">
            {t("gwcShowroom.exhibits.productSearch")}
          </Label>
          <Input id="exhibit-product-q" className="w-80" value={draft} onChange={(event) => setDraft(event.target.value)} />
        </div>
        <Button type="submit" variant="secondary">
          {t("gwcShowroom.common.search")}
        </Button>
      </form>
      {q ? (
        <QueryState error={error} loading={loading && !data}>
          {!data?.products.length ? (
            <Text className="text-ui-fg-subtle">{t("gwcShowroom.exhibits.noProducts")}</Text>
          ) : (
            <ul className="flex flex-col gap-y-1" data-testid="product-hits">
              {data.products.map((product) => {
                const variants = product.variants ?? []
                const variantId = picked[product.id] ?? variants[0]?.id ?? ""
                return (
                  <li key={product.id} className="flex flex-wrap items-center gap-3">
                    {product.thumbnail ? <img src={product.thumbnail} alt="" className="h-10 w-10 rounded object-cover" /> : null}
                    <Text className="min-w-[16rem]">{product.title}</Text>
                    {variants.length > 1 ? (
                      <NativeSelect
                        aria-label={t("gwcShowroom.exhibits.variantOf", { title: product.title })}
                        value={variantId}
                        onChange={(event) => setPicked({ ...picked, [product.id]: event.target.value })}
                      >
                        {variants.map((variant) => (
                          <option key={variant.id} value={variant.id}>
                            {[variant.title, variant.sku].filter(Boolean).join(" · ") || variant.id}
                          </option>
                        ))}
                      </NativeSelect>
                    ) : null}
                    <Button size="small" variant="secondary" disabled={!variantId} onClick={() => onPick(product, variantId)}>
                      {t("gwcShowroom.exhibits.pick")}
                    </Button>
                  </li>
                )
              })}
            </ul>
          )}
        </QueryState>
      ) : null}
    </div>
  )
}

/** The form that puts a product variant on display at a zone, with its first tags. */
function AddExhibit({ zones, onAdded }: { zones: ZoneRow[]; onAdded: () => void }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const [choice, setChoice] = useState<{ product: ProductHit; variantId: string } | null>(null)
  // The form goes away once the exhibit is added; the confirmation stays.
  const [added, setAdded] = useState<Outcome>(null)
  if (!zones.length) return <Text className="text-ui-fg-subtle">{t("gwcShowroom.exhibits.needZone")}</Text>
  return (
    <div className="flex flex-col gap-y-3">
      <Heading level="h2">{t("gwcShowroom.exhibits.create")}</Heading>
      <ProductSearch
        onPick={(product, variantId) => {
          setAdded(null)
          setChoice({ product, variantId })
        }}
      />
      {!choice ? <OutcomeLine outcome={added} /> : null}
      {choice ? (
        <>
          <Text data-testid="picked-product">
            {t("gwcShowroom.exhibits.picked", { title: choice.product.title })}
          </Text>
          <SimpleForm
            idPrefix="exhibit"
            submitLabel={t("gwcShowroom.exhibits.create")}
            fields={[
              { name: "zone_id", label: t("gwcShowroom.common.zone"), type: "select", required: true, options: zones.map((zone) => ({ value: zone.id, label: zoneLabel(zone, lang) })) },
              { name: "plinth", label: t("gwcShowroom.exhibits.plinth"), hint: t("gwcShowroom.exhibits.plinthHint") },
              { name: "antenna", label: t("gwcShowroom.exhibits.antenna"), hint: t("gwcShowroom.exhibits.antennaHint") },
              { name: "rank", label: t("gwcShowroom.exhibits.rank"), type: "number" },
              { name: "epcs", label: t("gwcShowroom.exhibits.firstEpcs"), type: "textarea", hint: t("gwcShowroom.exhibits.firstEpcsHint"), wide: true },
              { name: "gtin", label: t("gwcShowroom.exhibits.firstGtin"), hint: t("gwcShowroom.exhibits.firstGtinHint") },
            ]}
            onSubmit={async (values) => {
              const { epcs, gtin, rank, ...rest } = filled(values)
              const tags: ({ epc: string } | { gtin: string })[] = (epcs ?? "")
                .split(/[\s,]+/)
                .filter(Boolean)
                .map((epc) => ({ epc }))
              if (gtin) tags.push({ gtin })
              await postShowroom("/admin/showroom/exhibits", {
                ...rest,
                ...(rank !== undefined ? { rank: Number(rank) } : {}),
                product_id: choice.product.id,
                variant_id: choice.variantId,
                ...(tags.length ? { tags } : {}),
              })
              const title = choice.product.title
              const done = t("gwcShowroom.exhibits.created", { title })
              setAdded({ done })
              setChoice(null)
              onAdded()
              return done
            }}
          />
        </>
      ) : null}
    </div>
  )
}

/** 展品与标签: what is on display in each zone, its RFID tags, adding both, and printing tag labels. */
const ExhibitsPage = () => {
  const { t } = useTranslation()
  const lang = useLanguage()
  const prompt = usePrompt()
  const [version, setVersion] = useState(0)
  const refresh = () => setVersion((n) => n + 1)
  const centres = useCentres()
  const { zones } = useZones(centres.centreId)
  const [draft, setDraft] = useState({ zone_id: "", q: "" })
  const [filters, setFilters] = useState(draft)
  const [selected, setSelected] = useState<string[]>([])
  const [tagging, setTagging] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const params = new URLSearchParams({ limit: "200" })
  if (centres.centreId) params.set("centre_id", centres.centreId)
  if (filters.zone_id) params.set("zone_id", filters.zone_id)
  if (filters.q.trim()) params.set("q", filters.q.trim())
  const { data, error, loading } = useShowroomQuery<{ exhibits: ExhibitRow[]; count?: number }>(centres.centreId ? `/admin/showroom/exhibits?${params}` : null, version)
  const exhibits = data?.exhibits ?? []
  const zoneOf = (exhibit: ExhibitRow) => exhibit.zone ?? zones.find((zone) => zone.id === exhibit.zone_id) ?? null

  const withdraw = async (exhibit: ExhibitRow) => {
    const confirmed = await prompt({
      title: t("gwcShowroom.exhibits.withdrawTitle"),
      description: t("gwcShowroom.exhibits.withdrawText", { title: titleOf(exhibit) }),
      confirmText: t("gwcShowroom.exhibits.withdraw"),
      cancelText: t("gwcShowroom.common.cancel"),
    })
    if (!confirmed) return
    try {
      await deleteShowroom(`/admin/showroom/exhibits/${exhibit.id}`)
      setOutcome({ done: t("gwcShowroom.exhibits.withdrawn", { title: titleOf(exhibit) }) })
      refresh()
    } catch (error) {
      setOutcome({ error: (error as Error).message })
    }
  }
  const retire = async (tag: TagRow) => {
    const confirmed = await prompt({
      title: t("gwcShowroom.exhibits.retireTitle"),
      description: t("gwcShowroom.exhibits.retireText", { epc: tag.epc }),
      confirmText: t("gwcShowroom.exhibits.retire"),
      cancelText: t("gwcShowroom.common.cancel"),
    })
    if (!confirmed) return
    try {
      await deleteShowroom(`/admin/showroom/tags/${tag.id}`)
      setOutcome({ done: t("gwcShowroom.exhibits.retired", { epc: tag.epc }) })
      refresh()
    } catch (error) {
      setOutcome({ error: (error as Error).message })
    }
  }
  const toggle = (id: string, on: boolean) => setSelected((previous) => (on ? [...new Set([...previous, id])] : previous.filter((other) => other !== id)))

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">{t("gwcShowroom.menu.exhibits")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("gwcShowroom.exhibits.intro")}
        </Text>
      </div>
      <form
        className="flex flex-wrap items-end gap-3 px-6 py-4"
        role="search"
        onSubmit={(event) => {
          event.preventDefault()
          setFilters(draft)
          setSelected([])
        }}
      >
        <CentrePicker centres={centres.centres} value={centres.centreId} onChange={(id) => { centres.pick(id); setDraft({ ...draft, zone_id: "" }); setFilters({ ...filters, zone_id: "" }) }} />
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="exhibit-zone" size="small">
            {t("gwcShowroom.common.zone")}
          </Label>
          <NativeSelect id="exhibit-zone" value={draft.zone_id} onChange={(event) => setDraft({ ...draft, zone_id: event.target.value })}>
            <option value="">{t("gwcShowroom.common.any")}</option>
            {zones.map((zone) => (
              <option key={zone.id} value={zone.id}>
                {zoneLabel(zone, lang)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="exhibit-q" size="small">
            {t("gwcShowroom.exhibits.search")}
          </Label>
          <Input id="exhibit-q" className="w-64" value={draft.q} onChange={(event) => setDraft({ ...draft, q: event.target.value })} />
        </div>
        <Button type="submit" variant="secondary">
          {t("gwcShowroom.common.apply")}
        </Button>
      </form>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <div className="flex flex-wrap items-center gap-3">
          <Button
            size="small"
            variant="secondary"
            disabled={!selected.length}
            onClick={() => openLabels(new URLSearchParams({ exhibit_ids: selected.join(",") }))}
          >
            {t("gwcShowroom.exhibits.printSelected", { count: selected.length })}
          </Button>
          {filters.zone_id ? (
            <Button size="small" variant="secondary" onClick={() => openLabels(new URLSearchParams({ zone_id: filters.zone_id }))}>
              {t("gwcShowroom.exhibits.printZone")}
            </Button>
          ) : null}
          {data ? (
            <Text size="small" className="text-ui-fg-subtle" aria-live="polite">
              {t("gwcShowroom.exhibits.count", { count: data.count ?? exhibits.length })}
            </Text>
          ) : null}
        </div>
        <OutcomeLine outcome={outcome} />
        <QueryState error={error ?? centres.error} loading={(loading && !data) || (centres.loading && !centres.data)}>
          {!exhibits.length ? (
            <Text className="text-ui-fg-subtle">{t("gwcShowroom.exhibits.empty")}</Text>
          ) : (
            <Table data-testid="exhibit-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>
                    <Checkbox
                      aria-label={t("gwcShowroom.exhibits.selectAll")}
                      checked={selected.length === exhibits.length}
                      onCheckedChange={(on) => setSelected(on === true ? exhibits.map((exhibit) => exhibit.id) : [])}
                    />
                  </Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.exhibits.product")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.common.zone")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.exhibits.plinth")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.exhibits.antenna")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.exhibits.tags")}</Table.HeaderCell>
                  <Table.HeaderCell className="whitespace-nowrap">{t("gwcShowroom.common.status")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.common.actions")}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {exhibits.map((exhibit) => {
                  const zone = zoneOf(exhibit)
                  const tags = (exhibit.tags ?? []).filter((tag) => tag.status !== "retired")
                  return (
                    <Table.Row key={exhibit.id} data-testid="exhibit-row" className="align-top">
                      <Table.Cell>
                        <Checkbox
                          aria-label={t("gwcShowroom.exhibits.selectOne", { title: titleOf(exhibit) })}
                          checked={selected.includes(exhibit.id)}
                          onCheckedChange={(on) => toggle(exhibit.id, on === true)}
                        />
                      </Table.Cell>
                      <Table.Cell>
                        <div className="flex items-center gap-2 py-1">
                          {thumbnailOf(exhibit) ? <img src={thumbnailOf(exhibit)!} alt="" className="h-8 w-8 rounded object-cover" /> : null}
                          <span>{titleOf(exhibit)}</span>
                        </div>
                      </Table.Cell>
                      <Table.Cell className="font-mono">{zone?.code ?? exhibit.zone_code ?? "—"}</Table.Cell>
                      <Table.Cell className="font-mono">{exhibit.plinth ?? "—"}</Table.Cell>
                      <Table.Cell className="font-mono text-xs">{exhibit.antenna ?? "—"}</Table.Cell>
                      <Table.Cell>
                        <ul className="flex flex-col gap-y-1 py-1">
                          {tags.map((tag) => (
                            <li key={tag.id} className="flex items-center gap-2">
                              <Badge size="2xsmall">{tag.scheme}</Badge>
                              <span className="font-mono text-xs" data-testid="tag-epc">
                                {tag.epc}
                              </span>
                              <Button size="small" variant="transparent" onClick={() => retire(tag)} aria-label={t("gwcShowroom.exhibits.retireOne", { epc: tag.epc })}>
                                {t("gwcShowroom.exhibits.retire")}
                              </Button>
                            </li>
                          ))}
                          {!tags.length ? <li className="text-ui-fg-subtle">{t("gwcShowroom.exhibits.noTags")}</li> : null}
                        </ul>
                        {tagging === exhibit.id ? <AddTag exhibit={exhibit} onAdded={refresh} /> : null}
                      </Table.Cell>
                      <Table.Cell className="whitespace-nowrap">{t(`gwcShowroom.exhibits.status_${exhibit.status}`)}</Table.Cell>
                      <Table.Cell>
                        <div className="flex flex-col gap-1 whitespace-nowrap py-1">
                          <Button size="small" variant="secondary" onClick={() => setTagging(tagging === exhibit.id ? null : exhibit.id)}>
                            {tagging === exhibit.id ? t("gwcShowroom.common.close") : t("gwcShowroom.exhibits.addTag")}
                          </Button>
                          <Button size="small" variant="secondary" onClick={() => openLabels(new URLSearchParams({ exhibit_ids: exhibit.id }))}>
                            {t("gwcShowroom.exhibits.printOne")}
                          </Button>
                          {exhibit.status === "on_display" ? (
                            <Button size="small" variant="danger" onClick={() => withdraw(exhibit)}>
                              {t("gwcShowroom.exhibits.withdraw")}
                            </Button>
                          ) : null}
                        </div>
                      </Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
          )}
        </QueryState>
      </div>
      {centres.centreId ? (
        <div className="px-6 py-4">
          <AddExhibit zones={zones} onAdded={refresh} />
        </div>
      ) : null}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "gwcShowroom.menu.exhibits",
  translationNs: "translation",
  icon: Tag,
  rank: 31,
})

export default ExhibitsPage
