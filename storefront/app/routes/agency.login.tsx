import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react"
import { z } from "zod"
import { AccountField, AccountFormError, type FieldErrors } from "~/components/AccountField"
import { procMeta } from "~/components/Procurement"
import { useTranslation } from "~/i18n/react"
import {
  agencyLogin,
  agencyMe,
  apiMessage,
  commitAgencySession,
  getAgencySession,
  isStatus,
  procurementTranslator,
  safeAgencyRedirect,
} from "~/lib/procurement.server"
import { languageOf } from "~/lib/session.server"

export const meta = procMeta("agency", "agency.login.title")

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getAgencySession(request)
  if (session.get("token")) return redirect(safeAgencyRedirect(new URL(request.url).searchParams.get("redirectTo")))
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = procurementTranslator(lang)
  const form = Object.fromEntries(await request.formData())
  const email = typeof form.email === "string" ? form.email.slice(0, 200) : ""
  const parsed = z
    .object({
      email: z.string().trim().toLowerCase().min(1, t("account.required")).email(t("account.invalidEmail")),
      password: z.string().min(1, t("account.required")).max(128, t("account.wrongCredentials")),
    })
    .safeParse(form)
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {}
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message
    return data({ formError: t("account.fixErrors"), fieldErrors, email }, { status: 400 })
  }
  let token: string
  try {
    token = await agencyLogin(parsed.data.email, parsed.data.password)
  } catch (error) {
    if (isStatus(error, 400, 401)) return data({ formError: t("account.wrongCredentials"), fieldErrors: {} as FieldErrors, email }, { status: 401 })
    return data({ formError: apiMessage(error, lang), fieldErrors: {} as FieldErrors, email }, { status: 502 })
  }
  try {
    await agencyMe(token)
  } catch (error) {
    if (isStatus(error, 401, 403, 404)) return data({ formError: t("proc.agency.login.noAgency"), fieldErrors: {} as FieldErrors, email }, { status: 403 })
    throw error
  }
  const session = await getAgencySession(request)
  session.set("token", token)
  return redirect(safeAgencyRedirect(form.redirectTo), { headers: { "Set-Cookie": await commitAgencySession(session) } })
}

export default function AgencyLogin() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const { t } = useTranslation()
  const errors: FieldErrors = actionData?.fieldErrors ?? {}
  const redirectTo = searchParams.get("redirectTo") ?? ""
  return (
    <section aria-labelledby="agency-login-title" className="account-auth">
      <p className="portal-eyebrow">{t("proc.agency.area")}</p>
      <h1 id="agency-login-title">{t("proc.agency.login.title")}</h1>
      <p className="hint">{t("proc.agency.login.intro")}</p>
      {searchParams.get("loggedOut") && !actionData ? (
        <p role="status" className="notice">
          {t("proc.agency.login.loggedOut")}
        </p>
      ) : null}
      <AccountFormError message={actionData?.formError} />
      <Form method="post" noValidate className="account-form">
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <AccountField name="email" label={t("account.email")} type="email" autoComplete="username" inputMode="email" defaultValue={actionData?.email} errors={errors} required />
        <AccountField name="password" label={t("account.password")} type="password" autoComplete="current-password" errors={errors} required />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("proc.agency.login.submit")}
        </button>
      </Form>
      <p className="hint">
        {t("proc.agency.login.buyerHint")} <Link to="/account/login">{t("proc.agency.login.buyerLink")}</Link>
      </p>
    </section>
  )
}
