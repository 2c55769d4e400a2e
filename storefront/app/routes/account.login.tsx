import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import { z } from "zod"
import { AccountField, AccountFormError, type FieldErrors } from "~/components/AccountField"
import { accountMeta } from "~/components/AccountNav"
import { translator } from "~/i18n/i18n.server"
import { adoptSessionCart, LoginError, logIn, safeRedirect } from "~/lib/customer.server"
import { backendMessage } from "~/lib/medusa.server"
import { commitSession, getSession, languageOf } from "~/lib/session.server"

export const meta = accountMeta("account.loginTitle")

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  if (session.get("token")) return redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")))
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const t = translator(await languageOf(request))
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
    token = await logIn(parsed.data.email, parsed.data.password)
  } catch (error) {
    // Which of the two was wrong is not said (so the form does not reveal who has an account).
    if (error instanceof LoginError && (error.status === 401 || error.status === 400)) {
      return data({ formError: t("account.wrongCredentials"), fieldErrors: {} as FieldErrors, email }, { status: 401 })
    }
    return data({ formError: backendMessage(error), fieldErrors: {} as FieldErrors, email }, { status: 502 })
  }
  const session = await getSession(request)
  session.set("token", token)
  await adoptSessionCart(session, token)
  return redirect(safeRedirect(form.redirectTo), { headers: { "Set-Cookie": await commitSession(session) } })
}

export default function Login() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const { t } = useTranslation()
  const errors: FieldErrors = actionData?.fieldErrors ?? {}
  const redirectTo = searchParams.get("redirectTo") ?? ""
  return (
    <section aria-labelledby="login-title" className="account account-auth">
      <h1 id="login-title">{t("account.loginTitle")}</h1>
      <AccountFormError message={actionData?.formError} />
      <Form method="post" noValidate className="account-form">
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <AccountField name="email" label={t("account.email")} type="email" autoComplete="email" inputMode="email" defaultValue={actionData?.email} errors={errors} required />
        <AccountField name="password" label={t("account.password")} type="password" autoComplete="current-password" errors={errors} required />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("account.loginSubmit")}
        </button>
      </Form>
      <p>
        {t("account.noAccount")}{" "}
        <Link to={redirectTo ? `/account/register?redirectTo=${encodeURIComponent(redirectTo)}` : "/account/register"}>
          {t("account.registerLink")}
        </Link>
      </p>
    </section>
  )
}
