import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react"
import { z } from "zod"
import { ProductImage } from "~/components/ProductImage"
import { translator } from "~/i18n/i18n.server"
import type { Language } from "~/i18n/languages"
import { useTranslation } from "~/i18n/react"
import { fromPrice, imageSet, mediaUrl } from "~/lib/catalog.server"
import { buildComparison, MAX_COMPARE, type Cell, type CompareRow, type CompareSpec } from "~/lib/compare"
import { compareList, Handle, localPath, parseItems, productsByHandle } from "~/lib/compare.server"
import { formatMoney } from "~/lib/format"
import { medusa } from "~/lib/medusa.server"
import { commitSession, getSession, languageOf } from "~/lib/session.server"

export const meta: MetaFunction = () => [{ title: "商品对比 · 现代公物仓" }]

// Rows shown in their own groups above the specifications; every other key is a specification.
const OVERVIEW = ["price", "offer_kind", "supplier_name"]
const AFTER_SALES = ["warranty_months", "after_sales_response_hours", "service_response_hours"]

const Query = z.object({
  diff: z.literal("1").optional().catch(undefined),
})

/** At most this many rejected entries are named back to the visitor (the URL may hold anything). */
const named = (entries: string[]) => entries.slice(0, 5).map((e) => (e.length > 40 ? `${e.slice(0, 40)}…` : e))

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const { diff } = Query.parse(Object.fromEntries(url.searchParams))
  const session = await getSession(request)
  const mine = compareList(session)
  // `?items=a,b,c` is a shared comparison; without it the visitor sees their own list.
  const itemsParam = url.searchParams.getAll("items")
  const shared = itemsParam.some((v) => v.trim() !== "")
  const { handles, invalid, dropped } = shared ? parseItems(itemsParam) : { handles: mine, invalid: [], dropped: [] }
  const { products, missing } = await productsByHandle(handles)

  const zh = translator("zh-CN")
  const en = translator("en")
  const label = (key: string) => ({ key, label_zh: zh(`compare.rows.${key}`), label_en: en(`compare.rows.${key}`) })
  const metas = products.map((p) => (p.metadata ?? {}) as Record<string, unknown>)
  const text = (value: unknown): Cell | null => (typeof value === "string" && value ? { value, unit: null } : null)
  const comparison = buildComparison(
    metas.map((m) => ({ specs: (Array.isArray(m.specs) ? m.specs : []) as CompareSpec[] })),
    [
      { ...label("price"), cells: products.map((p) => { const price = fromPrice(p); return price === null ? null : { value: price, unit: null } }) },
      { ...label("offer_kind"), cells: metas.map((m) => text(m.offer_kind)) },
      { ...label("supplier_name"), cells: metas.map((m) => text(m.supplier_name)) },
      {
        ...label("service_response_hours"),
        cells: metas.map((m) => {
          const hours = (m.service as { response_hours?: unknown } | undefined)?.response_hours
          return typeof hours === "number" ? { value: hours, unit: "小时" } : null
        }),
      },
    ]
  )
  const group = (rows: CompareRow[], keys: string[] | null) =>
    rows.filter((r) => (keys ? keys.includes(r.key) : !OVERVIEW.includes(r.key) && !AFTER_SALES.includes(r.key)))
  const visible = (rows: CompareRow[]) => (diff ? rows.filter((r) => r.differs) : rows)
  const groups = [
    { id: "overview", rows: group(comparison.rows, OVERVIEW) },
    { id: "afterSales", rows: group(comparison.rows, AFTER_SALES) },
    { id: "specs", rows: group(comparison.rows, null) },
  ]
  const shownHandles = products.map((p) => p.handle)
  return {
    shared,
    mine,
    diff: Boolean(diff),
    shareUrl: `${url.origin}/compare?items=${shownHandles.join(",")}`,
    query: shared ? `items=${shownHandles.join(",")}` : "",
    notices: { invalid: named(invalid), dropped: named(dropped), missing: named(missing) },
    missingOwn: shared ? [] : missing,
    products: products.map((p, i) => ({
      handle: p.handle,
      title: p.title,
      images: imageSet(metas[i]),
      thumbnail: mediaUrl(p.thumbnail),
    })),
    groups: groups.map((g) => ({ id: g.id, rows: visible(g.rows) })).filter((g) => g.rows.length),
    hidden: diff ? comparison.rows.filter((r) => !r.differs).length : 0,
    incomparable: comparison.incomparable,
  }
}

const CompareAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), handle: Handle }),
  z.object({ intent: z.literal("remove"), handle: Handle }),
  z.object({ intent: z.literal("clear") }),
])

/** POST /compare — add, remove or clear; then back to the page the form was on. */
export async function action({ request }: ActionFunctionArgs) {
  const t = translator(await languageOf(request))
  const form = Object.fromEntries(await request.formData())
  const back = localPath(form.redirectTo, "/compare")
  const parsed = CompareAction.safeParse(form)
  if (!parsed.success) return data({ error: t("compare.invalid") }, { status: 400 })
  const session = await getSession(request)
  const list = compareList(session)
  const intent = parsed.data
  if (intent.intent === "clear") session.set("compare", [])
  else if (intent.intent === "remove") session.set("compare", list.filter((h) => h !== intent.handle))
  else if (!list.includes(intent.handle)) {
    const { products } = await medusa().store.product.list({ handle: intent.handle, fields: "id,handle,title", limit: 1 })
    const product = products[0]
    if (!product) return data({ error: t("compare.notFound") }, { status: 404 })
    if (list.length >= MAX_COMPARE) {
      return data({ error: t("compare.full", { max: MAX_COMPARE, title: product.title }) }, { status: 409 })
    }
    session.set("compare", [...list, product.handle])
  }
  return redirect(back, { headers: { "Set-Cookie": await commitSession(session) } })
}

function CellValue({ row, cell }: { row: CompareRow; cell: Cell | null }) {
  const { t, i18n } = useTranslation()
  if (!cell) {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t("compare.missing")}</span>
      </>
    )
  }
  const { value, unit } = cell
  if (row.key === "price" && typeof value === "number") return <>{formatMoney(value, i18n.language as Language)}</>
  if (row.key === "offer_kind") return <>{t(`product.kind.${value}`, { defaultValue: String(value) })}</>
  if (typeof value === "boolean") return <>{value ? t("product.yes") : t("product.no")}</>
  return <>{`${value}${unit ? ` ${unit}` : ""}`}</>
}

/** One attribute across the products; `marked` rows highlight differences and best values. */
function Row({ row, lang, marked = true }: { row: CompareRow; lang: Language; marked?: boolean }) {
  const { t } = useTranslation()
  return (
    <tr className={marked && row.differs ? "differs" : undefined} data-key={row.key} data-differs={marked ? row.differs : undefined}>
      <th scope="row">{lang === "en" ? row.label_en : row.label_zh}</th>
      {row.cells.map((cell, i) => (
        <td key={i} className={row.best[i] ? "best" : undefined}>
          <CellValue row={row} cell={cell} />
          {row.best[i] ? <span className="best-mark">{t("compare.best")}</span> : null}
        </td>
      ))}
    </tr>
  )
}

