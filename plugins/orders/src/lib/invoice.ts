// Invoice details (发票信息) the buyer gives at checkout. They are kept in the cart's metadata
// under `invoice`, and Medusa copies cart metadata onto the order when the cart completes.

export const INVOICE_METADATA_KEY = "invoice"

export const INVOICE_TYPES = ["company", "personal"] as const
export type InvoiceType = (typeof INVOICE_TYPES)[number]

export interface InvoiceDetails {
  /** 企业 (company, needs the tax number) or 个人 (personal). */
  type: InvoiceType
  /** 发票抬头: the name printed on the invoice. */
  title: string
  /** 税号 / 纳税人识别号. */
  tax_id?: string
  email?: string
  address?: string
  phone?: string
  bank_name?: string
  bank_account?: string
}

/** The invoice details stored on a cart's or an order's metadata, or null. */
export function invoiceFromMetadata(metadata: Record<string, unknown> | null | undefined): InvoiceDetails | null {
  const value = metadata?.[INVOICE_METADATA_KEY]
  return value && typeof value === "object" ? (value as InvoiceDetails) : null
}

/** Drops optional fields that were left empty, so the stored details hold only what was given. */
export function compactInvoice(details: InvoiceDetails): InvoiceDetails {
  return Object.fromEntries(
    Object.entries(details).filter(([, value]) => value !== undefined && value !== null && value !== "")
  ) as unknown as InvoiceDetails
}
