import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { COMPARISON_MESSAGES } from "../../../../../lib/comparison-messages"
import { sha256Hex } from "../../../../../lib/comparison-rules"
import { findReport } from "../route"

/** Reports are tens of KB; anything far larger is not one of ours. */
export const MAX_REPORT_MB = 20

async function rawBody(req: MedusaRequest): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as unknown as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_REPORT_MB * 1024 * 1024) throw new MedusaError(MedusaError.Types.INVALID_DATA, COMPARISON_MESSAGES.pdf_too_large(MAX_REPORT_MB))
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * POST /store/reports/:serial/verify with the PDF as the raw body — authentic only when the file's
 * SHA-256 equals the one stored when the report was generated (a single changed byte fails).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const report = await findReport(req, req.params.serial)
  const bytes = await rawBody(req)
  if (!bytes.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, COMPARISON_MESSAGES.pdf_body_missing)
  const given = sha256Hex(bytes)
  const authentic = given === report.sha256
  res.json({
    authentic,
    serial: report.serial,
    sha256_expected: report.sha256,
    sha256_given: given,
    size_expected: report.size,
    size_given: bytes.length,
    message: authentic ? COMPARISON_MESSAGES.authentic : COMPARISON_MESSAGES.tampered,
  })
}
