import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Link } from "@remix-run/react"
import { z } from "zod"
import type { FieldErrors } from "~/components/AccountField"
import { ActorLogin } from "~/components/ActorLogin"
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
  const { t } = useTranslation()
  return (
    <ActorLogin
      id="agency-login"
      eyebrow={t("proc.agency.area")}
      title={t("proc.agency.login.title")}
      intro={t("proc.agency.login.intro")}
      loggedOut={t("proc.agency.login.loggedOut")}
      emailLabel={t("account.email")}
      passwordLabel={t("account.password")}
      submit={t("proc.agency.login.submit")}
    >
      <p className="hint">
        {t("proc.agency.login.buyerHint")} <Link to="/account/login">{t("proc.agency.login.buyerLink")}</Link>
      </p>
    </ActorLogin>
  )
}
