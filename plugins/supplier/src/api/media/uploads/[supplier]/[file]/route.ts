import fs from "node:fs"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { uploadFilePath } from "../../../../../lib/listing-media"

/**
 * GET /media/uploads/:supplier/:file — suppliers' listing images (public, like
 * /media/products). Only names of the exact shape sharp wrote (`<32 hex>-<size>.webp` under a
 * supplier id) are served, so no path can leave the uploads folder.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const file = uploadFilePath(String(req.params.supplier), String(req.params.file))
  if (!file) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid image name: expected /media/uploads/<supplier id>/<image id>-<thumb|small|medium|large>.webp")
  const stat = await fs.promises.stat(file).catch(() => null)
  if (!stat?.isFile()) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Image not found")
  res.setHeader("Content-Type", "image/webp")
  res.setHeader("Content-Length", String(stat.size))
  // Image ids are random and files never rewritten, so they can be cached for good.
  res.setHeader("Cache-Control", "public, max-age=31536000, immutable")
  fs.createReadStream(file).pipe(res)
}
