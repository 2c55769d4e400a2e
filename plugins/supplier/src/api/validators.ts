import { z } from "@medusajs/framework/zod"

const text = (max: number) => z.string().trim().min(1).max(max)

export const SupplierRegistration = z
  .object({
    name: text(100),
    company_name: text(200),
    credit_code: z.string().trim().min(1).max(40),
    legal_representative: text(100),
    contact_name: text(100),
    contact_phone: z.string().trim().regex(/^[0-9+\- ]{7,20}$/, "联系电话格式不正确 / Invalid phone number"),
    contact_email: z.string().trim().email(),
    region: text(100),
    categories_served: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    qualification_documents: z.array(z.object({ name: text(200), url: z.string().trim().url().max(2000) }).strict()).max(20).default([]),
  })
  .strict()
export type SupplierRegistration = z.infer<typeof SupplierRegistration>

export const AdminListSuppliers = z
  .object({
    status: z.enum(["pending", "approved", "suspended", "rejected"]).optional(),
    q: z.string().trim().max(100).optional(),
    region: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListSuppliers = z.infer<typeof AdminListSuppliers>

export const AdminSupplierDecision = z
  .object({
    decision: z.enum(["approve", "reject", "suspend", "reinstate"]),
    note: z.string().trim().max(2000).optional(),
    confirm_credit_code: z.boolean().optional(),
  })
  .strict()
export type AdminSupplierDecision = z.infer<typeof AdminSupplierDecision>
