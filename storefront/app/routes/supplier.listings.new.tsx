import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import type { FieldErrors } from "~/components/AccountField"
import { SupplierListingForm } from "~/components/SupplierListingForm"
import { NotApproved, SupplierNav, supplierMeta } from "~/components/SupplierPortal"
import { useTranslation } from "~/i18n/react"
import { categoryTree } from "~/lib/catalog.server"
import { config } from "~/lib/config.server"
import { languageOf } from "~/lib/session.server"
import { createBody, emptyListingValues, readListingForm, validateListing } from "~/lib/supplier-listing.server"
import { apiMessage, requireSupplier, stockLocations, SupplierApiError, supplierCall, supplierTranslator } from "~/lib/supplier.server"
import { handleImagesAndRows, portalCategories } from "~/lib/supplier-form.server"

export const meta = supplierMeta("form.newTitle")

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await languageOf(request)
  const { me, token } = await requireSupplier(request)
  if (me.supplier.status !== "approved") return { approved: false as const, status: me.supplier.status }
  const [tree, locations] = await Promise.all([categoryTree(), stockLocations(token)])
  return {
    approved: true as const,
    status: me.supplier.status,
    categories: portalCategories(tree),
    locations: locations.map((l) => ({ id: l.id, name: l.name })),
    values: emptyListingValues(supplierTranslator(lang)),
    mediaBase: config().backendUrl.replace(/\/$/, ""),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = supplierTranslator(lang)
  const { me, token } = await requireSupplier(request)
  if (me.supplier.status !== "approved") throw new Response("Forbidden", { status: 403 })
  const step = await handleImagesAndRows(request, token, t, lang)
  if (!("form" in step)) return step.response
  const { values, notice } = step
  const locations = await stockLocations(token)
  const checked = validateListing(values, t, { locations })
  if ("fieldErrors" in checked) return data({ values, fieldErrors: checked.fieldErrors, formError: t("account.fixErrors"), notice }, { status: 400 })
  let productId: string
  try {
    const created = await supplierCall<{ product: { id: string } }>("/supplier/products", { token, json: createBody(checked.listing, values.image_urls) })
    productId = created.product.id
  } catch (error) {
    const status = error instanceof SupplierApiError && error.status < 500 ? error.status : 502
    return data({ values, fieldErrors: {} as FieldErrors, formError: apiMessage(error, lang), notice }, { status })
  }
  return redirect(`/supplier/listings/${productId}?created=1`)
}

export default function NewListing() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation()
  return (
    <section aria-labelledby="new-listing-title" className="account supplier-listing-page">
      <p className="portal-eyebrow">{t("supplier.portal.title")}</p>
      <h1 id="new-listing-title">{t("supplier.form.newTitle")}</h1>
      <SupplierNav approved={loaderData.approved} />
      {loaderData.approved ? (
        <>
          <p className="hint">{t("supplier.form.newIntro")}</p>
          <SupplierListingForm
            mode="create"
            values={actionData?.values ?? loaderData.values}
            errors={actionData?.fieldErrors ?? {}}
            formError={actionData?.formError}
            notice={actionData?.notice}
            categories={loaderData.categories}
            locations={loaderData.locations}
            mediaBase={loaderData.mediaBase}
            submitting={navigation.state === "submitting"}
          />
        </>
      ) : (
        <NotApproved status={loaderData.status} />
      )}
    </section>
  )
}
