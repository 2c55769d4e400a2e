import { redirect, type ActionFunctionArgs } from "@remix-run/node"
import { destroySuperviseSession, getSuperviseSession } from "~/lib/supervise.server"

/** POST /supervise/logout — forgets the supervisor's token. */
export async function action({ request }: ActionFunctionArgs) {
  const session = await getSuperviseSession(request)
  return redirect("/supervise/login?loggedOut=1", { headers: { "Set-Cookie": await destroySuperviseSession(session) } })
}

export function loader() {
  return redirect("/supervise")
}
