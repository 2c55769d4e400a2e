import fs from "node:fs"
import path from "node:path"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

// Only the names the seed writes: no separators, so no path can escape the media folder.
const FileName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,150}-(thumb|medium|large)\.webp$/, "expected <handle>-<thumb|medium|large>.webp")

function mediaDir(): string {
  return path.join(process.env.GWC_DATA_DIR || path.resolve(".data"), "media", "products")
}

/** GET /media/products/:file — generated product images (WebP), cacheable for a long time. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const parsed = FileName.safeParse(req.params.file)
  if (!parsed.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid image name: ${parsed.error.issues[0].message}`)
  }
  const file = path.join(mediaDir(), parsed.data)
  const stat = await fs.promises.stat(file).catch(() => null)
  if (!stat?.isFile()) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Image ${parsed.data} not found`)
  }
  res.setHeader("Content-Type", "image/webp")
  res.setHeader("Content-Length", String(stat.size))
  // File names are content-stable (re-seeding never rewrites an existing image).
  res.setHeader("Cache-Control", "public, max-age=86400")
  fs.createReadStream(file).pipe(res)
}
