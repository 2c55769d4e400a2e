import type { MetaFunction } from "@remix-run/node"
import { Form, NavLink } from "@remix-run/react"
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react"
import { useTranslation } from "~/i18n/react"
import type { FieldErrors } from "./AccountField"
import { areaI18nProvider, areaMeta } from "./AreaI18n"

// The supplier portal's shared pieces: its translations (sent by routes/supplier.tsx, so shop
// pages never carry them), its navigation, status chips and form controls.

/** The shop's strings plus the portal's (`supplier.*`). */
export const SupplierI18n = areaI18nProvider("supplier")

/** The page title from the portal's strings (`key` below `supplier.`), in the visitor's language. */
export const supplierMeta = (key: string): MetaFunction => areaMeta("routes/supplier", key, "portal.title")

/** The portal's own navigation, with the logout button (a POST, so it works without JavaScript). */
export function SupplierNav({ approved }: { approved: boolean }) {
  const { t } = useTranslation()
  return (
    <nav aria-label={t("supplier.nav.label")} className="account-nav supplier-nav">
      <NavLink to="/supplier" end>
        {t("supplier.nav.dashboard")}
      </NavLink>
      <NavLink to="/supplier/listings" end>
        {t("supplier.nav.listings")}
      </NavLink>
      {approved ? <NavLink to="/supplier/listings/new">{t("supplier.nav.newListing")}</NavLink> : null}
      <NavLink to="/supplier/locations">{t("supplier.nav.locations")}</NavLink>
      <Form method="post" action="/supplier/logout" className="account-logout">
        <button type="submit" className="link-button">
          {t("supplier.nav.logout")}
        </button>
      </Form>
    </nav>
  )
}

export type SupplierStatus = "pending" | "approved" | "suspended" | "rejected"

export function StatusChip({ status }: { status: SupplierStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`status-chip status-${status}`} data-testid="supplier-status">
      {t(`supplier.status.${status}`)}
    </span>
  )
}

export type ReviewState = "pending" | "approved" | "rejected" | "changes_requested" | null

/** A listing's review state (待审核 / 已通过 / 已驳回 / 需修改) and whether it is on sale. */
export function ReviewChips({ status, review }: { status: string; review: ReviewState }) {
  const { t } = useTranslation()
  return (
    <span className="chip-row">
      {review ? (
        <span className={`status-chip review-${review}`} data-testid="review-state">
          {t(`supplier.review.${review}`)}
        </span>
      ) : null}
      <span className={`status-chip product-${status}`} data-testid="product-status">
        {t(`supplier.productStatus.${status}`, { defaultValue: status })}
      </span>
    </span>
  )
}

/** The message in place of the listing forms for a company that is not (or no longer) admitted. */
export function NotApproved({ status }: { status: SupplierStatus }) {
  const { t } = useTranslation()
  return (
    <div className="notice-warn" role="status" data-testid="not-approved">
      <p>{t(`supplier.notApproved.${status === "approved" ? "pending" : status}`)}</p>
    </div>
  )
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined
}

function FieldNotes({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  )
}

export function TextAreaField({
  name,
  label,
  errors,
  hint,
  id = name,
  ...rest
}: { name: string; label: string; errors: FieldErrors; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const error = errors[name]
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...rest} />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  )
}

export function SelectField({
  name,
  label,
  errors,
  hint,
  id = name,
  children,
  ...rest
}: { name: string; label: string; errors: FieldErrors; hint?: string; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  const error = errors[name]
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...rest}>
        {children}
      </select>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  )
}
