import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import { procMeta } from "~/components/Procurement"
import { useTranslation } from "~/i18n/react"
import { apiMessage, ProcurementApiError, requireOrgCustomer, storeCall } from "~/lib/procurement.server"
import { languageOf } from "~/lib/session.server"

export const meta = procMeta("org", "org.accept.title")

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireOrgCustomer(request)
  const token = (new URL(request.url).searchParams.get("token") ?? "").slice(0, 200)
  return { token, memberOf: membership?.organization.name ?? null }
}

export async function action({ request }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const { token } = await requireOrgCustomer(request)
  const form = await request.formData()
  const invitation = String(form.get("token") ?? "").slice(0, 200)
  try {
    await storeCall(token, "/store/organization-invitations/accept", { json: { token: invitation } })
  } catch (error) {
    if (error instanceof ProcurementApiError && error.status < 500) return data({ formError: apiMessage(error, lang) }, { status: error.status })
    throw error
  }
  return redirect("/org?joined=1")
}

export default function AcceptInvitation() {
  const { token, memberOf } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation()
  return (
    <section aria-labelledby="accept-title">
      <h1 id="accept-title">{t("proc.org.accept.title")}</h1>
      {actionData?.formError ? (
        <p role="alert" className="form-error">
          {actionData.formError}
        </p>
      ) : null}
      {memberOf ? (
        <p className="notice-warn">
          {t("proc.org.accept.already", { name: memberOf })} <Link to="/org">{t("proc.org.nav.overview")}</Link>
        </p>
      ) : !token ? (
        <p className="form-error" role="alert">
          {t("proc.org.accept.missing")}
        </p>
      ) : (
        <Form method="post" className="account-form">
          <p>{t("proc.org.accept.intro")}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit" disabled={navigation.state !== "idle"}>
            {t("proc.org.accept.submit")}
          </button>
        </Form>
      )}
    </section>
  )
}
