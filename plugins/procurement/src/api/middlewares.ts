import { defineMiddlewares } from "@medusajs/framework/http"
import { adminOrganizationMiddlewares } from "./admin/organizations/middlewares"
import { adminProcurementMiddlewares } from "./admin/procurement/middlewares"
import { comparisonMiddlewares } from "./store/comparisons/middlewares"
import { storeOrganizationMiddlewares } from "./store/organizations/middlewares"
import { storeApprovalMiddlewares } from "./store/approvals-middlewares"
import { adminSupervisorMiddlewares } from "./admin/supervisors/middlewares"
import { supervisorMiddlewares } from "./supervisor/middlewares"

export default defineMiddlewares({
  routes: [
    ...storeOrganizationMiddlewares,
    ...adminOrganizationMiddlewares,
    ...adminProcurementMiddlewares,
    ...storeApprovalMiddlewares,
    ...comparisonMiddlewares,
    ...adminSupervisorMiddlewares,
    ...supervisorMiddlewares,
  ],
})
