import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { validateBody as sharedValidateBody, validateQuery as sharedValidateQuery } from "@gongwucang/platform/http"
import multer from "multer"
import { MAX_IMAGE_BYTES, MAX_IMAGES_PER_UPLOAD } from "./listing-media"

/** Request plumbing for the listing routes: zod validation with field paths in the message, multipart, raw CSV bodies. */

/**
 * Like Medusa's validateAndTransformBody, but every message names its field (`variants.0.price_cny: …`).
 * Messages keep Medusa's "Invalid request: " prefix, which the storefront's supplier portal strips.
 */
const INVALID_REQUEST = { prefix: "Invalid request", limit: 3 }

export const validateBody = (schema: z.ZodType) => sharedValidateBody(schema, INVALID_REQUEST)
export const validateQuery = (schema: z.ZodType) => sharedValidateQuery(schema, INVALID_REQUEST)

const MULTER_MESSAGES: Record<string, string> = {
  LIMIT_FILE_SIZE: "文件过大 / a file is too large",
  LIMIT_FILE_COUNT: "文件过多 / too many files",
  LIMIT_UNEXPECTED_FILE: "意外的文件字段 / unexpected file field",
  LIMIT_PART_COUNT: "表单字段过多 / too many form parts",
  LIMIT_FIELD_COUNT: "表单字段过多 / too many form fields",
}

/** Runs a multer handler and turns its errors (size, count, field, malformed form) into 400s. */
function multipart(handler: ReturnType<ReturnType<typeof multer>["array"]>, details: (code: string, field?: string) => string) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    handler(req as any, res as any, (error?: unknown) => {
      if (!error) return next()
      const code = (error as { code?: string }).code
      const field = (error as { field?: string }).field
      const message = code && code in MULTER_MESSAGES ? `${MULTER_MESSAGES[code]}: ${details(code, field)}` : `无法读取表单 / could not read the multipart form: ${(error as Error).message}`
      next(new MedusaError(MedusaError.Types.INVALID_DATA, message))
    })
  }
}

/** `files`: up to 10 images of at most 10 MB each, kept in memory for sharp. */
export const imageUploads = multipart(
  multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_IMAGE_BYTES, files: MAX_IMAGES_PER_UPLOAD, fields: 20 } }).array("files", MAX_IMAGES_PER_UPLOAD),
  (code, field) =>
    code === "LIMIT_FILE_SIZE" ? "每张图片不超过 10 MB / each image must be at most 10 MB" : code === "LIMIT_UNEXPECTED_FILE" ? `字段应为 files（最多 ${MAX_IMAGES_PER_UPLOAD} 张），收到 ${field} / send images as field "files" (at most ${MAX_IMAGES_PER_UPLOAD}), got "${field}"` : `最多 ${MAX_IMAGES_PER_UPLOAD} 张 / at most ${MAX_IMAGES_PER_UPLOAD} images`
)

export const MAX_CSV_BYTES = 5 * 1024 * 1024

const csvMultipart = multipart(
  multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 10 } }).array("file", 1),
  (code, field) => (code === "LIMIT_FILE_SIZE" ? "CSV 不超过 5 MB / the CSV file must be at most 5 MB" : `字段应为 file / send the CSV as field "file"${field ? `, got "${field}"` : ""}`)
)

/**
 * The CSV of an import, as text: a multipart upload (field `file`) or the raw body (text/csv).
 * The route opts out of Medusa's body parsers, so the raw body is read here, up to 5 MB.
 */
export function csvBody(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const type = String(req.headers["content-type"] ?? "").toLowerCase()
  if (type.startsWith("multipart/form-data")) {
    return csvMultipart(req, res, (error?: unknown) => {
      if (error) return next(error)
      const file = ((req as unknown as { files?: { buffer: Buffer }[] }).files ?? [])[0]
      if (!file) return next(new MedusaError(MedusaError.Types.INVALID_DATA, "缺少 CSV 文件（字段 file）/ no CSV file: send it as multipart field \"file\""))
      ;(req as unknown as { csvText: string }).csvText = file.buffer.toString("utf8")
      next()
    })
  }
  if (!/^(text\/csv|text\/plain|application\/csv|application\/vnd\.ms-excel)\b/.test(type)) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `请以 text/csv 或 multipart/form-data 上传 / send the CSV as text/csv or multipart/form-data (got "${type || "no content type"}")`))
  }
  const chunks: Buffer[] = []
  let size = 0
  let failed = false
  req.on("data", (chunk: Buffer) => {
    if (failed) return
    size += chunk.length
    if (size > MAX_CSV_BYTES) {
      failed = true
      next(new MedusaError(MedusaError.Types.INVALID_DATA, "CSV 不超过 5 MB / the CSV must be at most 5 MB"))
      req.resume()
      return
    }
    chunks.push(chunk)
  })
  req.on("end", () => {
    if (failed) return
    ;(req as unknown as { csvText: string }).csvText = Buffer.concat(chunks).toString("utf8")
    next()
  })
  req.on("error", (error) => {
    if (!failed) next(error)
    failed = true
  })
}
