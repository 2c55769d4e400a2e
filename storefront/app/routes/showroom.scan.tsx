import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import { z } from "zod"
import { retrieveCart } from "~/lib/cart.server"
import { getSession, languageOf } from "~/lib/session.server"
import { SHOWROOM_STRINGS } from "~/lib/showroom"
import { attributeCart, recordScan, scanCookie } from "~/lib/showroom.server"
import "~/styles/showroom.css"

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.strings.scanNotFoundTitle ?? "体验中心" }, { name: "robots", content: "noindex" }]

const Id = z.string().regex(/^[A-Za-z0-9_]{1,64}$/)
const ScanQuery = z.object({
  k: Id,
  e: z
    .string()
    .transform((value) => [...new Set(value.split(",").map((id) => id.trim()).filter(Boolean))])
    .pipe(z.array(Id).min(1).max(4)),
})

/**
 * /showroom/scan?k=<kiosk id>&e=<exhibit id>[,<exhibit id>…] — where a kiosk's QR code leads.
 * Records the scan, remembers it in the httpOnly gwc_showroom_scan cookie (30 days) so the
 * visitor's cart and order are attributed to the experience centre, and opens the product (one
 * exhibit) or the comparison (several). A bad or unknown code gets a friendly 404 page.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await languageOf(request)
  const strings = SHOWROOM_STRINGS[lang]
  const notFound = () => data({ strings }, { status: 404, headers: { "Cache-Control": "no-store" } })
  const url = new URL(request.url)
  const parsed = ScanQuery.safeParse({ k: url.searchParams.get("k") ?? "", e: url.searchParams.get("e") ?? "" })
  if (!parsed.success) return notFound()
  const scan = await recordScan(parsed.data.k, parsed.data.e)
  if (!scan || !scan.handles.length) return notFound()

  // A cart the visitor already has carries the scan from now on.
  const session = await getSession(request)
  const cart = await retrieveCart(session.get("cartId")).catch(() => null)
  if (cart) await attributeCart(cart, scan.scan_id).catch(() => undefined)

  const target = scan.handles.length === 1 ? `/products/${encodeURIComponent(scan.handles[0])}` : `/compare?items=${scan.handles.map(encodeURIComponent).join(",")}`
  return redirect(target, { headers: { "Set-Cookie": scanCookie(scan.scan_id), "Cache-Control": "no-store" } })
}

export default function ShowroomScanNotFound() {
  const { strings } = useLoaderData<typeof loader>()
  return (
    <div className="showroom showroom-missing" data-testid="scan-not-found">
      <h1>{strings.scanNotFoundTitle}</h1>
      <p>{strings.scanNotFound}</p>
      <p className="showroom-actions">
        <Link className="button" to="/showroom">
          {strings.backToShowroom}
        </Link>
        <Link className="button secondary" to="/">
          {strings.backHome}
        </Link>
      </p>
    </div>
  )
}
