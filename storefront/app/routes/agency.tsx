import type { LoaderFunctionArgs } from "@remix-run/node"
import { Outlet, useLoaderData } from "@remix-run/react"
import { ProcI18n } from "~/components/Procurement"
import type { Messages } from "~/i18n/i18n"
import { procurementMessagesFor } from "~/lib/procurement.server"
import { languageOf } from "~/lib/session.server"

/**
 * The tendering agency's area (招标代理机构, /agency/*): its own login (the `agency` actor, a
 * cookie of its own) and the queue of comparisons submitted to it, to claim, confirm or return.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await languageOf(request)
  return { lang, messages: procurementMessagesFor(lang) }
}

export default function AgencyArea() {
  const { lang, messages } = useLoaderData<typeof loader>()
  return (
    <ProcI18n lang={lang} messages={messages as unknown as Messages}>
      <div className="agency-area account">
        <Outlet />
      </div>
    </ProcI18n>
  )
}
