import type { LoaderFunctionArgs } from "@remix-run/node"
import { Outlet, useLoaderData } from "@remix-run/react"
import { OrgNav, ProcI18n } from "~/components/Procurement"
import type { Messages } from "~/i18n/i18n"
import { useTranslation } from "~/i18n/react"
import { procurementMessagesFor, requireOrgCustomer } from "~/lib/procurement.server"
import { languageOf } from "~/lib/session.server"

/**
 * The buyer organisation area (采购单位, /org/*) for signed-in customers: comparisons, approvals,
 * orders, limits and members of the caller's own organisation (the backend takes it from the
 * membership, never from the URL). Signed out → the login page, which comes back here.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await languageOf(request)
  const { membership } = await requireOrgCustomer(request)
  return {
    lang,
    messages: procurementMessagesFor(lang),
    organization: membership ? { id: membership.organization.id, name: membership.organization.name } : null,
    role: membership?.member.role ?? null,
  }
}

function OrgHeader({ name, role }: { name: string | null; role: string | null }) {
  const { t } = useTranslation()
  return (
    <>
      <p className="portal-eyebrow" data-testid="org-name">
        {t("proc.org.area")}
        {name ? ` · ${name}` : ""}
        {role ? ` · ${t(`proc.org.roles.${role}`)}` : ""}
      </p>
      <OrgNav role={role} />
    </>
  )
}

export default function OrgArea() {
  const { lang, messages, organization, role } = useLoaderData<typeof loader>()
  return (
    <ProcI18n lang={lang} messages={messages as unknown as Messages}>
      <div className="org-area account">
        <OrgHeader name={organization?.name ?? null} role={role} />
        <Outlet />
      </div>
    </ProcI18n>
  )
}
