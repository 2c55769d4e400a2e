import type { MetaFunction } from "@remix-run/node"
import { Form, NavLink } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import { type Language } from "~/i18n/languages"
import { buildComparison, type CompareRow, type CompareSpec } from "~/lib/compare"
import { formatMoney } from "~/lib/format"
import { areaI18nProvider, areaMeta } from "./AreaI18n"

// Shared pieces of the procurement areas (/org for buyer organisations, /agency for the
// tendering agency): translations, navigation, status chips and the side-by-side offer table.

/** A translation context with the shop's strings plus the procurement areas' (`proc.*`). */
export const ProcI18n = areaI18nProvider("proc")

/** The page title from the areas' strings (`key` below `proc.`), for routes under routes/org or routes/agency. */
export const procMeta = (area: "org" | "agency", key: string): MetaFunction => areaMeta(`routes/${area}`, key, `${area}.area`)

export function OrgNav({ role }: { role: string | null }) {
  const { t } = useTranslation()
  if (!role) return null
  return (
    <nav aria-label={t("proc.org.nav.label")} className="account-nav org-nav">
      <NavLink to="/org" end>
        {t("proc.org.nav.overview")}
      </NavLink>
      <NavLink to="/org/comparisons">{t("proc.org.nav.comparisons")}</NavLink>
      <NavLink to="/org/approvals">{t("proc.org.nav.approvals")}</NavLink>
      <NavLink to="/org/orders">{t("proc.org.nav.orders")}</NavLink>
      <NavLink to="/org/spending">{t("proc.org.nav.spending")}</NavLink>
      <NavLink to="/org/members">{t("proc.org.nav.members")}</NavLink>
    </nav>
  )
}

export function AgencyNav() {
  const { t } = useTranslation()
  return (
    <nav aria-label={t("proc.agency.nav.label")} className="account-nav agency-nav">
      <NavLink to="/agency" end>
        {t("proc.agency.nav.queue")}
      </NavLink>
      <Form method="post" action="/agency/logout" className="account-logout">
        <button type="submit" className="link-button">
          {t("proc.agency.nav.logout")}
        </button>
      </Form>
    </nav>
  )
}

const STATUS_CLASS: Record<string, string> = {
  draft: "status-pending",
  submitted: "status-pending",
  claimed: "status-pending",
  returned: "status-rejected",
  confirmed: "status-approved",
  ordered: "status-approved",
  pending: "status-pending",
  approved: "status-approved",
  rejected: "status-rejected",
  superseded: "status-suspended",
}

export function ComparisonStatusChip({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <span className={`status-chip ${STATUS_CLASS[status] ?? ""}`} data-testid="comparison-status" data-status={status}>
      {t(`proc.org.comparisons.status.${status}`, { defaultValue: status })}
    </span>
  )
}

export function ApprovalStatusChip({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <span className={`status-chip ${STATUS_CLASS[status] ?? ""}`} data-testid="approval-status" data-status={status}>
      {t(`proc.org.approvals.status.${status}`, { defaultValue: status })}
    </span>
  )
}

export interface OfferColumn {
  id: string
  supplier: { id: string; name: string }
  title: string
  variant_title: string | null
  thumbnail: string | null
  unit_price: number
  currency_code: string
  specs: Record<string, string>
  spec_list?: CompareSpec[]
  after_sales: string | null
}

/** The offers' function parameters aligned by attribute (the shop's compare logic), best values marked. */
function specRows(offers: OfferColumn[]): CompareRow[] {
  const { rows, incomparable } = buildComparison(
    offers.map((offer) => ({
      specs:
        offer.spec_list && offer.spec_list.length
          ? offer.spec_list.filter((s) => !["warranty_months", "after_sales_response_hours"].includes(s.key))
          : Object.entries(offer.specs ?? {}).map(([label, value]) => ({ key: label, label_zh: label, label_en: label, unit: null, value })),
    }))
  )
  return [...rows, ...incomparable]
}

function specText(cell: CompareRow["cells"][number], t: (key: string) => string): string {
  if (!cell) return "—"
  if (typeof cell.value === "boolean") return cell.value ? t("product.yes") : t("product.no")
  return `${cell.value}${cell.unit ? ` ${cell.unit}` : ""}`
}

/**
 * Offers side by side: appearance (image), supplier, product, price (lowest marked), total for
 * the quantity, after-sales service and the function parameters. With `chooseForm`, each column
 * has a radio button (in that form) to choose the offer.
 */
