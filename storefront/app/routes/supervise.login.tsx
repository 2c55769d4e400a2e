import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react"
import { z } from "zod"
import { AccountField, AccountFormError, type FieldErrors } from "~/components/AccountField"
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
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const { t } = useTranslation()
  const errors: FieldErrors = actionData?.fieldErrors ?? {}
  const redirectTo = searchParams.get("redirectTo") ?? ""
  return (
    <section aria-labelledby="supervise-login-title" className="account account-auth">
      <p className="portal-eyebrow">{t("supervise.area.title")}</p>
      <h1 id="supervise-login-title">{t("supervise.login.title")}</h1>
      <p className="hint">{t("supervise.login.intro")}</p>
      {searchParams.get("loggedOut") && !actionData ? (
        <p role="status" className="notice">
          {t("supervise.login.loggedOut")}
        </p>
      ) : null}
      <AccountFormError message={actionData?.formError} />
      <Form method="post" noValidate className="account-form">
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <AccountField name="email" label={t("supervise.login.email")} type="email" autoComplete="username" inputMode="email" defaultValue={actionData?.email} errors={errors} required />
        <AccountField name="password" label={t("supervise.login.password")} type="password" autoComplete="current-password" errors={errors} required />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("supervise.login.submit")}
        </button>
      </Form>
    </section>
  )
}
