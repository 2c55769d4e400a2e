import type { MedusaResponse } from "@medusajs/framework/http"
import type { KioskRequest } from "../../../lib/kiosk-auth"
import { buildKioskBundle, etagMatches } from "../../../lib/kiosk-bundle"

/**
 * GET /kiosk/bundle — the KioskBundle (kiosk/shared/types.ts) this kiosk shows and keeps for
 * working offline. ETag is the bundle's version; If-None-Match with it → 304 without a body.
 */
export async function GET(req: KioskRequest, res: MedusaResponse) {
  const bundle = await buildKioskBundle(req.scope, req.kiosk)
  const etag = `"${bundle.version}"`
  res.setHeader("ETag", etag)
  // Private to this kiosk; always revalidate (cheap with the ETag).
  res.setHeader("Cache-Control", "private, no-cache")
  res.setHeader("Vary", "Authorization, X-Kiosk-Key")
  if (etagMatches(req.headers["if-none-match"], etag)) {
    res.status(304).end()
    return
  }
  res.json(bundle)
}
