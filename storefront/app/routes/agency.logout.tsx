import { redirect, type ActionFunctionArgs } from "@remix-run/node"
import { destroyAgencySession, getAgencySession } from "~/lib/procurement.server"

export async function action({ request }: ActionFunctionArgs) {
  const session = await getAgencySession(request)
  return redirect("/agency/login?loggedOut=1", { headers: { "Set-Cookie": await destroyAgencySession(session) } })
}

export async function loader() {
  return redirect("/agency")
}
