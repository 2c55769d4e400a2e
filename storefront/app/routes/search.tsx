import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node"
import { Form, Link, useLoaderData, useNavigate, useNavigation } from "@remix-run/react"
import { useEffect, useRef } from "react"
import { ProductCard } from "~/components/ProductCard"
import { useTranslation } from "~/i18n/react"
import { categoryTree, type CategoryNode } from "~/lib/catalog.server"
import { LIST_PARAMS, parseSearchParams, PRICE_RANGES, priceRange, toQuery, withChange, withoutValue, type ListParam, type SearchState } from "~/lib/search-params"
import { PAGE_SIZE, searchProducts, type FacetOption, type ValueFacetField } from "~/lib/search.server"

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.state.q ? `${data.state.q} · 搜索 · 现代公物仓` : "搜索 · 现代公物仓" },
  { name: "robots", content: "noindex" },
]

/** URL parameter → the backend's facet field. */
const FACET_OF: Record<Exclude<ListParam, "category">, ValueFacetField> = {
  kind: "offer_kind",
  brand: "brand",
  supplier: "supplier_name",
  energy: "energy_label",
  origin: "origin_region",
}

interface CategoryOption {
  handle: string
  name: string
  count: number
  children: CategoryOption[]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  // The category tree names the facet's category ids; the page still works if it cannot load.
  const tree = await categoryTree().catch(() => [] as CategoryNode[])
  const all = tree.flatMap((root) => [root, ...root.children])
  const byHandle = new Map(all.map((c) => [c.handle, c]))
  const { state, dropped } = parseSearchParams(url.searchParams, (handle) => tree.length === 0 || byHandle.has(handle))

  const outcome = await searchProducts({
    q: state.q || undefined,
    categoryIds: state.category.map((h) => byHandle.get(h)?.id).filter((id): id is string => Boolean(id)),
    kinds: state.kind,
    brands: state.brand,
    suppliers: state.supplier,
    energy: state.energy,
    origins: state.origin,
    inStock: state.in_stock,
    price: priceRange(state.price),
    sort: state.sort,
    page: state.page,
  })

  // Category counts come back per id (ancestors included): shown as the catalogue's tree.
  const counts = new Map((outcome.ok ? (outcome.facets.category_ids ?? []) : []).map((o) => [o.value, o.count]))
  const option = (node: CategoryNode): CategoryOption => ({
    handle: node.handle,
    name: node.name,
    count: counts.get(node.id) ?? 0,
    children: node.children.map(option).filter((c) => c.count > 0 || state.category.includes(c.handle)),
  })
  const categories = tree.map(option).filter((c) => c.count > 0 || c.children.length || state.category.includes(c.handle))
  const facets = Object.fromEntries(
    Object.entries(FACET_OF).map(([param, field]) => {
      const options: FacetOption[] = outcome.ok ? [...(outcome.facets[field] ?? [])] : []
      // A chosen value stays listed (unchecking it must stay possible) even when its count is 0.
      for (const value of state[param as ListParam]) if (!options.some((o) => o.value === value)) options.push({ value, count: 0 })
      return [param, options]
    })
  ) as Record<Exclude<ListParam, "category">, FacetOption[]>

  const body = {
    state,
    dropped,
    unavailable: !outcome.ok,
    products: outcome.ok ? outcome.products : [],
    count: outcome.ok ? outcome.count : 0,
    pages: outcome.ok ? Math.max(1, Math.ceil(outcome.count / PAGE_SIZE)) : 1,
    categories,
    categoryNames: Object.fromEntries(all.map((c) => [c.handle, c.name])),
    facets,
    inStockCount: outcome.ok ? (outcome.facets.in_stock?.find((o) => o.value === "true")?.count ?? null) : null,
    priceCounts: outcome.ok ? outcome.priceCounts : {},
  }
  // A backend failure is a message in the page (503), never the error page.
  return data(body, { status: outcome.ok ? 200 : 503 })
}

function CategoryTree({ options, chosen }: { options: CategoryOption[]; chosen: string[] }) {
  return (
    <ul className="facet-tree">
      {options.map((c) => (
        <li key={c.handle}>
          <label className="facet-option">
            <input type="checkbox" name="category" value={c.handle} defaultChecked={chosen.includes(c.handle)} />
            <span>{c.name}</span>
            <span className="facet-count">{c.count}</span>
          </label>
          {c.children.length ? <CategoryTree options={c.children} chosen={chosen} /> : null}
        </li>
      ))}
    </ul>
  )
}

