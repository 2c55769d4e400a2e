import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { storeUploadedImages, type IncomingFile } from "../../../lib/listing-media"
import { supplierOf } from "../../../lib/supplier-context"

/**
 * Listing images: multipart field `files` (up to 10; JPEG, PNG or WebP by content; ≤ 10 MB
 * each). Each becomes WebP at 240 / 480 / 800 / 1600 px (never enlarged) under the caller's
 * uploads folder. Answers `{ images: [{ id, url, sizes: { thumb, small, medium, large: { url,
 * width, height } } }] }`; put `url` into a listing's `image_urls`.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { supplier, member } = supplierOf(req)
  const files = ((req as unknown as { files?: IncomingFile[] }).files ?? []) as IncomingFile[]
  const images = await storeUploadedImages(supplier.id, files, member.id)
  res.status(201).json({ images })
}
