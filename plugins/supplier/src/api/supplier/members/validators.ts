import { z } from "@medusajs/framework/zod"

export const SupplierInvite = z
  .object({
    email: z.string().trim().toLowerCase().email("email: 邮箱格式不正确 / The email address is not valid").max(200),
    role: z.enum(["owner", "staff"]).default("staff"),
  })
  .strict()
export type SupplierInvite = z.infer<typeof SupplierInvite>

export const SupplierAcceptInvitation = z
  .object({
    token: z.string().trim().min(1).max(200),
    /** How colleagues see the new member; the email's local part when omitted. */
    name: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
export type SupplierAcceptInvitation = z.infer<typeof SupplierAcceptInvitation>
