import type { MedusaContainer } from "@medusajs/framework/types"
import { comparisons } from "../../../lib/comparison-service"
import { COMPARISON_RELATIONS, comparisonView } from "../../../lib/comparison-view"
import type { ReportActor } from "../../../lib/comparison-report-data"
import type { OrganizationContext } from "../../../lib/organization-context"

/** The comparison as the API shows it, with its report's hashes (never its bytes). */
export async function comparisonResponse(container: MedusaContainer, id: string) {
  const service = comparisons(container)
  const [c] = await service.listPriceComparisons({ id }, { relations: COMPARISON_RELATIONS, take: 1 })
  const [report] = await service.listComparisonReports({ comparison_id: id }, { select: ["id", "serial", "sha256", "content_sha256", "generated_at"], take: 1 })
  return comparisonView(c as Record<string, any>, (report as Record<string, any>) ?? null)
}

export function customerActor(context: OrganizationContext, email?: string | null): ReportActor {
  return { type: "customer", id: context.member.customer_id, name: email ?? context.member.customer_id }
}
