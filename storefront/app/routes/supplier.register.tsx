import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import type { TFunction } from "i18next"
import { z } from "zod"
import { AccountField, AccountFormError, type FieldErrors } from "~/components/AccountField"
import { supplierMeta } from "~/components/SupplierPortal"
import { useTranslation } from "~/i18n/react"
import { categoryTree } from "~/lib/catalog.server"
import { languageOf } from "~/lib/session.server"
import {
  apiMessage,
  commitSupplierSession,
  getSupplierSession,
  registerSupplier,
  SupplierApiError,
  supplierTranslator,
} from "~/lib/supplier.server"

export const meta = supplierMeta("register.title")

const DOCUMENT_ROWS = 3

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSupplierSession(request)
  if (session.get("token")) return redirect("/supplier")
  const tree = await categoryTree()
  return {
    categories: tree.map((top) => ({
      handle: top.handle,
      name: top.name,
      children: top.children.map((c) => ({ handle: c.handle, name: c.name })),
    })),
  }
}

// GB 32100-2015: 18 characters from 0-9 and A-Z without I, O, S, V, Z; characters 3–8 are a
// region code. The check character is the backend's to judge (a mismatch is a warning there).
const CREDIT_CHARS = /^[0-9A-HJ-NPQRTUWXY]*$/
const CREDIT_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/

function registrationSchema(t: TFunction) {
  const required = (max: number) => z.string().trim().min(1, t("account.required")).max(max, t("supplier.form.tooLong", { max }))
  return z
    .object({
      email: z.string().trim().toLowerCase().min(1, t("account.required")).email(t("account.invalidEmail")),
      password: z.string().min(8, t("account.passwordTooShort")).max(128, t("account.passwordTooLong")),
      confirm: z.string(),
      name: required(100),
      company_name: required(200),
      credit_code: z
        .string()
        .transform((s) => s.replace(/[\s-]+/g, "").toUpperCase())
        .superRefine((code, ctx) => {
          if (!code) return ctx.addIssue({ code: "custom", message: t("account.required") })
          if (!CREDIT_CHARS.test(code)) return ctx.addIssue({ code: "custom", message: t("supplier.register.creditCodeChars") })
          if (code.length !== 18) return ctx.addIssue({ code: "custom", message: t("supplier.register.creditCodeLength", { count: code.length }) })
          if (!CREDIT_SHAPE.test(code)) ctx.addIssue({ code: "custom", message: t("supplier.register.creditCodeRegion") })
        }),
      legal_representative: required(100),
      region: required(100),
      contact_name: required(100),
      contact_phone: z.string().trim().regex(/^1\d{10}$|^[0-9+\- ]{7,20}$/, t("supplier.register.invalidPhone")),
      contact_email: z.union([z.literal(""), z.string().trim().toLowerCase().email(t("account.invalidEmail"))]),
      categories_served: z.array(z.string().trim().min(1).max(100)).max(50),
      documents: z.array(
        z
          .object({ name: z.string().trim().max(200, t("supplier.form.tooLong", { max: 200 })), url: z.string().trim().max(2000) })
          .superRefine((doc, ctx) => {
            if (!doc.name && !doc.url) return
            if (!doc.name) ctx.addIssue({ code: "custom", path: ["name"], message: t("account.required") })
            if (!/^https?:\/\/[^\s]+$/i.test(doc.url)) ctx.addIssue({ code: "custom", path: ["url"], message: t("supplier.register.invalidUrl") })
          })
      ),
    })
    .superRefine((form, ctx) => {
      if (form.password.length >= 8 && form.confirm !== form.password) {
        ctx.addIssue({ code: "custom", path: ["confirm"], message: t("account.passwordMismatch") })
      }
    })
}

const TEXT_FIELDS = ["email", "name", "company_name", "credit_code", "legal_representative", "region", "contact_name", "contact_phone", "contact_email"] as const

/** What the form shows again after a failed submit (never the passwords). */
function keptValues(form: FormData) {
  const text = (key: string) => {
    const value = form.get(key)
    return typeof value === "string" ? value.slice(0, 300) : ""
  }
  return {
    ...Object.fromEntries(TEXT_FIELDS.map((key) => [key, text(key)])),
    categories_served: form.getAll("categories_served").filter((v): v is string => typeof v === "string").slice(0, 50),
    documents: Array.from({ length: DOCUMENT_ROWS }, (_, i) => ({ name: text(`document_name_${i}`), url: text(`document_url_${i}`) })),
  } as Record<(typeof TEXT_FIELDS)[number], string> & { categories_served: string[]; documents: { name: string; url: string }[] }
}

