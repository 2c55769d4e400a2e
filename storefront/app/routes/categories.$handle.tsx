import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { Form, Link, useLoaderData } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import { z } from "zod"
import { ProductCard } from "~/components/ProductCard"
import { categoryTree, fromPrice, listProducts, toCard, type CategoryNode } from "~/lib/catalog.server"

const PAGE_SIZE = 12
const Query = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  sort: z.enum(["newest", "price_asc", "price_desc", "title"]).catch("newest"),
})

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.category.name} · 现代公物仓` : "现代公物仓" }]

export async function loader({ params, request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const { page, sort } = Query.parse(Object.fromEntries(url.searchParams))
  const tree = await categoryTree()
  const all = tree.flatMap((root) => [root, ...root.children])
  const category = all.find((c) => c.handle === params.handle)
  if (!category) throw new Response("Not found", { status: 404 })
  // A top-level category lists its subcategories' products too.
  const categoryIds = [category.id, ...category.children.map((c: CategoryNode) => c.id)]

  let products
  let count
  if (sort === "price_asc" || sort === "price_desc") {
    // The store API cannot order by calculated price; a category is small enough to sort here.
    const everything = await listProducts({ categoryIds, limit: 1000, offset: 0 })
    const sorted = everything.products.sort((a, b) => (fromPrice(a) ?? 0) - (fromPrice(b) ?? 0))
    if (sort === "price_desc") sorted.reverse()
    products = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
    count = everything.count
  } else {
    const order = sort === "title" ? "title" : "-created_at"
    ;({ products, count } = await listProducts({ categoryIds, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, order }))
  }
  return {
    category: { name: category.name, handle: category.handle, children: category.children.map((c) => ({ name: c.name, handle: c.handle })) },
    products: products.map(toCard),
    count,
    page,
    pages: Math.max(1, Math.ceil(count / PAGE_SIZE)),
    sort,
  }
}

export default function CategoryPage() {
  const { category, products, count, page, pages, sort } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const pageLink = (p: number) => `?${new URLSearchParams({ sort, page: String(p) })}`
  return (
    <section aria-labelledby="category-title">
      <h1 id="category-title">{category.name}</h1>
      {category.children.length ? (
        <nav aria-label={t("listing.subcategories")} className="subcategories">
          {category.children.map((c) => (
            <Link key={c.handle} to={`/categories/${c.handle}`}>
              {c.name}
            </Link>
          ))}
        </nav>
      ) : null}
      <div className="listing-bar">
        <p>{t("listing.count", { count })}</p>
        <Form method="get" className="sort-form">
          <label htmlFor="sort">{t("listing.sort")}</label>
          <select id="sort" name="sort" defaultValue={sort}>
            <option value="newest">{t("listing.sortNewest")}</option>
            <option value="price_asc">{t("listing.sortPriceAsc")}</option>
            <option value="price_desc">{t("listing.sortPriceDesc")}</option>
            <option value="title">{t("listing.sortTitle")}</option>
          </select>
          <button type="submit">{t("listing.apply")}</button>
        </Form>
      </div>
      {products.length ? (
        <ul className="grid">
          {products.map((p, i) => (
            <ProductCard key={p.handle} product={p} lazy={i >= 4} />
          ))}
        </ul>
      ) : (
        <p className="empty">{t("listing.empty")}</p>
      )}
      <nav className="pagination" aria-label={t("listing.page", { page, pages })}>
        {page > 1 ? <Link to={pageLink(page - 1)} rel="prev">{t("listing.prev")}</Link> : <span />}
        <span className="page-info">{t("listing.page", { page, pages })}</span>
        {page < pages ? <Link to={pageLink(page + 1)} rel="next">{t("listing.next")}</Link> : <span />}
      </nav>
    </section>
  )
}
