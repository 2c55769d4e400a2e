import type { LoaderFunctionArgs } from "@remix-run/node"
import { Form, Link, useLoaderData } from "@remix-run/react"
import { z } from "zod"
import { NotApproved, ReviewChips, SupplierNav, supplierMeta } from "~/components/SupplierPortal"
import { useTranslation } from "~/i18n/react"
import type { Language } from "~/i18n/languages"
import { formatDateTime, formatMoney } from "~/lib/format"
import { backendMedia, listListings, requireSupplier } from "~/lib/supplier.server"

export const meta = supplierMeta("listings.title")

const PAGE_SIZE = 20
const STATUSES = ["draft", "proposed", "published", "rejected"] as const

const Query = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const { me, token } = await requireSupplier(request)
  const url = new URL(request.url)
  const query = Query.parse({ status: url.searchParams.get("status") || undefined, q: url.searchParams.get("q") || undefined, page: url.searchParams.get("page") ?? 1 })
  const { products, count } = await listListings(token, { limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE, status: query.status, q: query.q })
  return {
    status: me.supplier.status,
    query: { status: query.status ?? "", q: query.q ?? "", page: query.page },
    count,
    pages: Math.max(1, Math.ceil(count / PAGE_SIZE)),
    listings: products.map((p) => ({ ...p, thumbnail: backendMedia(p.thumbnail) })),
  }
}

export default function SupplierListings() {
  const { status, query, count, pages, listings } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const approved = status === "approved"
  const pageLink = (page: number) => {
    const params = new URLSearchParams()
    if (query.status) params.set("status", query.status)
    if (query.q) params.set("q", query.q)
    if (page > 1) params.set("page", String(page))
    const search = params.toString()
    return search ? `?${search}` : "/supplier/listings"
  }
  return (
    <section aria-labelledby="listings-title" className="account supplier-listings">
      <p className="portal-eyebrow">{t("supplier.portal.title")}</p>
      <h1 id="listings-title">{t("supplier.listings.title")}</h1>
      <SupplierNav approved={approved} />
      {approved ? (
        <p>
          <Link to="/supplier/listings/new" className="button">
            {t("supplier.nav.newListing")}
          </Link>
        </p>
      ) : (
        <NotApproved status={status} />
      )}
      <Form method="get" className="listing-filter" role="search" aria-label={t("supplier.listings.filter")}>
        <div className="field">
          <label htmlFor="listing-q">{t("supplier.listings.search")}</label>
          <input id="listing-q" name="q" type="search" defaultValue={query.q} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="listing-status">{t("supplier.listings.status")}</label>
          <select id="listing-status" name="status" defaultValue={query.status}>
            <option value="">{t("supplier.listings.anyStatus")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`supplier.productStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("supplier.listings.apply")}</button>
      </Form>
      <p className="hint" role="status">
        {t("supplier.listings.count", { count })}
      </p>
      {listings.length === 0 ? (
        <p className="empty" data-testid="no-listings">
          {query.q || query.status ? t("supplier.listings.noMatches") : t("supplier.listings.empty")}
        </p>
      ) : (
        <table className="orders-table listing-table">
          <caption className="visually-hidden">{t("supplier.listings.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("supplier.listings.product")}</th>
              <th scope="col">{t("supplier.listings.price")}</th>
              <th scope="col">{t("supplier.listings.state")}</th>
              <th scope="col">{t("supplier.listings.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {listings.map((listing) => (
              <tr key={listing.id} data-testid="listing-row">
                <th scope="row">
                  <Link to={`/supplier/listings/${listing.id}`} className="listing-link">
                    {listing.thumbnail ? <img src={listing.thumbnail} alt="" width={48} height={48} loading="lazy" /> : <span className="image-missing listing-thumb" aria-hidden="true" />}
                    <span>{listing.title}</span>
                  </Link>
                </th>
                <td data-label={t("supplier.listings.price")}>{formatMoney(listing.price_cny, lang)}</td>
                <td data-label={t("supplier.listings.state")}>
                  <ReviewChips status={listing.status} review={listing.review_state} />
                  {listing.review_note && (listing.review_state === "rejected" || listing.review_state === "changes_requested") ? (
                    <span className="hint review-note">{t("supplier.dashboard.noteText", { note: listing.review_note })}</span>
                  ) : null}
                </td>
                <td data-label={t("supplier.listings.updated")}>{formatDateTime(listing.updated_at ?? listing.created_at ?? null, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("supplier.listings.pages")}>
          {query.page > 1 ? <Link to={pageLink(query.page - 1)}>{t("account.prev")}</Link> : <span />}
          <span>{t("account.page", { page: query.page, pages })}</span>
          {query.page < pages ? <Link to={pageLink(query.page + 1)}>{t("account.next")}</Link> : <span />}
        </nav>
      ) : null}
    </section>
  )
}
