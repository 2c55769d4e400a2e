import type { LoaderFunctionArgs } from "@remix-run/node"
import { translator } from "~/i18n/i18n.server"
import { config } from "~/lib/config.server"
import { localizedMessage, requireCustomer } from "~/lib/customer.server"
import { languageOf } from "~/lib/session.server"

const ORDER_ID = /^order_[0-9A-Za-z]{1,64}$/

/**
 * GET /account/orders/:id/receipt[?lang=zh|en] — the order receipt PDF (订单收据), fetched from
 * the backend with the logged-in customer's token and streamed through. In the shopper's
 * language unless `lang` asks for the other one.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireCustomer(request)
  const shopperLang = await languageOf(request)
  const t = translator(shopperLang)
  const orderId = params.id ?? ""
  if (!ORDER_ID.test(orderId)) throw new Response(t("account.receiptNotFound"), { status: 404 })
  const asked = new URL(request.url).searchParams.get("lang")
  const lang = asked === "en" || asked === "zh" ? asked : shopperLang === "en" ? "en" : "zh"

  const { backendUrl, publishableKey } = config()
  let upstream: Response
  try {
    upstream = await fetch(`${backendUrl.replace(/\/$/, "")}/store/orders/${encodeURIComponent(orderId)}/receipt?lang=${lang}`, {
      headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": publishableKey, accept: "application/pdf" },
    })
  } catch {
    throw new Response(t("account.receiptUnavailable"), { status: 502 })
  }
  if (upstream.status === 404) throw new Response(t("account.receiptNotFound"), { status: 404 })
  if (!upstream.ok || !upstream.body) {
    const body = (await upstream.json().catch(() => null)) as { message?: string } | null
    const message = body?.message ? localizedMessage(body.message, shopperLang) : t("account.receiptUnavailable")
    throw new Response(message, { status: upstream.status >= 500 || upstream.ok ? 502 : upstream.status })
  }

  const headers = new Headers({
    "Content-Type": "application/pdf",
    "Content-Disposition": upstream.headers.get("content-disposition") ?? `attachment; filename="receipt-${orderId}.pdf"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  })
  const length = upstream.headers.get("content-length")
  if (length) headers.set("Content-Length", length)
  return new Response(upstream.body, { status: 200, headers })
}
