import type { LoaderFunctionArgs } from "@remix-run/node"
import { Outlet, useLoaderData } from "@remix-run/react"
import { SupplierI18n } from "~/components/SupplierPortal"
import type { Messages } from "~/i18n/i18n"
import { supplierMessagesFor } from "~/lib/supplier.server"
import { languageOf } from "~/lib/session.server"

/**
 * The supplier portal (供应商中心, /supplier/*). This layout sends the portal's strings along
 * with its pages only, so the shop's pages do not carry them; everything below renders inside
 * a translation context that has both the shop's and the portal's strings.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await languageOf(request)
  return { lang, messages: supplierMessagesFor(lang) }
}

export default function SupplierPortal() {
  const { lang, messages } = useLoaderData<typeof loader>()
  return (
    <SupplierI18n lang={lang} messages={messages as unknown as Messages}>
      <div className="supplier-portal">
        <Outlet />
      </div>
    </SupplierI18n>
  )
}
