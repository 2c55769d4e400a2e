import type { LoaderFunctionArgs } from "@remix-run/node"
import { z } from "zod"
import { isStatus, procurementDownload, requireMember } from "~/lib/procurement.server"

/** The confirmed comparison's report (PDF), fetched with the member's token and passed on as it is. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireMember(request)
  const id = params.id ?? ""
  if (!z.string().regex(/^[A-Za-z0-9_]{1,80}$/).safeParse(id).success) throw new Response("Not found", { status: 404 })
  let upstream: Response
  try {
    upstream = await procurementDownload(`/store/comparisons/${encodeURIComponent(id)}/report`, { token, store: true })
  } catch (error) {
    if (isStatus(error, 404, 400)) throw new Response("Not found", { status: 404 })
    if (isStatus(error, 409)) throw new Response("The report exists once the agency has confirmed the comparison. / 代理机构确认后才有比价报告。", { status: 409 })
    throw error
  }
  const bytes = await upstream.arrayBuffer()
  const disposition = upstream.headers.get("content-disposition") ?? `attachment; filename="comparison-${id}.pdf"`
  return new Response(bytes, {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": disposition,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "private, no-store",
    },
  })
}
