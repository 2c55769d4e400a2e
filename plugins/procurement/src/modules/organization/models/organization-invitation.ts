import { model } from "@medusajs/framework/utils"
import { MEMBER_ROLES } from "../../../lib/organization-rules"
import { Organization } from "./organization"

/**
 * An admin's invitation for someone (by email) to join with a role. Only the SHA-256 of the
 * token is stored: the token itself is shown once to the admin and sent to the invitee.
 */
export const OrganizationInvitation = model
  .define("organization_invitation", {
    id: model.id({ prefix: "orginv" }).primaryKey(),
    email: model.text(),
    role: model.enum([...MEMBER_ROLES]).default("purchaser"),
    token_hash: model.text().unique(),
    expires_at: model.dateTime(),
    accepted_at: model.dateTime().nullable(),
    /** The member who invited. */
    invited_by: model.text().nullable(),
    /** The customer who accepted. */
    accepted_by: model.text().nullable(),
    organization: model.belongsTo(() => Organization, { mappedBy: "invitations" }),
  })
  .indexes([{ on: ["email"] }])
