import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Link, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react"
import type { FieldErrors } from "~/components/AccountField"
import { SupplierListingForm } from "~/components/SupplierListingForm"
import { NotApproved, ReviewChips, SupplierNav, supplierMeta } from "~/components/SupplierPortal"
import { useTranslation } from "~/i18n/react"
import type { Language } from "~/i18n/languages"
import { categoryTree } from "~/lib/catalog.server"
import { config } from "~/lib/config.server"
import { formatDateTime, formatMoney } from "~/lib/format"
import { languageOf } from "~/lib/session.server"
import { handleImagesAndRows, portalCategories } from "~/lib/supplier-form.server"
import { listingValues, stockChanges, updateBody, validateListing } from "~/lib/supplier-listing.server"
import {
  apiMessage,
  backendMedia,
  getListing,
  requireSupplier,
  stockLocations,
  SupplierApiError,
  supplierCall,
  supplierTranslator,
  type ListingWithChanges,
} from "~/lib/supplier.server"

export const meta = supplierMeta("form.editTitle")

const FIELDS = ["title", "subtitle", "description", "category_id", "specs", "prices", "rental", "service", "image_urls"] as const

async function loadOwn(token: string, id: string): Promise<ListingWithChanges> {
  try {
    return await getListing(token, id)
  } catch (error) {
    // Another supplier's product, or none: the same 404 (the backend's tenant wall).
    if (error instanceof SupplierApiError && (error.status === 404 || error.status === 403 || error.status === 400)) throw new Response("Not found", { status: 404 })
    throw error
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = await languageOf(request)
  const { me, token } = await requireSupplier(request)
  const approved = me.supplier.status === "approved"
  const [{ product, pending_change, changes }, tree, locations] = await Promise.all([loadOwn(token, params.id ?? ""), categoryTree(), approved ? stockLocations(token) : Promise.resolve([])])
  return {
    approved,
    status: me.supplier.status,
    product: {
      id: product.id,
      title: product.title,
      handle: product.handle,
      status: product.status,
      review_state: product.review_state,
      review_note: product.review_note,
      thumbnail: backendMedia(product.thumbnail),
      price: product.price_cny,
    },
    pending: pending_change
      ? {
          createdAt: pending_change.created_at,
          kind: pending_change.kind,
          title: pending_change.diff.title ?? null,
          prices: pending_change.diff.prices ?? [],
          fields: Object.keys(pending_change.proposed ?? {}).filter((f) => f !== "title" && f !== "prices"),
        }
      : null,
    history: changes
      .filter((c) => c.status !== "pending")
      .slice(0, 10)
      .map((c) => ({ id: c.id, kind: c.kind, status: c.status, note: c.review_note, at: c.reviewed_at ?? c.created_at })),
    categories: portalCategories(tree),
    locations: locations.map((l) => ({ id: l.id, name: l.name })),
    values: listingValues(product, lang, pending_change),
    mediaBase: config().backendUrl.replace(/\/$/, ""),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = supplierTranslator(lang)
  const { me, token } = await requireSupplier(request)
  if (me.supplier.status !== "approved") throw new Response("Forbidden", { status: 403 })
  const id = params.id ?? ""
  // Another supplier's listing (or none) is a 404 before anything of the form is used.
  const [{ product, pending_change }, locations] = await Promise.all([loadOwn(token, id), stockLocations(token)])
  const step = await handleImagesAndRows(request, token, t, lang, { allowNewVariants: false })
  if (!("form" in step)) return step.response
  const { values, notice } = step
  // The kind is not edited; the existing variants are the rows.
  values.kind = product.kind ?? "goods"
  const checked = validateListing(values, t, { locations, editing: true })
  if ("fieldErrors" in checked) return data({ values, fieldErrors: checked.fieldErrors, formError: t("account.fixErrors"), notice }, { status: 400 })
  const body = updateBody(product, pending_change, checked.listing, values, values.image_urls, lang)
  const stock = product.kind === "service" ? [] : stockChanges(product, checked.listing)
  if (!body && !stock.length) return data({ values, fieldErrors: {} as FieldErrors, formError: null, notice: notice ?? t("supplier.form.nothingChanged") })
  const result = { applied: [] as string[], in_review: [] as string[] }
  try {
    if (body) Object.assign(result, await supplierCall<{ applied: string[]; in_review: string[] }>(`/supplier/products/${encodeURIComponent(id)}`, { token, json: body }))
    for (const level of stock) await supplierCall(`/supplier/products/${encodeURIComponent(id)}/stock`, { token, json: level })
  } catch (error) {
    const status = error instanceof SupplierApiError && error.status < 500 ? error.status : 502
    return data({ values, fieldErrors: {} as FieldErrors, formError: apiMessage(error, lang), notice }, { status })
  }
  const search = new URLSearchParams({ saved: "1" })
  if (result.in_review.length) search.set("review", result.in_review.join(","))
  if (result.applied.length) search.set("applied", result.applied.join(","))
  if (stock.length) search.set("stock", String(stock.length))
  return redirect(`/supplier/listings/${encodeURIComponent(id)}?${search}`)
}

export default function EditListing() {
  const { approved, status, product, pending, history, categories, locations, values, mediaBase } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const location = useLocation()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const live = product.status === "published"
  const fieldNames = (list: string | null) =>
    (list ?? "")
      .split(",")
      .filter((f): f is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(f))
      .map((f) => t(`supplier.fields.${f}`))
      .join(t("supplier.listSeparator"))
  const inReview = searchParams.get("review")
  const applied = searchParams.get("applied")
  const showSaved = searchParams.get("saved") && !actionData
  return (
    <section aria-labelledby="edit-listing-title" className="account supplier-listing-page">
      <p className="portal-eyebrow">{t("supplier.portal.title")}</p>
      <h1 id="edit-listing-title">{product.title}</h1>
      <SupplierNav approved={approved} />

      {searchParams.get("created") && !actionData ? (
        <p role="status" className="notice" data-testid="listing-notice">
          {t("supplier.detail.created")}
        </p>
      ) : null}
      {showSaved ? (
        <div role="status" className="notice" data-testid="listing-notice">
          {inReview ? (
            <p>{live ? (inReview.split(",").includes("prices") ? t("supplier.detail.priceInReview") : t("supplier.detail.inReviewLive", { fields: fieldNames(inReview) })) : t("supplier.detail.resubmitted")}</p>
          ) : null}
          {applied && (!inReview || live) ? <p>{t("supplier.detail.applied", { fields: fieldNames(applied) || t("supplier.fields.changes") })}</p> : null}
          {searchParams.get("stock") ? <p>{t("supplier.detail.stockSaved")}</p> : null}
          {!inReview && !applied && !searchParams.get("stock") ? <p>{t("supplier.detail.saved")}</p> : null}
        </div>
      ) : null}

      <section aria-labelledby="listing-state-title" className="account-card listing-state">
        <h2 id="listing-state-title">{t("supplier.detail.state")}</h2>
        <div className="listing-summary">
          {product.thumbnail ? <img src={product.thumbnail} alt="" width={96} height={96} /> : null}
          <div>
            <ReviewChips status={product.status} review={product.review_state} />
            <p>
              {t("supplier.detail.publicPrice")} <strong data-testid="public-price">{formatMoney(product.price, lang)}</strong>
            </p>
            {product.review_note && (product.review_state === "rejected" || product.review_state === "changes_requested") ? (
              <p data-testid="listing-review-note">
                <strong>{t("supplier.dashboard.reason")}</strong> {product.review_note}
              </p>
            ) : null}
            {live ? (
              <p>
                <Link to={`/products/${product.handle}`}>{t("supplier.detail.viewInStore")}</Link>
              </p>
            ) : (
              <p className="hint">{t("supplier.detail.notInStore")}</p>
            )}
          </div>
        </div>
        {pending ? (
          <div className="pending-change" data-testid="pending-change">
            <h3>{t(pending.kind === "create" ? "supplier.detail.pendingNew" : "supplier.detail.pendingUpdate", { date: formatDateTime(pending.createdAt, lang) })}</h3>
            {pending.kind === "update" ? (
              <ul>
                {pending.title ? <li>{t("supplier.detail.diffTitle", { from: pending.title.from ?? "—", to: pending.title.to })}</li> : null}
                {pending.prices.map((p) => (
                  <li key={p.variant_id ?? p.variant_title}>{t("supplier.detail.diffPrice", { variant: p.variant_title, from: formatMoney(p.from, lang), to: formatMoney(p.to, lang) })}</li>
                ))}
                {pending.fields.length ? <li>{t("supplier.detail.diffFields", { fields: fieldNames(pending.fields.join(",")) })}</li> : null}
              </ul>
            ) : null}
          </div>
        ) : null}
        {history.length ? (
          <>
            <h3>{t("supplier.detail.history")}</h3>
            <ul className="notification-list">
              {history.map((h) => (
                <li key={h.id}>
                  <time dateTime={String(h.at)}>{formatDateTime(h.at, lang)}</time>
                  <span>{t(`supplier.detail.decision.${h.status}`, { defaultValue: h.status })}</span>
                  {h.note ? <span className="hint">{t("supplier.dashboard.noteText", { note: h.note })}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {approved ? (
        <section aria-labelledby="edit-form-title">
          <h2 id="edit-form-title">{t("supplier.form.editTitle")}</h2>
          <SupplierListingForm
            // A new form after each save, so its fields show the listing as it is now.
            key={location.key}
            mode="edit"
            values={actionData?.values ?? values}
            errors={actionData?.fieldErrors ?? {}}
            formError={actionData?.formError}
            notice={actionData?.notice}
            categories={categories}
            locations={locations}
            mediaBase={mediaBase}
            submitting={navigation.state === "submitting"}
          />
        </section>
      ) : (
        <NotApproved status={status} />
      )}
    </section>
  )
}
