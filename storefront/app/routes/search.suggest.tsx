import type { LoaderFunctionArgs } from "@remix-run/node"
import { z } from "zod"
import { suggest } from "~/lib/search.server"

const Query = z.object({ q: z.string().trim().min(1).max(100) })

/** GET /search/suggest?q=打 — up to six { handle, title } for the header's search box (JSON). */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success) return Response.json({ suggestions: [] }, { status: 400 })
  const result = await suggest(parsed.data.q)
  return Response.json(result, {
    status: result.unavailable ? 503 : 200,
    headers: { "Cache-Control": result.unavailable ? "no-store" : "private, max-age=60" },
  })
}