export default function ComparePage() {
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const location = useLocation()
  const lang = i18n.language as Language
  const separator = lang === "en" ? ", " : "、"
  const here = `${location.pathname}${location.search}`
  const columns = page.products.length
  const toggle = [page.query, page.diff ? "" : "diff=1"].filter(Boolean).join("&")

  return (
    <section aria-labelledby="compare-title" className="compare">
      <h1 id="compare-title">{t("compare.title")}</h1>
      {actionData?.error ? <p role="alert" className="form-error">{actionData.error}</p> : null}
      {page.shared ? (
        <p className="hint">
          {t("compare.shared")} <Link to="/compare">{t("compare.mine")}</Link>
        </p>
      ) : null}
      {page.notices.invalid.length ? <p className="notice-warn">{t("compare.invalidItems", { items: page.notices.invalid.join(separator) })}</p> : null}
      {page.notices.dropped.length ? (
        <p className="notice-warn">{t("compare.tooMany", { max: MAX_COMPARE, items: page.notices.dropped.join(separator) })}</p>
      ) : null}
      {page.notices.missing.length ? (
        <div className="notice-warn" data-testid="compare-missing">
          <p>{t("compare.unknownItems", { items: page.notices.missing.join(separator) })}</p>
          {page.missingOwn.map((handle) => (
            <Form method="post" key={handle} className="inline-form">
              <input type="hidden" name="handle" value={handle} />
              <button type="submit" name="intent" value="remove" className="link-button">
                {t("compare.removeNamed", { title: handle })}
              </button>
            </Form>
          ))}
        </div>
      ) : null}

      {columns === 0 ? (
        <p className="empty">
          {t("compare.empty", { max: MAX_COMPARE })} <Link to="/categories">{t("compare.browse")}</Link>
        </p>
      ) : (
        <>
          <div className="compare-tools">
            <Link to={`/compare${toggle ? `?${toggle}` : ""}`} className="button compare-toggle" data-testid="diff-toggle" aria-current={page.diff ? "true" : undefined}>
              {page.diff ? t("compare.showAll") : t("compare.diffOnly")}
            </Link>
            {!page.shared ? (
              <Form method="post">
                <button type="submit" name="intent" value="clear" className="link-button">{t("compare.clear")}</button>
              </Form>
            ) : null}
          </div>
          <p className="hint">{t("compare.legend")}</p>
          {page.hidden ? <p className="hint" data-testid="hidden-count">{t("compare.hiddenSame", { count: page.hidden })}</p> : null}
          <div className="compare-scroll" role="region" aria-labelledby="compare-caption" tabIndex={0}>
            <table className="compare-table" data-columns={columns}>
              <caption id="compare-caption" className="visually-hidden">{t("compare.table")}</caption>
              <thead>
                <tr>
                  <td className="corner" />
                  {page.products.map((p) => {
                    const mine = page.mine.includes(p.handle)
                    return (
                      <th key={p.handle} scope="col" data-testid="compare-column">
                        <Link to={`/products/${p.handle}`} className="compare-product">
                          <ProductImage images={p.images} fallback={p.thumbnail} alt="" sizes="200px" prefer="thumb" lazy={false} />
                          <span>{p.title}</span>
                        </Link>
                        <Form method="post" className="compare-column-form">
                          <input type="hidden" name="handle" value={p.handle} />
                          <input type="hidden" name="redirectTo" value={here} />
                          <button
                            type="submit"
                            name="intent"
                            value={mine ? "remove" : "add"}
                            className="link-button"
                            aria-label={t(mine ? "compare.removeNamed" : "compare.addNamed", { title: p.title })}
                          >
                            {mine ? t("compare.remove") : t("compare.add")}
                          </button>
                        </Form>
                      </th>
                    )
                  })}
                </tr>
              </thead>
              {page.groups.map((g) => (
                <tbody key={g.id} data-group={g.id}>
                  <tr className="group-row">
                    <th scope="colgroup" colSpan={columns + 1}>{t(`compare.${g.id}`)}</th>
                  </tr>
                  {g.rows.map((row) => (
                    <Row key={row.key} row={row} lang={lang} />
                  ))}
                </tbody>
              ))}
            </table>
          </div>

          {page.incomparable.length ? (
            <section aria-labelledby="incomparable-title" className="incomparable">
              <h2 id="incomparable-title">{t("compare.incomparable")}</h2>
              <p className="hint">{t("compare.incomparableHint")}</p>
              <div className="compare-scroll" role="region" aria-labelledby="incomparable-title" tabIndex={0}>
                <table className="compare-table" data-testid="incomparable-table">
                  <thead>
                    <tr>
                      <td className="corner" />
                      {page.products.map((p) => (
                        <th key={p.handle} scope="col">{p.title}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {page.incomparable.map((row) => (
                      <Row key={row.key} row={row} lang={lang} marked={false} />
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}

          <section aria-labelledby="share-title" className="share-box">
            <h2 id="share-title">{t("compare.share")}</h2>
            <p className="hint" id="share-hint">{t("compare.shareHint")}</p>
            <p>
              <label htmlFor="share-url" className="visually-hidden">{t("compare.share")}</label>
              <input id="share-url" readOnly value={page.shareUrl} aria-describedby="share-hint" data-testid="share-url" />
            </p>
            <p>
              <a href={page.shareUrl}>{page.shareUrl}</a>
            </p>
          </section>
        </>
      )}
    </section>
  )
}
