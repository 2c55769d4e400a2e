import crypto from "node:crypto"
import type { ActionFunctionArgs } from "@remix-run/node"
import { z } from "zod"
import { invalidateProducts, invalidationSecret } from "~/lib/product-cache.server"

const Notice = z.object({
  product_ids: z.array(z.string().min(1).max(100)).max(1000).optional(),
  handles: z.array(z.string().min(1).max(200)).max(1000).optional(),
  all: z.boolean().optional(),
})

function sameSecret(given: string | null): boolean {
  const expected = Buffer.from(invalidationSecret())
  const actual = Buffer.from(given ?? "")
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}

/** POST /internal/cache/invalidate — the backend's "these products changed" notice (a resource route). */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ message: "Method not allowed" }, { status: 405 })
  if (!sameSecret(request.headers.get("x-cache-secret"))) return Response.json({ message: "Unauthorized" }, { status: 401 })
  const body = await request.json().catch(() => null)
  const parsed = Notice.safeParse(body)
  if (!parsed.success) return Response.json({ message: `Invalid notice: ${parsed.error.issues[0].message}` }, { status: 400 })
  return Response.json({ dropped: invalidateProducts(parsed.data) })
}

export function loader() {
  throw new Response("Not found", { status: 404 })
}
