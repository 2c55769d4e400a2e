import { model } from "@medusajs/framework/utils"

/**
 * A supervisor (监管人员): reads orders, comparisons, approvals and the audit log of every buyer
 * organisation, changes nothing. Signs in as the auth actor `supervisor` (emailpass), whose
 * identity's `app_metadata.supervisor_id` names this record. `scope` only describes whom they
 * supervise for (e.g. 成都市财政局政府采购监管处); it does not narrow what they may read.
 */
export const Supervisor = model.define("supervisor", {
  id: model.id({ prefix: "supv" }).primaryKey(),
  name: model.text(),
  email: model.text().unique(),
  scope: model.text().nullable(),
})
