import { Form, Link } from "@remix-run/react"
import { useEffect, useRef, useState, type MouseEvent } from "react"
import { useTranslation } from "~/i18n/react"
import type { ListingFormValues } from "~/lib/supplier-listing.server"
import { AccountField, AccountFormError, type FieldErrors } from "./AccountField"
import { SelectField, TextAreaField } from "./SupplierPortal"

export interface CategoryOption {
  id: string
  name: string
  children: { id: string; name: string }[]
}

const KINDS = ["goods", "rental", "service", "specialty"] as const

/**
 * The listing form (新建 / 编辑商品), one multipart form that works without JavaScript: images
 * chosen in it are uploaded by the page's action (forwarded to the backend) whichever button is
 * pressed, "add a row" buttons post the form and come back with one more row (with JavaScript
 * they add it in place), and the rental and service terms show for their kinds by CSS alone.
 */
export function SupplierListingForm({
  mode,
  values,
  errors,
  formError,
  notice,
  categories,
  locations,
  mediaBase,
  submitting,
}: {
  mode: "create" | "edit"
  values: ListingFormValues
  errors: FieldErrors
  formError?: string | null
  notice?: string | null
  categories: CategoryOption[]
  locations: { id: string; name: string }[]
  mediaBase: string
  submitting: boolean
}) {
  const { t } = useTranslation()
  const editing = mode === "edit"
  const [specRows, setSpecRows] = useState(values.specs.length)
  const [variantRows, setVariantRows] = useState(values.variants.length)
  const focusNext = useRef<string | null>(null)
  useEffect(() => {
    setSpecRows(values.specs.length)
    setVariantRows(values.variants.length)
  }, [values])
  useEffect(() => {
    if (!focusNext.current) return
    document.getElementById(focusNext.current)?.focus()
    focusNext.current = null
  }, [specRows, variantRows])

  // With JavaScript the row is added here; without it the button posts the form (intent add-*).
  const addSpec = (event: MouseEvent) => {
    if (specRows >= 60) return
    event.preventDefault()
    focusNext.current = `spec_key_${specRows}`
    setSpecRows(specRows + 1)
  }
  const addVariant = (event: MouseEvent) => {
    if (variantRows >= 20) return
    event.preventDefault()
    focusNext.current = `variant_title_${variantRows}`
    setVariantRows(variantRows + 1)
  }

  const spec = (i: number) => values.specs[i] ?? { key: "", value: "", unit: "" }
  const variant = (i: number) => values.variants[i] ?? { id: "", title: "", sku: "", price: "" }
  const media = (url: string) => (/^https?:\/\//.test(url) ? url : `${mediaBase}${url}`)
  const kindLocked = editing

  return (
    <>
      <AccountFormError message={formError} />
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" noValidate className="supplier-form listing-form" data-kind={editing ? values.kind : undefined}>
        {/* Enter in a text field saves the listing (the first submit button is the default one). */}
        <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          {editing ? t("supplier.form.save") : t("supplier.form.submit")}
        </button>
        <input type="hidden" name="spec_rows" value={specRows} />
        <input type="hidden" name="variant_rows" value={variantRows} />

        <fieldset>
          <legend>{t("supplier.form.basics")}</legend>
          <AccountField name="title" label={t("supplier.form.title")} defaultValue={values.title} errors={errors} required maxLength={200} />
          <AccountField name="subtitle" label={t("supplier.form.subtitle")} hint={t("supplier.form.subtitleHint")} defaultValue={values.subtitle} errors={errors} maxLength={300} />
          {kindLocked ? (
            <p>
              <strong>{t("supplier.form.kind")}</strong> {t(`product.kind.${values.kind}`)}
              <input type="hidden" name="kind" value={values.kind} />
            </p>
          ) : (
            <fieldset className="kind-choice" aria-describedby={errors.kind ? "kind-error" : undefined}>
              <legend>{t("supplier.form.kind")}</legend>
              <div className="choices">
                {KINDS.map((kind) => (
                  <label key={kind} className="choice">
                    <input type="radio" name="kind" value={kind} defaultChecked={values.kind === kind} />
                    <span>{t(`product.kind.${kind}`)}</span>
                  </label>
                ))}
              </div>
              {errors.kind ? (
                <p id="kind-error" className="field-error">
                  {errors.kind}
                </p>
              ) : null}
            </fieldset>
          )}
          <SelectField name="category_id" label={t("supplier.form.category")} defaultValue={values.category_id} errors={errors} required>
            <option value="">{t("supplier.form.chooseCategoryOption")}</option>
            {categories.map((top) =>
              top.children.length ? (
                <optgroup key={top.id} label={top.name}>
                  {top.children.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              ) : (
                <option key={top.id} value={top.id}>
                  {top.name}
                </option>
              )
            )}
          </SelectField>
          <TextAreaField name="description" label={t("supplier.form.description")} rows={6} defaultValue={values.description} errors={errors} required maxLength={20000} />
        </fieldset>

        <fieldset>
          <legend>{t("supplier.form.specs")}</legend>
          <p className="hint" id="specs-hint">
            {t("supplier.form.specsHint")}
          </p>
          <div className="rows" role="group" aria-describedby="specs-hint">
            {Array.from({ length: specRows }, (_, i) => (
              <div className="field-row spec-row" key={i} data-testid="spec-row">
                <AccountField id={`spec_key_${i}`} name={`spec_key_${i}`} label={t("supplier.form.specKey", { n: i + 1 })} defaultValue={spec(i).key} errors={errors} maxLength={60} />
                <AccountField id={`spec_value_${i}`} name={`spec_value_${i}`} label={t("supplier.form.specValue", { n: i + 1 })} defaultValue={spec(i).value} errors={errors} maxLength={500} />
                <AccountField id={`spec_unit_${i}`} name={`spec_unit_${i}`} label={t("supplier.form.specUnit", { n: i + 1 })} defaultValue={spec(i).unit} errors={errors} maxLength={20} />
              </div>
            ))}
          </div>
          <button type="submit" name="intent" value="add-spec" className="secondary" onClick={addSpec} formNoValidate>
            {t("supplier.form.addSpec")}
          </button>
        </fieldset>

        <fieldset>
          <legend>{t("supplier.form.variants")}</legend>
          <p className="hint">{editing ? t("supplier.form.variantsEditHint") : t("supplier.form.variantsHint")}</p>
          {Array.from({ length: variantRows }, (_, i) => {
            const row = variant(i)
            const existing = editing && Boolean(row.id)
            return (
              <div className="field-row variant-row" key={i} data-testid="variant-row">
                {existing ? (
                  <>
                    <input type="hidden" name={`variant_id_${i}`} value={row.id} />
                    <p className="variant-fixed">
                      <strong>{row.title}</strong>
                      {row.sku ? <span className="hint"> SKU {row.sku}</span> : null}
                    </p>
                  </>
                ) : (
                  <>
                    <AccountField id={`variant_title_${i}`} name={`variant_title_${i}`} label={t("supplier.form.variantTitle", { n: i + 1 })} defaultValue={row.title} errors={errors} maxLength={100} />
                    <AccountField id={`variant_sku_${i}`} name={`variant_sku_${i}`} label={t("supplier.form.variantSku", { n: i + 1 })} defaultValue={row.sku} errors={errors} maxLength={100} spellCheck={false} />
                  </>
                )}
                <AccountField
                  id={`variant_price_${i}`}
                  name={`variant_price_${i}`}
                  label={existing ? t("supplier.form.variantPriceOf", { title: row.title }) : t("supplier.form.variantPrice", { n: i + 1 })}
                  inputMode="decimal"
                  defaultValue={row.price}
                  errors={errors}
                  maxLength={20}
                />
              </div>
            )
          })}
          {editing ? null : (
            <button type="submit" name="intent" value="add-variant" className="secondary" onClick={addVariant} formNoValidate>
              {t("supplier.form.addVariant")}
            </button>
          )}
        </fieldset>

        <fieldset className="terms terms-rental">
          <legend>{t("supplier.form.rental")}</legend>
          <p className="hint">{t("supplier.form.rentalHint")}</p>
          <div className="field-row">
            <SelectField name="rental_period_unit" label={t("supplier.form.periodUnit")} defaultValue={values.rental.period_unit} errors={errors}>
              {(["day", "week", "month"] as const).map((unit) => (
                <option key={unit} value={unit}>
                  {t(`supplier.form.periods.${unit}`)}
                </option>
              ))}
            </SelectField>
            <AccountField name="rental_price_per_period" label={t("supplier.form.pricePerPeriod")} inputMode="decimal" defaultValue={values.rental.price_per_period} errors={errors} />
            <AccountField name="rental_deposit" label={t("supplier.form.deposit")} inputMode="decimal" defaultValue={values.rental.deposit} errors={errors} />
          </div>
          <div className="field-row">
            <AccountField name="rental_min_periods" label={t("supplier.form.minPeriods")} inputMode="numeric" defaultValue={values.rental.min_periods} errors={errors} />
            <AccountField name="rental_max_periods" label={t("supplier.form.maxPeriods")} inputMode="numeric" defaultValue={values.rental.max_periods} errors={errors} />
          </div>
        </fieldset>

        <fieldset className="terms terms-service">
          <legend>{t("supplier.form.service")}</legend>
          <p className="hint">{t("supplier.form.serviceHint")}</p>
          <AccountField name="service_area" label={t("supplier.form.serviceArea")} defaultValue={values.service.service_area} errors={errors} maxLength={200} />
          <div className="field-row">
            <AccountField name="service_response_hours" label={t("supplier.form.responseHours")} inputMode="decimal" defaultValue={values.service.response_hours} errors={errors} />
            <AccountField name="service_unit" label={t("supplier.form.serviceUnit")} hint={t("supplier.form.serviceUnitHint")} defaultValue={values.service.unit} errors={errors} maxLength={20} />
            <SelectField name="service_delivery_mode" label={t("supplier.form.deliveryMode")} defaultValue={values.service.delivery_mode} errors={errors}>
              {(["onsite", "remote", "both"] as const).map((mode) => (
                <option key={mode} value={mode}>
                  {t(`product.modes.${mode}`)}
                </option>
              ))}
            </SelectField>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t("supplier.form.images")}</legend>
          {values.image_urls.length ? (
            <ul className="upload-list" data-testid="uploaded-images">
              {values.image_urls.map((url, i) => (
                <li key={url}>
                  <input type="hidden" name="image_urls" value={url} />
                  <img src={media(url)} alt={t("supplier.form.imageAlt", { n: i + 1 })} width={120} height={120} loading="lazy" />
                  <label className="choice">
                    <input type="checkbox" name="remove_image" value={url} />
                    <span>{t("supplier.form.removeImage")}</span>
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t("supplier.form.noImages")}</p>
          )}
          <div className="field">
            <label htmlFor="files">{t("supplier.form.chooseImages")}</label>
            <input
              key={values.image_urls.join("|")}
              id="files"
              name="files"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              multiple
              aria-invalid={errors.files ? true : undefined}
              aria-describedby={errors.files ? "files-hint files-error" : "files-hint"}
            />
            <p id="files-hint" className="hint">
              {t("supplier.form.imagesHint")}
            </p>
            {errors.files ? (
              <p id="files-error" className="field-error">
                {errors.files}
              </p>
            ) : null}
          </div>
          <button type="submit" name="intent" value="upload" className="secondary" formNoValidate>
            {t("supplier.form.upload")}
          </button>
        </fieldset>

        <fieldset className="stock-section">
          <legend>{t("supplier.form.stock")}</legend>
          {locations.length === 0 ? (
            <p className="empty">
              {t("supplier.form.noLocations")} <Link to="/supplier/locations">{t("supplier.form.addLocation")}</Link>
            </p>
          ) : (
            <>
              <p className="hint">{t("supplier.form.stockHint")}</p>
              <div className="table-scroll">
                <table className="stock-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("supplier.form.variantColumn")}</th>
                      {locations.map((l) => (
                        <th scope="col" key={l.id}>
                          {l.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {Array.from({ length: variantRows }, (_, i) => {
                      const row = variant(i)
                      const variantKey = editing && row.id ? row.id : String(i)
                      const label = row.title || t("supplier.form.variantN", { n: i + 1 })
                      return (
                        <tr key={i}>
                          <th scope="row">{label}</th>
                          {locations.map((l) => {
                            const name = `stock:${variantKey}:${l.id}`
                            const error = errors[name]
                            const id = `stock-${i}-${l.id}`
                            return (
                              <td key={l.id}>
                                <input
                                  id={id}
                                  name={name}
                                  inputMode="numeric"
                                  size={6}
                                  defaultValue={values.stock[`${variantKey}:${l.id}`] ?? ""}
                                  aria-label={t("supplier.form.stockLabel", { variant: label, location: l.name })}
                                  aria-invalid={error ? true : undefined}
                                  aria-describedby={error ? `${id}-error` : undefined}
                                />
                                {error ? (
                                  <p id={`${id}-error`} className="field-error">
                                    {error}
                                  </p>
                                ) : null}
                              </td>
                            )
                          })}
                        </tr>
                      )
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </fieldset>

        <p className="hint">{editing ? t("supplier.form.editReviewHint") : t("supplier.form.reviewHint")}</p>
        <button type="submit" name="intent" value="save" disabled={submitting}>
          {editing ? t("supplier.form.save") : t("supplier.form.submit")}
        </button>
      </Form>
    </>
  )
}
