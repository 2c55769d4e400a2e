import { redirect, type ActionFunctionArgs } from "@remix-run/node"
import { destroySupplierSession, getSupplierSession } from "~/lib/supplier.server"

/** POST /supplier/logout — forgets the supplier's token (the buyer's session, if any, stays). */
export async function action({ request }: ActionFunctionArgs) {
  const session = await getSupplierSession(request)
  return redirect("/supplier/login?loggedOut=1", { headers: { "Set-Cookie": await destroySupplierSession(session) } })
}

export function loader() {
  return redirect("/supplier")
}
