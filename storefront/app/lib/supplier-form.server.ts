// Steps the new-listing and edit-listing actions share: reading the multipart form, forwarding
// chosen images to the backend, and the "add a row" buttons of the form without JavaScript.
import { data } from "@remix-run/node"
import type { TFunction } from "i18next"
import type { Language } from "~/i18n/languages"
import type { CategoryNode } from "./catalog.server"
import { checkImageFiles, MAX_IMAGES, MAX_SPEC_ROWS, MAX_VARIANT_ROWS, readListingForm, type FieldErrors, type ListingFormValues } from "./supplier-listing.server"
import { apiMessage, bodyTooLarge, chosenFiles, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, uploadImages } from "./supplier.server"

/** The category tree as the listing form's select shows it (top level as groups of leaves). */
export function portalCategories(tree: CategoryNode[]) {
  return tree.map((top) => ({ id: top.id, name: top.name, children: top.children.map((c) => ({ id: c.id, name: c.name })) }))
}

type ActionAnswer = { values: ListingFormValues | null; fieldErrors: FieldErrors; formError: string | null; notice: string | null }

/**
 * Reads the form and uploads any chosen images (whichever button was pressed, so nothing chosen
 * is lost). For "upload" and "add a row" the answer is the form again; for "save" the caller
 * goes on with the values (now holding the new images' URLs).
 */
export async function handleImagesAndRows(
  request: Request,
  token: string,
  t: TFunction,
  lang: Language,
  options: { allowNewVariants?: boolean } = { allowNewVariants: true }
): Promise<{ response: ReturnType<typeof data<ActionAnswer>> } | { form: FormData; values: ListingFormValues; notice: string | null }> {
  if (bodyTooLarge(request)) {
    return { response: data<ActionAnswer>({ values: null, fieldErrors: {}, formError: t("supplier.form.bodyTooLarge"), notice: null }, { status: 413 }) }
  }
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return { response: data<ActionAnswer>({ values: null, fieldErrors: {}, formError: t("supplier.form.unreadable"), notice: null }, { status: 400 }) }
  }
  const values = readListingForm(form)
  const intent = form.get("intent")
  const fieldErrors: FieldErrors = {}
  let notice: string | null = null

  const files = chosenFiles(form)
  if (files.length) {
    const room = MAX_IMAGES - values.image_urls.length
    const problem = room <= 0 ? t("supplier.form.tooManyImages", { max: MAX_IMAGES }) : checkImageFiles(files, t, Math.min(MAX_UPLOAD_FILES, room), MAX_UPLOAD_BYTES)
    if (problem) fieldErrors.files = problem
    else {
      try {
        const urls = await uploadImages(token, files)
        values.image_urls = [...values.image_urls, ...urls]
        notice = t("supplier.form.uploaded", { count: urls.length })
      } catch (error) {
        fieldErrors.files = apiMessage(error, lang)
      }
    }
  } else if (intent === "upload") {
    fieldErrors.files = t("supplier.form.noFileChosen")
  }

  if (intent === "add-spec" && values.specs.length < MAX_SPEC_ROWS) values.specs.push({ key: "", value: "", unit: "" })
  if (intent === "add-variant" && options.allowNewVariants && values.variants.length < MAX_VARIANT_ROWS) values.variants.push({ id: "", title: "", sku: "", price: "" })

  if (fieldErrors.files) {
    return { response: data<ActionAnswer>({ values, fieldErrors, formError: t("account.fixErrors"), notice }, { status: 400 }) }
  }
  if (intent !== "save") return { response: data<ActionAnswer>({ values, fieldErrors, formError: null, notice }) }
  return { form, values, notice }
}