export default function SearchPage() {
  const page = useLoaderData<typeof loader>()
  const { state } = page
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const navigation = useNavigation()
  const form = useRef<HTMLFormElement>(null)
  const details = useRef<HTMLDetailsElement>(null)
  const query = toQuery(state)
  // With JavaScript a changed filter applies at once, and the URL leaves out empty fields and the
  // default sort; without it, the "apply" buttons submit the form as it is.
  const apply = (target: HTMLFormElement | null) => {
    if (!target) return
    const params = new URLSearchParams()
    for (const [name, value] of new FormData(target)) if (typeof value === "string" && value !== "") params.append(name, value)
    if (params.get("sort") === (state.q ? "relevance" : "newest")) params.delete("sort")
    const search = params.toString()
    navigate(`/search${search ? `?${search}` : ""}`, { preventScrollReset: true })
  }
  // The controls follow the URL (back button, chips) without being re-created, so focus stays put.
  useEffect(() => {
    for (const el of Array.from(form.current?.elements ?? [])) {
      if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
        const chosen = el.name === "in_stock" ? state.in_stock : el.name === "price" ? (state.price ?? "") === el.value : (state[el.name as ListParam] ?? []).includes(el.value)
        el.checked = chosen
      } else if (el instanceof HTMLSelectElement) el.value = state.sort
    }
  }, [query]) // `query` is the state written out: it changes exactly when the state does
  // Phones start with the filters folded away (without JavaScript they stay open).
  useEffect(() => {
    if (details.current && window.matchMedia("(max-width: 800px)").matches) details.current.open = false
  }, [])

  const label = (param: ListParam, value: string) =>
    param === "category" ? (page.categoryNames[value] ?? value) : param === "kind" ? t(`product.kind.${value}`) : value
  const chips: { key: string; text: string; href: string }[] = [
    ...LIST_PARAMS.flatMap((param) =>
      state[param].map((value) => ({
        key: `${param}:${value}`,
        text: t("search.chip", { facet: t(`search.facets.${param}`), value: label(param, value) }),
        href: withoutValue(state, param, value),
      }))
    ),
    ...(state.in_stock ? [{ key: "in_stock", text: t("search.inStock"), href: withChange(state, { in_stock: false }) }] : []),
    ...(state.price
      ? [
          {
            key: "price",
            text: t("search.chip", { facet: t("search.facets.price"), value: t(`search.prices.${state.price}`, { defaultValue: state.price }) }),
            href: withChange(state, { price: null }),
          },
        ]
      : []),
  ]
  const pageLink = (p: number) => `/search${toQuery({ ...state, page: p } as SearchState)}`
  const facetGroup = (param: Exclude<ListParam, "category">) =>
    page.facets[param].length ? (
      <fieldset key={param} className="facet">
        <legend>{t(`search.facets.${param}`)}</legend>
        {page.facets[param].map((o) => (
          <label key={o.value} className="facet-option">
            <input type="checkbox" name={param} value={o.value} defaultChecked={state[param].includes(o.value)} />
            <span>{label(param, o.value)}</span>
            <span className="facet-count">{o.count}</span>
          </label>
        ))}
      </fieldset>
    ) : null

  return (
    <section aria-labelledby="search-title" className="search-page">
      <h1 id="search-title">{state.q ? t("search.titleQuery", { q: state.q }) : t("search.title")}</h1>
      {page.dropped.length ? <p className="notice-warn" data-testid="search-dropped">{t("search.badParams", { params: page.dropped.join(i18n.language === "en" ? ", " : "、") })}</p> : null}
      {page.unavailable ? (
        <p role="alert" className="form-error" data-testid="search-unavailable">{t("search.unavailable")}</p>
      ) : null}

      <div className="search-layout">
        <details className="search-filters" open ref={details}>
          <summary>{t("search.filters")}</summary>
          <Form
            method="get"
            action="/search"
            id="search-form"
            ref={form}
            aria-label={t("search.filters")}
            onChange={(event) => apply(event.currentTarget)}
            onSubmit={(event) => {
              event.preventDefault()
              apply(event.currentTarget)
            }}
          >
            {state.q ? <input type="hidden" name="q" value={state.q} /> : null}
            {page.categories.length ? (
              <fieldset className="facet">
                <legend>{t("search.facets.category")}</legend>
                <CategoryTree options={page.categories} chosen={state.category} />
              </fieldset>
            ) : null}
            {facetGroup("kind")}
            {facetGroup("brand")}
            {facetGroup("supplier")}
            {facetGroup("energy")}
            {facetGroup("origin")}
            <fieldset className="facet">
              <legend>{t("search.facets.price")}</legend>
              <label className="facet-option">
                <input type="radio" name="price" value="" defaultChecked={!state.price} />
                <span>{t("search.anyPrice")}</span>
              </label>
              {PRICE_RANGES.map((r) => (
                <label key={r.key} className="facet-option">
                  <input type="radio" name="price" value={r.key} defaultChecked={state.price === r.key} />
                  <span>{t(`search.prices.${r.key}`)}</span>
                  <span className="facet-count">{page.priceCounts[r.key] ?? 0}</span>
                </label>
              ))}
            </fieldset>
            <fieldset className="facet">
              <legend>{t("search.facets.in_stock")}</legend>
              <label className="facet-option">
                <input type="checkbox" name="in_stock" value="1" defaultChecked={state.in_stock} />
                <span>{t("search.inStock")}</span>
                {page.inStockCount !== null ? <span className="facet-count">{page.inStockCount}</span> : null}
              </label>
            </fieldset>
            <button type="submit">{t("search.apply")}</button>
          </Form>
        </details>

        <div className="search-results" aria-busy={navigation.state === "loading"}>
          {chips.length ? (
            <nav aria-label={t("search.active")} className="chips">
              <ul>
                {chips.map((chip) => (
                  <li key={chip.key}>
                    <Link to={chip.href} className="filter-chip" aria-label={t("search.removeFilter", { label: chip.text })} data-testid="filter-chip">
                      {chip.text} <span aria-hidden="true">×</span>
                    </Link>
                  </li>
                ))}
                <li>
                  <Link to={`/search${toQuery({ ...state, category: [], kind: [], brand: [], supplier: [], energy: [], origin: [], in_stock: false, price: null, page: 1 })}`}>
                    {t("search.clearAll")}
                  </Link>
                </li>
              </ul>
            </nav>
          ) : null}
          <div className="listing-bar">
            <p data-testid="search-count" aria-live="polite">{page.unavailable ? "" : t("search.count", { count: page.count })}</p>
            <div className="sort-form">
              <label htmlFor="search-sort">{t("search.sort")}</label>
              <select id="search-sort" name="sort" form="search-form" defaultValue={state.sort} onChange={(event) => apply(event.currentTarget.form)}>
                <option value="relevance">{t("search.sortRelevance")}</option>
                <option value="price_asc">{t("search.sortPriceAsc")}</option>
                <option value="price_desc">{t("search.sortPriceDesc")}</option>
                <option value="newest">{t("search.sortNewest")}</option>
              </select>
              <button type="submit" form="search-form">{t("listing.apply")}</button>
            </div>
          </div>
          <h2 className="visually-hidden">{t("search.results")}</h2>
          {page.products.length ? (
            <ul className="grid" data-testid="search-results">
              {page.products.map((p, i) => (
                <ProductCard key={p.handle} product={p} lazy={i >= 4} />
              ))}
            </ul>
          ) : !page.unavailable ? (
            <p className="empty">{t("search.noResults")}</p>
          ) : null}
          {page.pages > 1 ? (
            <nav className="pagination" aria-label={t("search.page", { page: state.page, pages: page.pages })}>
              {state.page > 1 ? <Link to={pageLink(state.page - 1)} rel="prev">{t("search.prev")}</Link> : <span />}
              <span className="page-info">{t("search.page", { page: state.page, pages: page.pages })}</span>
              {state.page < page.pages ? <Link to={pageLink(state.page + 1)} rel="next">{t("search.next")}</Link> : <span />}
            </nav>
          ) : null}
        </div>
      </div>
    </section>
  )
}
