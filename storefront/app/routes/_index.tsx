import type { MetaFunction } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import { ProductCard } from "~/components/ProductCard"
import { categoryTree, listProducts, toCard } from "~/lib/catalog.server"

export const meta: MetaFunction = () => [{ title: "现代公物仓 Gongwucang" }]

export async function loader() {
  const [tree, newest] = await Promise.all([categoryTree(), listProducts({ limit: 12, offset: 0, order: "-created_at" })])
  // Featured: products tagged for the showroom/livestream come later; until then the first of each kind.
  const featured = await listProducts({ limit: 8, offset: 12, order: "title" })
  return {
    categories: tree.map((c) => ({ name: c.name, handle: c.handle, color: (c.metadata?.color as string) ?? null, children: c.children.length })),
    newest: newest.products.map(toCard),
    featured: featured.products.map(toCard),
  }
}

export default function Home() {
  const { categories, newest, featured } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <>
      {/* Hero slot: the showroom issue fills it with the month's theme (一月一主题). */}
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t("home.heroTitle")}</h1>
        <p>{t("home.heroText")}</p>
      </section>
      <section aria-labelledby="categories-title">
        <h2 id="categories-title">{t("home.categories")}</h2>
        <ul className="category-tiles">
          {categories.map((c) => (
            <li key={c.handle} style={c.color ? { borderColor: c.color } : undefined}>
              <Link to={`/categories/${c.handle}`}>{c.name}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="newest-title">
        <h2 id="newest-title">{t("home.newest")}</h2>
        <ul className="grid">
          {newest.map((p, i) => (
            <ProductCard key={p.handle} product={p} lazy={i >= 4} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="featured-title">
        <h2 id="featured-title">{t("home.featured")}</h2>
        <ul className="grid">
          {featured.map((p) => (
            <ProductCard key={p.handle} product={p} />
          ))}
        </ul>
      </section>
    </>
  )
}