export function OfferTable({
  offers,
  quantity,
  selectedId,
  chooseForm,
}: {
  offers: OfferColumn[]
  quantity: number
  selectedId: string | null
  chooseForm?: string
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const lowest = Math.min(...offers.map((o) => o.unit_price))
  const rows = specRows(offers)
  return (
    <div className="compare-scroll" role="region" aria-labelledby="offers-caption" tabIndex={0}>
      <table className="compare-table offer-table" data-columns={offers.length} data-testid="offer-table">
        <caption id="offers-caption" className="visually-hidden">
          {t("proc.org.detail.sideBySide")}
        </caption>
        <thead>
          <tr>
            <td className="corner" />
            {offers.map((offer) => (
              <th key={offer.id} scope="col" data-testid="offer-column" className={offer.id === selectedId ? "chosen" : undefined}>
                <span className="offer-supplier">{offer.supplier.name}</span>
                {offer.id === selectedId ? <span className="best-mark chosen-mark">{t("proc.org.detail.selectedMark")}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr data-key="appearance">
            <th scope="row">{t("proc.org.detail.appearance")}</th>
            {offers.map((offer) => (
              <td key={offer.id}>
                {offer.thumbnail ? <img src={offer.thumbnail} alt={offer.title} width={160} height={160} loading="lazy" className="offer-image" /> : <span aria-hidden="true">—</span>}
              </td>
            ))}
          </tr>
          <tr data-key="product">
            <th scope="row">{t("proc.org.detail.product")}</th>
            {offers.map((offer) => (
              <td key={offer.id}>
                {offer.title}
                {offer.variant_title ? <span className="variant-title">{offer.variant_title}</span> : null}
              </td>
            ))}
          </tr>
          <tr data-key="price" className={offers.some((o) => o.unit_price !== lowest) ? "differs" : undefined}>
            <th scope="row">{t("proc.org.detail.unitPrice")}</th>
            {offers.map((offer) => (
              <td key={offer.id} className={offer.unit_price === lowest ? "best" : undefined} data-testid="offer-price">
                {formatMoney(offer.unit_price, lang, offer.currency_code)}
                {offer.unit_price === lowest && offers.length > 1 ? <span className="best-mark">{t("proc.org.detail.best")}</span> : null}
              </td>
            ))}
          </tr>
          <tr data-key="line_total">
            <th scope="row">{t("proc.org.detail.lineTotal")}</th>
            {offers.map((offer) => (
              <td key={offer.id}>{formatMoney(Math.round(offer.unit_price * quantity * 100) / 100, lang, offer.currency_code)}</td>
            ))}
          </tr>
          <tr data-key="after_sales">
            <th scope="row">{t("proc.org.detail.afterSales")}</th>
            {offers.map((offer) => (
              <td key={offer.id}>{offer.after_sales ?? "—"}</td>
            ))}
          </tr>
        </tbody>
        {rows.length ? (
          <tbody data-group="functions">
            <tr className="group-row">
              <th scope="colgroup" colSpan={offers.length + 1}>
                {t("proc.org.detail.functions")}
              </th>
            </tr>
            {rows.map((row) => (
              <tr key={row.key} data-key={row.key} className={row.differs ? "differs" : undefined}>
                <th scope="row">{lang === "en" ? row.label_en : row.label_zh}</th>
                {row.cells.map((cell, i) => (
                  <td key={i} className={row.best[i] ? "best" : undefined}>
                    {specText(cell, t)}
                    {row.best[i] ? <span className="best-mark">{t("proc.org.detail.best")}</span> : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ) : null}
        {chooseForm ? (
          <tfoot>
            <tr>
              <th scope="row">{t("proc.org.detail.selected")}</th>
              {offers.map((offer) => (
                <td key={offer.id}>
                  <label className="choice offer-choice">
                    <input type="radio" name="selected_offer_id" value={offer.id} form={chooseForm} defaultChecked={offer.id === selectedId} required />
                    <span>{t("proc.org.detail.chooseOffer", { supplier: offer.supplier.name })}</span>
                  </label>
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  )
}

export function ReviewHistory({ reviews }: { reviews: { action: string; comment: string | null; by: string; at: string | null; atText: string }[] }) {
  const { t } = useTranslation()
  if (!reviews.length) return <p className="hint">{t("proc.org.detail.noHistory")}</p>
  return (
    <ol className="timeline events review-history" data-testid="review-history">
      {reviews.map((review, i) => (
        <li key={i} className="timeline-step done" data-action={review.action}>
          <span className="timeline-label">{t(`proc.org.detail.actions.${review.action}`, { defaultValue: review.action })}</span>
          {review.by ? <span className="timeline-state">{review.by}</span> : null}
          <span className="timeline-time">
            {review.atText}
            {review.comment ? ` — ${review.comment}` : ""}
          </span>
        </li>
      ))}
    </ol>
  )
}
