import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import { useState } from "react"
import { z } from "zod"
import { procMeta } from "~/components/Procurement"
import type { Language } from "~/i18n/languages"
import { useTranslation } from "~/i18n/react"
import { categoryTree, cnyRegion, mediaUrl, type CategoryNode } from "~/lib/catalog.server"
import { formatMoney } from "~/lib/format"
import { medusa } from "~/lib/medusa.server"
import {
  apiFieldErrors,
  apiMessage,
  loadComparison,
  ProcurementApiError,
  procurementTranslator,
  requireMember,
  storeCall,
  type Comparison,
} from "~/lib/procurement.server"
import { languageOf } from "~/lib/session.server"

export const meta = procMeta("org", "org.builder.title")

const PAGE_SIZE = 30
const MIN_OFFERS = 3
const MIN_SUPPLIERS = 3
const Id = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_]{1,80}$/)

interface CategoryOption {
  id: string
  label: string
}

/** Every category, a child's label with its parents' ("办公设备 › 打印机"), in tree order. */
function flatten(nodes: CategoryNode[], prefix = ""): CategoryOption[] {
  return nodes.flatMap((node) => {
    const label = prefix ? `${prefix} › ${node.name}` : node.name
    return [{ id: node.id, label }, ...flatten(node.children, label)]
  })
}

/** The builder's state in its URL, so searching and paging keep what was typed and picked. */
function stateOf(params: URLSearchParams) {
  const selected = [
    ...new Set(
      params
        .getAll("selected")
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter((v) => Id.safeParse(v).success)
    ),
  ].slice(0, 30)
  return {
    category: Id.safeParse(params.get("category") ?? "").success ? params.get("category")! : null,
    q: (params.get("q") ?? "").slice(0, 100),
    page: Math.max(1, Math.min(200, Number(params.get("page")) || 1)),
    selected,
    title: (params.get("title") ?? "").slice(0, 200),
    quantity: (params.get("quantity") ?? "1").slice(0, 8),
    specs: (params.get("specs") ?? "").slice(0, 2000),
    /** Changing the offers of a draft or returned comparison (its category stays). */
    comparison: Id.safeParse(params.get("comparison") ?? "").success ? params.get("comparison")! : null,
  }
}

function builderUrl(state: ReturnType<typeof stateOf>): string {
  const params = new URLSearchParams()
  if (state.category) params.set("category", state.category)
  if (state.q) params.set("q", state.q)
  if (state.page > 1) params.set("page", String(state.page))
  if (state.selected.length) params.set("selected", state.selected.join(","))
  if (state.title) params.set("title", state.title)
  if (state.quantity) params.set("quantity", state.quantity)
  if (state.specs) params.set("specs", state.specs)
  if (state.comparison) params.set("comparison", state.comparison)
  return `/org/comparisons/new?${params}`
}

interface OfferRow {
  variantId: string
  productTitle: string
  variantTitle: string | null
  handle: string
  thumbnail: string | null
  price: number | null
  supplier: string | null
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { token } = await requireMember(request)
  const params = new URL(request.url).searchParams
  let state = stateOf(params)
  if (state.comparison) {
    const existing = await loadComparison(token, state.comparison)
    if (existing.status !== "draft" && existing.status !== "returned") throw redirect(`/org/comparisons/${existing.id}`)
    // First visit: the comparison's own need and offers; afterwards what the URL carries.
    if (!params.has("category")) {
      state = {
        ...state,
        category: existing.category_id,
        selected: existing.offers.map((o) => o.variant_id),
        title: existing.title,
        quantity: String(existing.quantity),
        specs: existing.required_specs ?? "",
      }
    } else state = { ...state, category: existing.category_id }
  }
  const categories = flatten(await categoryTree())
  const category = categories.find((c) => c.id === state.category) ?? null
  let offers: OfferRow[] = []
  let count = 0
  if (category) {
    const region = await cnyRegion()
    const result = await medusa().store.product.list({
      category_id: [category.id],
      region_id: region.id,
      ...(state.q ? { q: state.q } : {}),
      fields: "id,handle,title,thumbnail,metadata,variants.id,variants.title,variants.calculated_price.calculated_amount",
      limit: PAGE_SIZE,
      offset: (state.page - 1) * PAGE_SIZE,
      order: "title",
    })
    count = result.count
    offers = result.products.flatMap((product) => {
      const metadata = (product.metadata ?? {}) as Record<string, unknown>
      const variants = product.variants ?? []
      return variants.map((variant) => ({
        variantId: variant.id,
        productTitle: product.title,
        variantTitle: variants.length > 1 ? variant.title ?? null : null,
        handle: product.handle,
        thumbnail: mediaUrl(product.thumbnail),
        price: typeof variant.calculated_price?.calculated_amount === "number" ? variant.calculated_price.calculated_amount : null,
        supplier: typeof metadata.supplier_name === "string" ? metadata.supplier_name : null,
      }))
    })
  }
  return {
    state,
    categories,
    category,
    offers,
    count,
    pages: Math.max(1, Math.ceil(count / PAGE_SIZE)),
  }
}

