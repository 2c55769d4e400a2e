import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Link } from "@remix-run/react"
import { z } from "zod"
import type { FieldErrors } from "~/components/AccountField"
import { ActorLogin } from "~/components/ActorLogin"
import { supplierMeta } from "~/components/SupplierPortal"
import { useTranslation } from "~/i18n/react"
import { languageOf } from "~/lib/session.server"
import {
  apiMessage,
  commitSupplierSession,
  getSupplierSession,
  safePortalRedirect,
  SupplierApiError,
  supplierLogin,
  supplierMe,
  supplierTranslator,
} from "~/lib/supplier.server"

export const meta = supplierMeta("login.title")

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSupplierSession(request)
  if (session.get("token")) return redirect(safePortalRedirect(new URL(request.url).searchParams.get("redirectTo")))
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = supplierTranslator(lang)
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
    token = await supplierLogin(parsed.data.email, parsed.data.password)
  } catch (error) {
    // Which of the two was wrong is not said (so the form does not reveal who has an account).
    if (error instanceof SupplierApiError && (error.status === 401 || error.status === 400)) {
      return data({ formError: t("account.wrongCredentials"), fieldErrors: {} as FieldErrors, email }, { status: 401 })
    }
    return data({ formError: apiMessage(error, lang), fieldErrors: {} as FieldErrors, email }, { status: 502 })
  }
  try {
    await supplierMe(token)
  } catch (error) {
    // A login without a company: the registration stopped half-way (it can be finished by registering again).
    if (error instanceof SupplierApiError && error.status === 401) {
      return data({ formError: t("supplier.login.noCompany"), fieldErrors: {} as FieldErrors, email }, { status: 403 })
    }
    throw error
  }
  const session = await getSupplierSession(request)
  session.set("token", token)
  return redirect(safePortalRedirect(form.redirectTo), { headers: { "Set-Cookie": await commitSupplierSession(session) } })
}

export default function SupplierLogin() {
  const { t } = useTranslation()
  return (
    <ActorLogin
      id="supplier-login"
      eyebrow={t("supplier.portal.title")}
      title={t("supplier.login.title")}
      intro={t("supplier.login.intro")}
      loggedOut={t("supplier.login.loggedOut")}
      emailLabel={t("account.email")}
      passwordLabel={t("account.password")}
      submit={t("supplier.login.submit")}
    >
      <p>
        {t("supplier.login.noAccount")} <Link to="/supplier/register">{t("supplier.login.registerLink")}</Link>
      </p>
      <p className="hint">
        {t("supplier.login.buyerHint")} <Link to="/account/login">{t("supplier.login.buyerLink")}</Link>
      </p>
    </ActorLogin>
  )
}
