import type { MedusaContainer } from "@medusajs/framework/types"
import { AGENCY_MODULE } from "../modules/agency"
import type AgencyModuleService from "../modules/agency/service"
import { COMPARISON_MODULE } from "../modules/comparison"
import type ComparisonModuleService from "../modules/comparison/service"

/** The comparison module's service, for steps and read routes. */
export const comparisons = (container: MedusaContainer) => container.resolve<ComparisonModuleService>(COMPARISON_MODULE)
/** The agency module's service. */
export const agencies = (container: MedusaContainer) => container.resolve<AgencyModuleService>(AGENCY_MODULE)

/** Where buyers open the storefront (for the report's QR code); STOREFRONT_URL, as `npm start` sets it. */
export function storefrontUrl(): string {
  return (process.env.STOREFRONT_URL?.trim() || "http://localhost:8000").replace(/\/+$/, "")
}

export function verifyUrl(serial: string): string {
  return `${storefrontUrl()}/reports/${encodeURIComponent(serial)}/verify`
}