const Create = z.object({
  category: Id,
  title: z.string().trim().max(200).optional(),
  quantity: z.string().trim(),
  specs: z.string().trim().max(2000).optional(),
})

export async function action({ request }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = procurementTranslator(lang)
  const { token } = await requireMember(request)
  const form = await request.formData()
  const text = (key: string) => (typeof form.get(key) === "string" ? (form.get(key) as string) : "")
  const selected = [...new Set(form.getAll("variant_ids").filter((v): v is string => typeof v === "string" && Id.safeParse(v).success))]
  const state = {
    category: Id.safeParse(text("category")).success ? text("category") : null,
    q: text("q").slice(0, 100),
    page: Math.max(1, Number(text("page")) || 1),
    selected,
    title: text("title").slice(0, 200),
    quantity: text("quantity").slice(0, 8),
    specs: text("specs").slice(0, 2000),
    comparison: Id.safeParse(text("comparison")).success ? text("comparison") : null,
  }
  const intent = text("intent")
  if (intent === "search") return redirect(builderUrl({ ...state, page: 1 }))
  if (intent === "prev" || intent === "next")
    return redirect(
      builderUrl({
        ...state,
        page: Math.max(1, state.page + (intent === "next" ? 1 : -1)),
      })
    )

  const parsed = Create.safeParse(Object.fromEntries(form))
  const fieldErrors: Record<string, string> = {}
  const quantity = Number(state.quantity)
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100000) fieldErrors.quantity = t("proc.org.builder.invalidQuantity")
  if (selected.length < MIN_OFFERS) fieldErrors.variant_ids = t("proc.org.builder.tooFew")
  if (!parsed.success || Object.keys(fieldErrors).length) {
    return data(
      {
        formError: Object.values(fieldErrors)[0] ?? t("account.fixErrors"),
        fieldErrors,
        selected,
      },
      { status: 400 }
    )
  }
  let comparison: Comparison
  const need = {
    ...(parsed.data.title ? { title: parsed.data.title } : {}),
    quantity,
    ...(parsed.data.specs ? { required_specs: parsed.data.specs } : {}),
    variant_ids: selected,
  }
  try {
    ;({ comparison } = state.comparison
      ? await storeCall<{ comparison: Comparison }>(token, `/store/comparisons/${encodeURIComponent(state.comparison)}`, { json: need })
      : await storeCall<{ comparison: Comparison }>(token, "/store/comparisons", { json: { ...need, category_id: parsed.data.category } }))
  } catch (error) {
    if (error instanceof ProcurementApiError && error.status === 404) throw new Response("Not found", { status: 404 })
    if (error instanceof ProcurementApiError && error.status < 500) {
      const message = apiMessage(error, lang)
      const fields = apiFieldErrors(error, lang)
      return data({ formError: message, fieldErrors: fields, selected }, { status: error.status })
    }
    throw error
  }
  return redirect(`/org/comparisons/${comparison.id}${state.comparison ? "" : "?created=1"}`)
}

