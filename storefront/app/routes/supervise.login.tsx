import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { z } from "zod"
import type { FieldErrors } from "~/components/AccountField"
import { ActorLogin } from "~/components/ActorLogin"
import { superviseMeta } from "~/components/SuperviseArea"
import { useTranslation } from "~/i18n/react"
import { languageOf } from "~/lib/session.server"
import {
  apiMessage,
  commitSuperviseSession,
  getSuperviseSession,
  safeAreaRedirect,
  SuperviseApiError,
  supervisorLogin,
  supervisorMe,
  superviseTranslator,
} from "~/lib/supervise.server"

export const meta = superviseMeta("login.title")

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSuperviseSession(request)
  if (session.get("token")) return redirect(safeAreaRedirect(new URL(request.url).searchParams.get("redirectTo")))
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = superviseTranslator(lang)
  const form = Object.fromEntries(await request.formData())
  const email = typeof form.email === "string" ? form.email.slice(0, 200) : ""
  const parsed = z
    .object({
      email: z.string().trim().toLowerCase().min(1, t("supervise.login.required")).email(t("supervise.login.invalidEmail")),
      password: z.string().min(1, t("supervise.login.required")).max(128, t("supervise.login.wrongCredentials")),
    })
    .safeParse(form)
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {}
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message
    return data({ formError: t("supervise.login.fixErrors"), fieldErrors, email }, { status: 400 })
  }
  let token: string | null
  try {
    token = await supervisorLogin(parsed.data.email, parsed.data.password)
  } catch (error) {
    return data({ formError: apiMessage(error, lang), fieldErrors: {} as FieldErrors, email }, { status: 502 })
  }
  // Which of the two was wrong is not said.
  if (!token) return data({ formError: t("supervise.login.wrongCredentials"), fieldErrors: {} as FieldErrors, email }, { status: 401 })
  try {
    await supervisorMe(token)
  } catch (error) {
    if (error instanceof SuperviseApiError && error.status === 401) {
      return data({ formError: t("supervise.login.notSupervisor"), fieldErrors: {} as FieldErrors, email }, { status: 403 })
    }
    throw error
  }
  const session = await getSuperviseSession(request)
  session.set("token", token)
  return redirect(safeAreaRedirect(form.redirectTo), { headers: { "Set-Cookie": await commitSuperviseSession(session) } })
}

export default function SuperviseLogin() {
  const { t } = useTranslation()
  return (
    <ActorLogin
      id="supervise-login"
      eyebrow={t("supervise.area.title")}
      title={t("supervise.login.title")}
      intro={t("supervise.login.intro")}
      loggedOut={t("supervise.login.loggedOut")}
      emailLabel={t("supervise.login.email")}
      passwordLabel={t("supervise.login.password")}
      submit={t("supervise.login.submit")}
    />
  )
}
