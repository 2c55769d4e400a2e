import { redirect, type ActionFunctionArgs } from "@remix-run/node"
import { isLanguage } from "~/i18n/languages"
import { commitSession, getSession } from "~/lib/session.server"

/** POST /language — remembers the shopper's language and returns to the page they were on. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const lang = form.get("lang")
  const back = String(form.get("redirectTo") ?? "/")
  const session = await getSession(request)
  if (isLanguage(lang)) session.set("lang", lang)
  // Only local paths, so the form cannot be used to redirect elsewhere.
  const target = back.startsWith("/") && !back.startsWith("//") ? back : "/"
  return redirect(target, { headers: { "Set-Cookie": await commitSession(session) } })
}

export function loader() {
  return redirect("/")
}
