import { z } from "@medusajs/framework/zod"

/** POST /store/organization-invitations/accept: the token from the invitation link. */
export const StoreAcceptOrganizationInvitation = z
  .object({
    token: z
      .string({ error: "请提供邀请令牌 / token is required" })
      .trim()
      .min(1, "请提供邀请令牌 / token is required")
      .max(200, "邀请令牌过长 / token is too long"),
  })
  .strict()
export type StoreAcceptOrganizationInvitationType = z.infer<typeof StoreAcceptOrganizationInvitation>
