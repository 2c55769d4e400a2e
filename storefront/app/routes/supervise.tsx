import type { LoaderFunctionArgs } from "@remix-run/node"
import { Outlet, useLoaderData } from "@remix-run/react"
import { SuperviseI18n } from "~/components/SuperviseArea"
import type { Messages } from "~/i18n/i18n"
import { languageOf } from "~/lib/session.server"
import { superviseMessagesFor } from "~/lib/supervise.server"
import "~/styles/supervise.css"

/**
 * The supervision area (采购监管, /supervise/*) for the read-only `supervisor` actor. This layout
 * sends the area's strings along with its pages only.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await languageOf(request)
  return { lang, messages: superviseMessagesFor(lang) }
}

export default function SuperviseArea() {
  const { lang, messages } = useLoaderData<typeof loader>()
  return (
    <SuperviseI18n lang={lang} messages={messages as unknown as Messages}>
      <div className="supervise-area">
        <Outlet />
      </div>
    </SuperviseI18n>
  )
}