export default function ComparisonBuilder() {
  const { state, categories, category, offers, count, pages } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const initial = actionData?.selected ?? state.selected
  const [picked, setPicked] = useState<string[]>(initial)
  const supplierOf = new Map(offers.map((o) => [o.variantId, o.supplier ?? o.variantId]))
  const shown = new Set(offers.map((o) => o.variantId))
  const elsewhere = picked.filter((id) => !shown.has(id))
  const suppliers = new Set(picked.map((id) => supplierOf.get(id) ?? id)).size
  const creating = navigation.state !== "idle" && navigation.formData?.get("intent") === "create"
  const errors = actionData?.fieldErrors ?? {}

  return (
    <section aria-labelledby="builder-title" className="comparison-builder">
      <h1 id="builder-title">{t("proc.org.builder.title")}</h1>
      {actionData?.formError ? (
        <p role="alert" className="form-error">
          {actionData.formError}
        </p>
      ) : null}
      {state.comparison ? null : (
        <Form method="get" className="inline-form category-step">
          <h2>{t("proc.org.builder.step1")}</h2>
          <label htmlFor="category-select">{t("proc.org.builder.category")}</label>
          <select id="category-select" name="category" defaultValue={category?.id ?? ""} required>
            <option value="" disabled>
              {t("proc.org.builder.chooseCategory")}
            </option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          <button type="submit">{t("proc.org.builder.next")}</button>
        </Form>
      )}

      {category ? (
        <Form method="post" className="account-form builder-form" aria-busy={creating || undefined}>
          <h2>{t("proc.org.builder.step2")}</h2>
          <p>
            {t("proc.org.builder.category")}: <strong data-testid="builder-category">{category.label}</strong>
          </p>
          <input type="hidden" name="category" value={category.id} />
          {state.comparison ? <input type="hidden" name="comparison" value={state.comparison} /> : null}
          <input type="hidden" name="page" value={state.page} />
          <div className="field">
            <label htmlFor="title">{t("proc.org.builder.name")}</label>
            <input id="title" name="title" defaultValue={state.title} maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="quantity">{t("proc.org.builder.quantity")}</label>
            <input
              id="quantity"
              name="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={100000}
              defaultValue={state.quantity}
              required
              aria-invalid={errors.quantity ? true : undefined}
              aria-describedby={errors.quantity ? "quantity-error" : undefined}
            />
            {errors.quantity ? (
              <p id="quantity-error" className="field-error">
                {errors.quantity}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="specs">{t("proc.org.builder.specs")}</label>
            <textarea id="specs" name="specs" rows={3} defaultValue={state.specs} aria-describedby="specs-hint" maxLength={2000} />
            <p id="specs-hint" className="hint">
              {t("proc.org.builder.specsHint")}
            </p>
          </div>

          <fieldset className="offer-picker" aria-describedby="offers-hint">
            <legend>{t("proc.org.builder.offers")}</legend>
            <p id="offers-hint" className="hint">
              {t("proc.org.builder.offersHint")}
            </p>
            <div className="inline-form">
              <label htmlFor="q">{t("proc.org.builder.search")}</label>
              <input id="q" name="q" type="search" defaultValue={state.q} maxLength={100} />
              <button type="submit" name="intent" value="search" formNoValidate>
                {t("proc.org.builder.searchButton")}
              </button>
            </div>
            <p role="status" className="hint" data-testid="picked-count">
              {t("proc.org.builder.selected", {
                count: picked.length,
                suppliers,
              })}
            </p>
            {elsewhere.length ? (
              <p className="hint">
                {t("proc.org.builder.selectedElsewhere", {
                  count: elsewhere.length,
                })}
              </p>
            ) : null}
            {elsewhere.map((id) => (
              <input key={id} type="hidden" name="variant_ids" value={id} />
            ))}
            {errors.variant_ids ? <p className="field-error">{errors.variant_ids}</p> : null}
            {offers.length === 0 ? (
              <p className="empty">{t("proc.org.builder.noProducts")}</p>
            ) : (
              <ul className="offer-list" data-testid="offer-list">
                {offers.map((offer) => {
                  const name = `${offer.productTitle}${offer.variantTitle ? ` ${offer.variantTitle}` : ""}`
                  return (
                    <li key={offer.variantId} className="offer-option" data-testid="offer-option" data-supplier={offer.supplier ?? ""}>
                      <label>
                        <input
                          type="checkbox"
                          name="variant_ids"
                          value={offer.variantId}
                          checked={picked.includes(offer.variantId)}
                          onChange={(event) =>
                            setPicked((current) => (event.target.checked ? [...current, offer.variantId] : current.filter((id) => id !== offer.variantId)))
                          }
                          aria-label={t("proc.org.builder.pick", {
                            title: name,
                          })}
                        />
                        {offer.thumbnail ? <img src={offer.thumbnail} alt="" width={64} height={64} loading="lazy" /> : null}
                        <span className="offer-text">
                          <span className="offer-title">{offer.productTitle}</span>
                          {offer.variantTitle ? <span className="variant-title">{offer.variantTitle}</span> : null}
                          <span className="card-supplier">
                            {t("proc.org.builder.supplier")}: {offer.supplier ?? "—"}
                          </span>
                        </span>
                        <span className="price">{formatMoney(offer.price, lang)}</span>
                      </label>
                      <Link to={`/products/${offer.handle}`} target="_blank" rel="noreferrer" className="hint">
                        ↗
                      </Link>
                    </li>
                  )
                })}
              </ul>
            )}
            {pages > 1 ? (
              <p className="pagination">
                {state.page > 1 ? (
                  <button type="submit" name="intent" value="prev" className="link-button" formNoValidate>
                    {t("proc.org.builder.prev")}
                  </button>
                ) : null}
                <span>{t("proc.org.builder.page", { page: state.page, pages })}</span>
                {state.page < pages ? (
                  <button type="submit" name="intent" value="next" className="link-button" formNoValidate>
                    {t("proc.org.builder.next_")}
                  </button>
                ) : null}
              </p>
            ) : null}
            {count ? <p className="hint">{t("listing.count", { count })}</p> : null}
          </fieldset>
          <button type="submit" name="intent" value="create" disabled={creating} data-testid="create-comparison">
            {creating ? t("proc.org.builder.creating") : state.comparison ? t("proc.org.builder.update") : t("proc.org.builder.create")}
          </button>
        </Form>
      ) : null}
    </section>
  )
}
