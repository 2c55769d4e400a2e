import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import { z } from "zod"
import { AccountField, AccountFormError, type FieldErrors } from "~/components/AccountField"
import { AccountNav, accountMeta } from "~/components/AccountNav"
import { translator } from "~/i18n/i18n.server"
import { requireCustomer } from "~/lib/customer.server"
import { authHeaders, backendMessage, FetchError, medusa } from "~/lib/medusa.server"
import { languageOf } from "~/lib/session.server"

export const meta = accountMeta("account.addresses")

const ADDRESS_FIELDS = ["first_name", "last_name", "phone", "province", "city", "address_1", "postal_code", "country_code"] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const { token } = await requireCustomer(request)
  const { addresses } = await medusa().store.customer.listAddress(
    { limit: 100, order: "created_at", fields: `id,${ADDRESS_FIELDS.join(",")}` },
    authHeaders(token)
  )
  return {
    addresses: addresses.map((a) => ({
      id: a.id,
      name: [a.last_name, a.first_name].filter(Boolean).join("") || "",
      phone: a.phone ?? "",
      province: a.province ?? "",
      city: a.city ?? "",
      street: a.address_1 ?? "",
      postalCode: a.postal_code ?? "",
      countryCode: a.country_code ?? "cn",
    })),
  }
}

type Translate = ReturnType<typeof translator>

function addressSchema(t: Translate) {
  const required = (max: number) => z.string().trim().min(1, t("account.required")).max(max)
  return z.object({
    name: required(100),
    phone: z.string().trim().regex(/^1\d{10}$|^[0-9+\-() ]{7,20}$/, t("account.invalidPhone")),
    province: required(50),
    city: required(50),
    address_1: required(200),
    postal_code: z.string().trim().regex(/^\d{6}$/, t("account.invalidPostal")),
    country_code: z.literal("cn", { message: t("account.invalidCountry") }),
  })
}

const ADD_FIELDS = ["name", "phone", "province", "city", "address_1", "postal_code"] as const

export async function action({ request }: ActionFunctionArgs) {
  const t = translator(await languageOf(request))
  const { token } = await requireCustomer(request)
  const form = Object.fromEntries(await request.formData())
  const values = Object.fromEntries(ADD_FIELDS.map((key) => [key, typeof form[key] === "string" ? String(form[key]).slice(0, 200) : ""]))

  if (form.intent === "delete") {
    const id = typeof form.address_id === "string" ? form.address_id : ""
    if (!id) return data({ formError: t("account.fixErrors"), fieldErrors: {} as FieldErrors, values }, { status: 400 })
    try {
      await medusa().store.customer.deleteAddress(id, authHeaders(token))
    } catch (error) {
      // Someone else's (or an already deleted) address: nothing of theirs is touched.
      if (error instanceof FetchError && error.status === 404) throw new Response("Not found", { status: 404 })
      return data({ formError: backendMessage(error), fieldErrors: {} as FieldErrors, values }, { status: 400 })
    }
    return redirect("/account/addresses?deleted=1")
  }

  const parsed = addressSchema(t).safeParse({ ...form, country_code: form.country_code ?? "cn" })
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {}
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message
    return data({ formError: t("account.fixErrors"), fieldErrors, values }, { status: 400 })
  }
  const address = parsed.data
  try {
    await medusa().store.customer.createAddress(
      {
        // One recipient field, as on Chinese forms; stored whole in first_name (as checkout does).
        first_name: address.name,
        last_name: "",
        phone: address.phone,
        province: address.province,
        city: address.city,
        address_1: address.address_1,
        postal_code: address.postal_code,
        country_code: address.country_code,
      },
      { fields: "id" },
      authHeaders(token)
    )
  } catch (error) {
    return data({ formError: backendMessage(error), fieldErrors: {} as FieldErrors, values }, { status: 400 })
  }
  return redirect("/account/addresses?added=1")
}

export default function Addresses() {
  const { addresses } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const { t } = useTranslation()
  const errors: FieldErrors = actionData?.fieldErrors ?? {}
  const values: Partial<Record<string, string>> = actionData?.values ?? {}
  const notice = searchParams.get("added") ? t("account.addressAdded") : searchParams.get("deleted") ? t("account.addressDeleted") : null
  return (
    <section aria-labelledby="addresses-title" className="account">
      <h1 id="addresses-title">{t("account.addresses")}</h1>
      <AccountNav />
      {notice && !actionData ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      {addresses.length === 0 ? (
        <p className="empty">{t("account.noAddresses")}</p>
      ) : (
        <ul className="address-list">
          {addresses.map((address) => {
            const line = `${address.province}${address.city}${address.street}`
            return (
              <li key={address.id} className="account-card" data-testid="address">
                <address>
                  <strong>{address.name}</strong> {address.phone}
                  <br />
                  {line} {address.postalCode}
                  <br />
                  {address.countryCode === "cn" ? t("account.china") : address.countryCode.toUpperCase()}
                </address>
                <Form method="post">
                  <input type="hidden" name="address_id" value={address.id} />
                  <button type="submit" name="intent" value="delete" className="link-button" aria-label={t("account.deleteAddressLabel", { address: line })}>
                    {t("account.deleteAddress")}
                  </button>
                </Form>
              </li>
            )
          })}
        </ul>
      )}
      <section aria-labelledby="add-address-title" className="account-card">
        <h2 id="add-address-title">{t("account.addAddress")}</h2>
        <AccountFormError message={actionData?.formError} />
        <Form method="post" noValidate className="account-form">
          <AccountField name="name" label={t("account.recipient")} autoComplete="name" defaultValue={values.name} errors={errors} required />
          <AccountField name="phone" label={t("checkout.phone")} type="tel" autoComplete="tel" inputMode="tel" defaultValue={values.phone} errors={errors} required />
          <div className="field">
            <label htmlFor="country_code">{t("account.country")}</label>
            <select id="country_code" name="country_code" defaultValue="cn" autoComplete="country">
              <option value="cn">{t("account.china")}</option>
            </select>
            {errors.country_code ? <p className="field-error">{errors.country_code}</p> : null}
          </div>
          <AccountField name="province" label={t("account.province")} autoComplete="address-level1" defaultValue={values.province} errors={errors} required />
          <AccountField name="city" label={t("account.city")} autoComplete="address-level2" defaultValue={values.city} errors={errors} required />
          <AccountField name="address_1" label={t("account.street")} autoComplete="street-address" defaultValue={values.address_1} errors={errors} required />
          <AccountField name="postal_code" label={t("account.postalCode")} autoComplete="postal-code" inputMode="numeric" maxLength={6} defaultValue={values.postal_code} errors={errors} required />
          <button type="submit" name="intent" value="add" disabled={navigation.state === "submitting"}>
            {t("account.saveAddress")}
          </button>
        </Form>
      </section>
    </section>
  )
}
