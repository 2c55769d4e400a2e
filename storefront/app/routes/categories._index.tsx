import { Link, useLoaderData } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import { categoryTree } from "~/lib/catalog.server"

export async function loader() {
  return { tree: await categoryTree() }
}

export default function Categories() {
  const { tree } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <section aria-labelledby="categories-title">
      <h1 id="categories-title">{t("nav.categories")}</h1>
      <ul className="category-tree">
        {tree.map((root) => (
          <li key={root.handle}>
            <Link to={`/categories/${root.handle}`}>{root.name}</Link>
            <ul>
              {root.children.map((child) => (
                <li key={child.handle}>
                  <Link to={`/categories/${child.handle}`}>{child.name}</Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  )
}
