import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { COMPARISON_MESSAGES } from "../../../../lib/comparison-messages"
import { comparisons } from "../../../../lib/comparison-service"
import { reportPublicView } from "../../../../lib/comparison-view"

const PUBLIC_FIELDS = ["id", "serial", "sha256", "content_sha256", "size", "generated_at", "organization_name", "title"]

export async function findReport(req: MedusaRequest, serial: string, withBytes = false) {
  const [report] = await comparisons(req.scope).listComparisonReports({ serial }, { select: withBytes ? [...PUBLIC_FIELDS, "pdf_base64"] : PUBLIC_FIELDS, take: 1 })
  if (!report) throw new MedusaError(MedusaError.Types.NOT_FOUND, COMPARISON_MESSAGES.report_not_found(serial))
  return report
}

/** GET /store/reports/:serial — public facts of a report for its verification page (404 unknown serial). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ report: reportPublicView(await findReport(req, req.params.serial)) })
}
