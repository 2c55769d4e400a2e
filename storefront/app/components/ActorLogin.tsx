import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react"
import type { ReactNode } from "react"
import { AccountField, AccountFormError, type FieldErrors } from "~/components/AccountField"

/** What a role area's login action answers when it refuses (the form keeps the email). */
export interface ActorLoginRefusal {
  formError?: string
  fieldErrors?: FieldErrors
  email?: string
}

/**
 * The login page of a role area (supplier portal, tendering agency, supervision): its eyebrow,
 * title and intro, the "logged out" notice, email and password with their errors, and the area's
 * own links below. The action posts back here; `redirectTo` travels in a hidden field.
 */
export function ActorLogin(props: {
  id: string
  eyebrow: string
  title: string
  intro: string
  loggedOut: string
  emailLabel: string
  passwordLabel: string
  submit: string
  children?: ReactNode
}) {
  const actionData = useActionData<ActorLoginRefusal>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const errors: FieldErrors = actionData?.fieldErrors ?? {}
  const redirectTo = searchParams.get("redirectTo") ?? ""
  return (
    <section aria-labelledby={`${props.id}-title`} className="account account-auth">
      <p className="portal-eyebrow">{props.eyebrow}</p>
      <h1 id={`${props.id}-title`}>{props.title}</h1>
      <p className="hint">{props.intro}</p>
      {searchParams.get("loggedOut") && !actionData ? (
        <p role="status" className="notice">
          {props.loggedOut}
        </p>
      ) : null}
      <AccountFormError message={actionData?.formError} />
      <Form method="post" noValidate className="account-form">
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <AccountField name="email" label={props.emailLabel} type="email" autoComplete="username" inputMode="email" defaultValue={actionData?.email} errors={errors} required />
        <AccountField name="password" label={props.passwordLabel} type="password" autoComplete="current-password" errors={errors} required />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {props.submit}
        </button>
      </Form>
      {props.children}
    </section>
  )
}
