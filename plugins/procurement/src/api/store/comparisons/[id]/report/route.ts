import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { withConflictMessage } from "@gongwucang/platform/http"
import { pdfDownloadHeaders } from "@gongwucang/platform/pdf"
import { COMPARISON_MESSAGES } from "../../../../../lib/comparison-messages"
import { comparisons } from "../../../../../lib/comparison-service"
import { organizationOf } from "../../../../../lib/organization-context"
import { loadScopedComparison } from "../../../../../workflows/steps/comparison-steps"

/** GET /store/comparisons/:id/report — the stored PDF, byte for byte the one generated on confirmation; 409 before. */
export const GET = withConflictMessage(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { organization } = organizationOf(req)
  const c = await loadScopedComparison(req.scope, req.params.id, { organization_id: organization.id })
  const [report] = await comparisons(req.scope).listComparisonReports({ comparison_id: c.id }, { take: 1 })
  if (!report) throw new MedusaError(MedusaError.Types.CONFLICT, COMPARISON_MESSAGES.report_not_ready)
  const bytes = Buffer.from(report.pdf_base64, "base64")
  res.set({ ...pdfDownloadHeaders(`比价报告-${report.serial}.pdf`, bytes), "X-Report-SHA256": report.sha256 })
  res.status(200).end(bytes)
})