export async function action({ request }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = supplierTranslator(lang)
  const form = await request.formData()
  const values = keptValues(form)
  const parsed = registrationSchema(t).safeParse({ ...values, password: form.get("password") ?? "", confirm: form.get("confirm") ?? "" })
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {}
    for (const issue of parsed.error.issues) {
      const [field, index, part] = issue.path
      const name = field === "documents" ? `document_${String(part)}_${String(index)}` : String(field)
      fieldErrors[name] ??= issue.message
    }
    return data({ formError: t("account.fixErrors"), fieldErrors, values, warnings: [] as string[] }, { status: 400 })
  }
  const input = parsed.data
  let result: Awaited<ReturnType<typeof registerSupplier>>
  try {
    result = await registerSupplier(input.email, input.password, {
      name: input.name,
      company_name: input.company_name,
      credit_code: input.credit_code,
      legal_representative: input.legal_representative,
      contact_name: input.contact_name,
      contact_phone: input.contact_phone,
      contact_email: input.contact_email || input.email,
      region: input.region,
      categories_served: input.categories_served,
      qualification_documents: input.documents.filter((d) => d.name && d.url),
    })
  } catch (error) {
    // The backend's 4xx in the page; a credit-code or email problem next to its field.
    const message = apiMessage(error, lang)
    const status = error instanceof SupplierApiError && error.status < 500 ? error.status : 502
    const fieldErrors: FieldErrors = {}
    if (error instanceof SupplierApiError && /信用代码|credit code/i.test(error.message)) fieldErrors.credit_code = message
    else if (error instanceof SupplierApiError && /邮箱|email/i.test(error.message)) fieldErrors.email = message
    return data({ formError: fieldErrors.credit_code || fieldErrors.email ? t("account.fixErrors") : message, fieldErrors, values, warnings: [] as string[] }, { status })
  }
  if (!result.ok) {
    return data({ formError: t("account.fixErrors"), fieldErrors: { email: t("account.emailTaken") } as FieldErrors, values, warnings: [] as string[] }, { status: 409 })
  }
  const session = await getSupplierSession(request)
  session.set("token", result.token)
  session.flash("notice", "registered")
  if (result.warnings.length) session.flash("warnings", result.warnings)
  return redirect("/supplier", { headers: { "Set-Cookie": await commitSupplierSession(session) } })
}

export default function SupplierRegister() {
  const { categories } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation()
  const errors: FieldErrors = actionData?.fieldErrors ?? {}
  const values = actionData?.values
  const served = new Set(values?.categories_served ?? [])
  return (
    <section aria-labelledby="supplier-register-title" className="account supplier-register">
      <p className="portal-eyebrow">{t("supplier.portal.title")}</p>
      <h1 id="supplier-register-title">{t("supplier.register.title")}</h1>
      <p className="hint">{t("supplier.register.intro")}</p>
      <AccountFormError message={actionData?.formError} />
      <Form method="post" noValidate className="account-form supplier-form">
        <fieldset>
          <legend>{t("supplier.register.account")}</legend>
          <AccountField name="email" label={t("supplier.register.email")} type="email" autoComplete="email" inputMode="email" defaultValue={values?.email} errors={errors} required />
          <AccountField name="password" label={t("account.password")} type="password" autoComplete="new-password" hint={t("account.passwordHint")} errors={errors} required minLength={8} />
          <AccountField name="confirm" label={t("account.confirmPassword")} type="password" autoComplete="new-password" errors={errors} required />
          <AccountField name="name" label={t("supplier.register.name")} autoComplete="name" defaultValue={values?.name} errors={errors} required />
        </fieldset>
        <fieldset>
          <legend>{t("supplier.register.company")}</legend>
          <AccountField name="company_name" label={t("supplier.register.companyName")} autoComplete="organization" defaultValue={values?.company_name} errors={errors} required />
          <AccountField
            name="credit_code"
            label={t("supplier.register.creditCode")}
            hint={t("supplier.register.creditCodeHint")}
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={30}
            defaultValue={values?.credit_code}
            errors={errors}
            required
          />
          <AccountField name="legal_representative" label={t("supplier.register.legalRepresentative")} defaultValue={values?.legal_representative} errors={errors} required />
          <AccountField name="region" label={t("supplier.register.region")} hint={t("supplier.register.regionHint")} autoComplete="address-level1" defaultValue={values?.region} errors={errors} required />
        </fieldset>
        <fieldset>
          <legend>{t("supplier.register.contact")}</legend>
          <AccountField name="contact_name" label={t("supplier.register.contactName")} defaultValue={values?.contact_name} errors={errors} required />
          <AccountField name="contact_phone" label={t("supplier.register.contactPhone")} type="tel" autoComplete="tel" inputMode="tel" defaultValue={values?.contact_phone} errors={errors} required />
          <AccountField name="contact_email" label={t("supplier.register.contactEmail")} hint={t("supplier.register.contactEmailHint")} type="email" inputMode="email" defaultValue={values?.contact_email} errors={errors} />
        </fieldset>
        <fieldset>
          <legend>{t("supplier.register.categories")}</legend>
          <p className="hint">{t("supplier.register.categoriesHint")}</p>
          {categories.map((top) => (
            <details key={top.handle} className="category-picker" open={top.children.some((c) => served.has(c.handle)) || served.has(top.handle)}>
              <summary>{top.name}</summary>
              <div className="checkbox-grid">
                {(top.children.length ? top.children : [top]).map((c) => (
                  <label key={c.handle} className="choice">
                    <input type="checkbox" name="categories_served" value={c.handle} defaultChecked={served.has(c.handle)} />
                    <span>{c.name}</span>
                  </label>
                ))}
              </div>
            </details>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("supplier.register.documents")}</legend>
          <p className="hint">{t("supplier.register.documentsHint")}</p>
          {Array.from({ length: DOCUMENT_ROWS }, (_, i) => (
            <div className="field-row" key={i}>
              <AccountField
                name={`document_name_${i}`}
                label={t("supplier.register.documentName", { n: i + 1 })}
                placeholder={i === 0 ? t("supplier.register.licence") : undefined}
                defaultValue={values?.documents[i]?.name}
                errors={errors}
              />
              <AccountField name={`document_url_${i}`} label={t("supplier.register.documentUrl", { n: i + 1 })} type="url" inputMode="url" placeholder="https://" defaultValue={values?.documents[i]?.url} errors={errors} />
            </div>
          ))}
        </fieldset>
        <p className="hint">{t("supplier.register.reviewHint")}</p>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("supplier.register.submit")}
        </button>
      </Form>
      <p>
        {t("supplier.register.haveAccount")} <Link to="/supplier/login">{t("supplier.login.title")}</Link>
      </p>
    </section>
  )
}
