import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import { z } from "zod"
import { AccountField, AccountFormError, type FieldErrors } from "~/components/AccountField"
import { accountMeta } from "~/components/AccountNav"
import { translator } from "~/i18n/i18n.server"
import { adoptSessionCart, registerCustomer, safeRedirect } from "~/lib/customer.server"
import { backendMessage } from "~/lib/medusa.server"
import { commitSession, getSession, languageOf } from "~/lib/session.server"

export const meta = accountMeta("account.registerTitle")

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  // Logged in already: nothing to register.
  if (session.get("token")) return redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")))
  return null
}

type Translate = ReturnType<typeof translator>

function registerSchema(t: Translate) {
  const name = z.string().trim().min(1, t("account.required")).max(100)
  return z
    .object({
      email: z.string().trim().toLowerCase().min(1, t("account.required")).email(t("account.invalidEmail")),
      password: z.string().min(8, t("account.passwordTooShort")).max(128, t("account.passwordTooLong")),
      confirm: z.string(),
      first_name: name,
      last_name: name,
      phone: z
        .string()
        .trim()
        .regex(/^$|^1\d{10}$|^[0-9+\-() ]{7,20}$/, t("account.invalidPhone"))
        .optional(),
    })
    .superRefine((form, ctx) => {
      if (form.password.length >= 8 && form.confirm !== form.password) {
        ctx.addIssue({ code: "custom", path: ["confirm"], message: t("account.passwordMismatch") })
      }
    })
}

/** What the form shows again after a failed submit (never the passwords). */
function keptValues(form: Record<string, FormDataEntryValue>) {
  const text = (key: string) => (typeof form[key] === "string" ? String(form[key]).slice(0, 200) : "")
  return { email: text("email"), first_name: text("first_name"), last_name: text("last_name"), phone: text("phone") }
}

export async function action({ request }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = translator(lang)
  const form = Object.fromEntries(await request.formData())
  const values = keptValues(form)
  const parsed = registerSchema(t).safeParse(form)
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {}
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message
    return data({ formError: t("account.fixErrors"), fieldErrors, values }, { status: 400 })
  }
  const { email, password, first_name, last_name, phone } = parsed.data
  let result: Awaited<ReturnType<typeof registerCustomer>>
  try {
    result = await registerCustomer({ email, password, first_name, last_name, phone: phone || undefined })
  } catch (error) {
    return data({ formError: backendMessage(error), fieldErrors: {} as FieldErrors, values }, { status: 400 })
  }
  if (!result.ok) {
    return data(
      { formError: t("account.fixErrors"), fieldErrors: { email: t("account.emailTaken") } as FieldErrors, values },
      { status: 409 }
    )
  }
  const session = await getSession(request)
  session.set("token", result.token)
  await adoptSessionCart(session, result.token)
  return redirect(safeRedirect(form.redirectTo), { headers: { "Set-Cookie": await commitSession(session) } })
}

export default function Register() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const { t, i18n } = useTranslation()
  const errors: FieldErrors = actionData?.fieldErrors ?? {}
  const values = actionData?.values
  const redirectTo = searchParams.get("redirectTo") ?? ""
  const lastName = (
    <AccountField key="last_name" name="last_name" label={t("account.lastName")} autoComplete="family-name" defaultValue={values?.last_name} errors={errors} required />
  )
  const firstName = (
    <AccountField key="first_name" name="first_name" label={t("account.firstName")} autoComplete="given-name" defaultValue={values?.first_name} errors={errors} required />
  )
  return (
    <section aria-labelledby="register-title" className="account account-auth">
      <h1 id="register-title">{t("account.registerTitle")}</h1>
      <p className="hint">{t("account.registerIntro")}</p>
      <AccountFormError message={actionData?.formError} />
      <Form method="post" noValidate className="account-form">
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <AccountField name="email" label={t("account.email")} type="email" autoComplete="email" inputMode="email" defaultValue={values?.email} errors={errors} required />
        <AccountField name="password" label={t("account.password")} type="password" autoComplete="new-password" hint={t("account.passwordHint")} errors={errors} required minLength={8} />
        <AccountField name="confirm" label={t("account.confirmPassword")} type="password" autoComplete="new-password" errors={errors} required />
        {/* Family name first in Chinese, given name first in English. */}
        <div className="field-row">{i18n.language === "en" ? [firstName, lastName] : [lastName, firstName]}</div>
        <AccountField name="phone" label={t("account.phone")} type="tel" autoComplete="tel" inputMode="tel" defaultValue={values?.phone} errors={errors} />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("account.registerSubmit")}
        </button>
      </Form>
      <p>
        {t("account.haveAccount")}{" "}
        <Link to={redirectTo ? `/account/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/account/login"}>{t("account.loginLink")}</Link>
      </p>
    </section>
  )
}
