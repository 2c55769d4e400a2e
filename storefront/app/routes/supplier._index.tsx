import { data, type LoaderFunctionArgs } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import { NotApproved, StatusChip, SupplierNav, supplierMeta } from "~/components/SupplierPortal"
import { useTranslation } from "~/i18n/react"
import type { Language } from "~/i18n/languages"
import { formatDateTime } from "~/lib/format"
import { localizedMessage } from "~/lib/customer.server"
import { languageOf } from "~/lib/session.server"
import { commitSupplierSession, requireSupplier } from "~/lib/supplier.server"

export const meta = supplierMeta("dashboard.title")

const TEMPLATES = new Set(["supplier-approve", "supplier-reject", "supplier-suspend", "supplier-reinstate", "listing-approve", "listing-reject", "listing-request_changes"])

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await languageOf(request)
  const { me, session } = await requireSupplier(request)
  const notice = session.get("notice") ?? null
  const warnings = (session.get("warnings") ?? []).map((w) => localizedMessage(w, lang))
  const { supplier, member } = me
  return data(
    {
      notice,
      warnings,
      member: { name: member.name, email: member.email, role: member.role },
      supplier: {
        code: supplier.code,
        companyName: supplier.company_name,
        creditCode: supplier.credit_code,
        checksumOk: supplier.credit_code_checksum_ok,
        legalRepresentative: supplier.legal_representative,
        region: supplier.region,
        contact: `${supplier.contact_name} · ${supplier.contact_phone} · ${supplier.contact_email}`,
        status: supplier.status,
        reviewNote: supplier.review_note,
        reviewedAt: supplier.reviewed_at,
        createdAt: supplier.created_at,
      },
      notifications: me.notifications.map((n) => ({
        id: n.id,
        template: TEMPLATES.has(n.template) ? n.template : "other",
        title: typeof n.data?.product_title === "string" ? n.data.product_title : "",
        note: typeof n.data?.note === "string" ? n.data.note : "",
        createdAt: n.created_at,
      })),
    },
    // The flash is read once: the cookie without it goes back.
    { headers: { "Set-Cookie": await commitSupplierSession(session) } }
  )
}

export default function SupplierDashboard() {
  const { notice, warnings, member, supplier, notifications } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const approved = supplier.status === "approved"
  return (
    <section aria-labelledby="supplier-dashboard-title" className="account supplier-dashboard">
      <p className="portal-eyebrow">{t("supplier.portal.title")}</p>
      <h1 id="supplier-dashboard-title">{supplier.companyName}</h1>
      <SupplierNav approved={approved} />
      {notice === "registered" ? (
        <p role="status" className="notice">
          {t("supplier.dashboard.registered")}
        </p>
      ) : null}
      {warnings.length ? (
        <div className="notice-warn" role="alert" data-testid="registration-warnings">
          {warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
        </div>
      ) : null}
      <p className="account-welcome">{t("supplier.dashboard.welcome", { name: member.name })}</p>

      <section aria-labelledby="review-title" className="account-card review-card">
        <h2 id="review-title">{t("supplier.dashboard.review")}</h2>
        <p className="review-line">
          <StatusChip status={supplier.status} /> <span data-testid="status-text">{t(`supplier.statusText.${supplier.status}`)}</span>
        </p>
        {supplier.reviewNote ? (
          <p data-testid="review-note">
            <strong>{t(supplier.status === "approved" ? "supplier.dashboard.note" : "supplier.dashboard.reason")}</strong> {supplier.reviewNote}
          </p>
        ) : null}
        {supplier.reviewedAt ? <p className="hint">{t("supplier.dashboard.reviewedAt", { date: formatDateTime(supplier.reviewedAt, lang) })}</p> : null}
      </section>

      {approved ? (
        <ul className="account-links">
          <li>
            <Link to="/supplier/listings">
              <strong>{t("supplier.nav.listings")}</strong>
              <span>{t("supplier.dashboard.listingsText")}</span>
            </Link>
          </li>
          <li>
            <Link to="/supplier/listings/new">
              <strong>{t("supplier.nav.newListing")}</strong>
              <span>{t("supplier.dashboard.newListingText")}</span>
            </Link>
          </li>
          <li>
            <Link to="/supplier/locations">
              <strong>{t("supplier.nav.locations")}</strong>
              <span>{t("supplier.dashboard.locationsText")}</span>
            </Link>
          </li>
        </ul>
      ) : (
        <NotApproved status={supplier.status} />
      )}

      <div className="account-columns">
        <section aria-labelledby="company-title" className="account-card">
          <h2 id="company-title">{t("supplier.dashboard.company")}</h2>
          <dl className="account-facts">
            <dt>{t("supplier.register.companyName")}</dt>
            <dd>{supplier.companyName}</dd>
            <dt>{t("supplier.dashboard.code")}</dt>
            <dd>{supplier.code}</dd>
            <dt>{t("supplier.register.creditCode")}</dt>
            <dd>
              {supplier.creditCode}
              {supplier.checksumOk ? null : <span className="hint"> {t("supplier.dashboard.checksumFlag")}</span>}
            </dd>
            <dt>{t("supplier.register.legalRepresentative")}</dt>
            <dd>{supplier.legalRepresentative}</dd>
            <dt>{t("supplier.register.region")}</dt>
            <dd>{supplier.region}</dd>
            <dt>{t("supplier.register.contact")}</dt>
            <dd>{supplier.contact}</dd>
            <dt>{t("supplier.dashboard.member")}</dt>
            <dd>
              {member.name} ({member.email}, {t(`supplier.roles.${member.role}`)})
            </dd>
            <dt>{t("supplier.dashboard.registeredAt")}</dt>
            <dd>{formatDateTime(supplier.createdAt, lang)}</dd>
          </dl>
        </section>

        <section aria-labelledby="notifications-title" className="account-card">
          <h2 id="notifications-title">{t("supplier.dashboard.notifications")}</h2>
          {notifications.length === 0 ? (
            <p className="empty">{t("supplier.dashboard.noNotifications")}</p>
          ) : (
            <ol className="notification-list" data-testid="notifications">
              {notifications.map((n) => (
                <li key={n.id}>
                  <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, lang)}</time>
                  <span>{t(`supplier.notifications.${n.template}`, { title: n.title })}</span>
                  {n.note ? <span className="hint">{t("supplier.dashboard.noteText", { note: n.note })}</span> : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </section>
  )
}
