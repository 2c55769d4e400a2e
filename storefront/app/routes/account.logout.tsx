import { redirect, type ActionFunctionArgs } from "@remix-run/node"
import { commitSession, getSession } from "~/lib/session.server"

/**
 * POST /account/logout — forgets the token and the cart (it belongs to the account now, so the
 * next person at this browser starts with an empty one). The language choice stays.
 */
export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request)
  session.unset("token")
  session.unset("cartId")
  return redirect("/", { headers: { "Set-Cookie": await commitSession(session) } })
}

export function loader() {
  return redirect("/account")
}
