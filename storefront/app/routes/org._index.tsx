import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import { z } from "zod"
import { AccountField, AccountFormError, type FieldErrors } from "~/components/AccountField"
import { procMeta } from "~/components/Procurement"
import { SelectField } from "~/components/SupplierPortal"
import type { Language } from "~/i18n/languages"
import { useTranslation } from "~/i18n/react"
import { formatMoney } from "~/lib/format"
import {
  apiFieldErrors,
  apiMessage,
  ProcurementApiError,
  procurementTranslator,
  requireOrgCustomer,
  storeCall,
} from "~/lib/procurement.server"
import { ORGANIZATION_TYPES } from "~/lib/procurement"
import { languageOf } from "~/lib/session.server"

export const meta = procMeta("org", "org.area")

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireOrgCustomer(request)
  const params = new URL(request.url).searchParams
  return { membership, registered: params.get("registered") === "1", joined: params.get("joined") === "1" }
}

export async function action({ request }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = procurementTranslator(lang)
  const { token } = await requireOrgCustomer(request)
  const form = Object.fromEntries(await request.formData())
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(form)) if (typeof value === "string") values[key] = value.slice(0, 300)
  const parsed = z
    .object({
      name: z.string().trim().min(1, t("account.required")).max(200),
      type: z.enum(ORGANIZATION_TYPES, { message: t("account.required") }),
      credit_code: z.string().trim().max(40).optional(),
      annual_budget: z.string().trim().max(20).optional(),
      budget_year: z.string().trim().max(4).optional(),
    })
    .safeParse(form)
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {}
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message
    return data({ formError: t("account.fixErrors"), fieldErrors, values }, { status: 400 })
  }
  const body: Record<string, unknown> = { name: parsed.data.name, type: parsed.data.type }
  if (parsed.data.credit_code) body.credit_code = parsed.data.credit_code
  if (parsed.data.annual_budget) body.annual_budget = parsed.data.annual_budget.replace(/[,，\s]/g, "")
  if (parsed.data.budget_year) body.budget_year = Number(parsed.data.budget_year)
  try {
    await storeCall(token, "/store/organizations", { json: body })
  } catch (error) {
    if (error instanceof ProcurementApiError && error.status < 500) {
      // The backend names the field ("credit_code: …"); show it there.
      const message = apiMessage(error, lang)
      const fields = apiFieldErrors(error, lang)
      return data({ formError: message, fieldErrors: fields as FieldErrors, values }, { status: error.status })
    }
    throw error
  }
  return redirect("/org?registered=1")
}

export default function OrgOverview() {
  const { membership, registered, joined } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  if (!membership) {
    const errors: FieldErrors = actionData?.fieldErrors ?? {}
    const values: Record<string, string> = actionData?.values ?? {}
    return (
      <section aria-labelledby="org-register-title">
        <h1 id="org-register-title">{t("proc.org.register.title")}</h1>
        <p data-testid="no-org">{t("proc.org.noOrg")}</p>
        <p className="hint">{t("proc.org.noOrgHint")}</p>
        <AccountFormError message={actionData?.formError} />
        <Form method="post" noValidate className="account-form">
          <AccountField name="name" label={t("proc.org.register.name")} defaultValue={values.name} errors={errors} required />
          <SelectField name="type" label={t("proc.org.register.type")} errors={errors} defaultValue={values.type ?? "government_unit"}>
            {ORGANIZATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`proc.org.types.${type}`)}
              </option>
            ))}
          </SelectField>
          <AccountField name="credit_code" label={t("proc.org.register.creditCode")} hint={t("proc.org.register.creditCodeHint")} defaultValue={values.credit_code} errors={errors} autoCapitalize="characters" />
          <AccountField name="annual_budget" label={t("proc.org.register.budget")} inputMode="decimal" defaultValue={values.annual_budget} errors={errors} />
          <AccountField name="budget_year" label={t("proc.org.register.budgetYear")} inputMode="numeric" defaultValue={values.budget_year} errors={errors} />
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("proc.org.register.submit")}
          </button>
        </Form>
      </section>
    )
  }
  const { organization, member } = membership
  return (
    <section aria-labelledby="org-title">
      <h1 id="org-title">{organization.name}</h1>
      {registered ? (
        <p role="status" className="notice">
          {t("proc.org.register.done")}
        </p>
      ) : null}
      {joined ? (
        <p role="status" className="notice">
          {t("proc.org.accept.done", { name: organization.name })}
        </p>
      ) : null}
      <section className="account-card">
        <dl className="account-facts">
          <dt>{t("proc.org.overview.yourRole")}</dt>
          <dd data-testid="org-role">{t(`proc.org.roles.${member.role}`)}</dd>
          <dt>{t("proc.org.overview.type")}</dt>
          <dd>{t(`proc.org.types.${organization.type}`, { defaultValue: organization.type })}</dd>
          {organization.credit_code ? (
            <>
              <dt>{t("proc.org.overview.creditCode")}</dt>
              <dd>{organization.credit_code}</dd>
            </>
          ) : null}
          <dt>{t("proc.org.overview.budget")}</dt>
          <dd>
            {organization.annual_budget === null ? t("proc.org.overview.noLimit") : `${formatMoney(organization.annual_budget, lang)}${organization.budget_year ? ` (${organization.budget_year})` : ""}`}
          </dd>
        </dl>
      </section>
      <ul className="account-links">
        <li>
          <Link to="/org/comparisons/new">
            <strong>{t("proc.org.overview.start")}</strong>
            <span>{t("proc.org.comparisons.intro")}</span>
          </Link>
        </li>
        <li>
          <Link to="/org/approvals">
            <strong>{t("proc.org.nav.approvals")}</strong>
          </Link>
        </li>
        <li>
          <Link to="/org/spending">
            <strong>{t("proc.org.nav.spending")}</strong>
          </Link>
        </li>
      </ul>
    </section>
  )
}
