import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react"
import type { TFunction } from "i18next"
import { z } from "zod"
import { AccountField, AccountFormError, type FieldErrors } from "~/components/AccountField"
import { NotApproved, SupplierNav, supplierMeta } from "~/components/SupplierPortal"
import { useTranslation } from "~/i18n/react"
import { languageOf } from "~/lib/session.server"
import { apiMessage, requireSupplier, stockLocations, SupplierApiError, supplierCall, supplierTranslator } from "~/lib/supplier.server"

export const meta = supplierMeta("locations.title")

export async function loader({ request }: LoaderFunctionArgs) {
  const { me, token } = await requireSupplier(request)
  const locations = await stockLocations(token)
  return {
    approved: me.supplier.status === "approved",
    status: me.supplier.status,
    locations: locations.map((l) => ({
      id: l.id,
      name: l.name,
      address: [l.address?.province, l.address?.city, l.address?.address_1].filter(Boolean).join(""),
      postalCode: l.address?.postal_code ?? "",
    })),
  }
}

function locationSchema(t: TFunction) {
  const required = (max: number) => z.string().trim().min(1, t("account.required")).max(max, t("supplier.form.tooLong", { max }))
  return z.object({
    name: required(100),
    province: required(100),
    city: required(100),
    address_1: required(200),
    postal_code: z.string().trim().regex(/^$|^\d{6}$/, t("account.invalidPostal")),
    phone: z.string().trim().regex(/^$|^1\d{10}$|^[0-9+\- ]{7,20}$/, t("supplier.register.invalidPhone")),
  })
}

const FIELDS = ["name", "province", "city", "address_1", "postal_code", "phone"] as const

export async function action({ request }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = supplierTranslator(lang)
  const { me, token } = await requireSupplier(request)
  if (me.supplier.status !== "approved") throw new Response("Forbidden", { status: 403 })
  const form = Object.fromEntries(await request.formData())
  const values = Object.fromEntries(FIELDS.map((key) => [key, typeof form[key] === "string" ? String(form[key]).slice(0, 300) : ""])) as Record<(typeof FIELDS)[number], string>
  const parsed = locationSchema(t).safeParse(values)
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {}
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message
    return data({ formError: t("account.fixErrors"), fieldErrors, values }, { status: 400 })
  }
  const { name, province, city, address_1, postal_code, phone } = parsed.data
  try {
    await supplierCall("/supplier/stock-locations", {
      token,
      json: { name, address: { address_1, city, province, ...(postal_code ? { postal_code } : {}), ...(phone ? { phone } : {}), country_code: "cn" } },
    })
  } catch (error) {
    const status = error instanceof SupplierApiError && error.status < 500 ? error.status : 502
    return data({ formError: apiMessage(error, lang), fieldErrors: {} as FieldErrors, values }, { status })
  }
  return redirect("/supplier/locations?added=1")
}

export default function SupplierLocations() {
  const { approved, status, locations } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const { t } = useTranslation()
  const errors: FieldErrors = actionData?.fieldErrors ?? {}
  const values: Partial<Record<string, string>> = actionData?.values ?? {}
  return (
    <section aria-labelledby="locations-title" className="account">
      <p className="portal-eyebrow">{t("supplier.portal.title")}</p>
      <h1 id="locations-title">{t("supplier.locations.title")}</h1>
      <SupplierNav approved={approved} />
      {searchParams.get("added") && !actionData ? (
        <p role="status" className="notice">
          {t("supplier.locations.added")}
        </p>
      ) : null}
      <p className="hint">{t("supplier.locations.intro")}</p>
      {locations.length === 0 ? (
        <p className="empty">{t("supplier.locations.empty")}</p>
      ) : (
        <ul className="address-list">
          {locations.map((l) => (
            <li key={l.id} className="account-card" data-testid="location">
              <address>
                <strong>{l.name}</strong>
                <br />
                {l.address} {l.postalCode}
              </address>
            </li>
          ))}
        </ul>
      )}
      {approved ? (
        <section aria-labelledby="add-location-title" className="account-card">
          <h2 id="add-location-title">{t("supplier.locations.add")}</h2>
          <AccountFormError message={actionData?.formError} />
          <Form method="post" noValidate className="account-form">
            <AccountField name="name" label={t("supplier.locations.name")} defaultValue={values.name} errors={errors} required />
            <AccountField name="province" label={t("account.province")} autoComplete="address-level1" defaultValue={values.province} errors={errors} required />
            <AccountField name="city" label={t("account.city")} autoComplete="address-level2" defaultValue={values.city} errors={errors} required />
            <AccountField name="address_1" label={t("account.street")} autoComplete="street-address" defaultValue={values.address_1} errors={errors} required />
            <AccountField name="postal_code" label={t("supplier.locations.postalCode")} inputMode="numeric" maxLength={6} autoComplete="postal-code" defaultValue={values.postal_code} errors={errors} />
            <AccountField name="phone" label={t("supplier.locations.phone")} type="tel" inputMode="tel" autoComplete="tel" defaultValue={values.phone} errors={errors} />
            <button type="submit" disabled={navigation.state === "submitting"}>
              {t("supplier.locations.save")}
            </button>
          </Form>
        </section>
      ) : (
        <NotApproved status={status} />
      )}
    </section>
  )
}
