import { model } from "@medusajs/framework/utils"

/**
 * BankTransferReceipt (到账核销): the operator's record that a bank transfer arrived — one line
 * of the platform account's bank statement matched to one payment.
 *
 * Both matches are one-to-one, enforced by unique indexes: a payment is received once
 * (`payment_id`), and a statement line pays for one payment only (`statement_line`), so two
 * operators — or one operator twice — cannot count the same money for two orders.
 */
export const BankTransferReceipt = model
  .define("bank_transfer_receipt", {
    id: model.id({ prefix: "btrc" }).primaryKey(),
    payment_id: model.text().unique(),
    /** 付款编号 the buyer quoted (GWC-YYYYMMDD-XXXXXX). */
    payment_reference: model.text().index(),
    /** The bank statement line's own reference (银行流水号). */
    statement_line: model.text().unique(),
    amount: model.bigNumber(),
    currency_code: model.text(),
    received_at: model.dateTime(),
    /** 付款户名 on the statement line. */
    payer_name: model.text().nullable(),
    note: model.text().nullable(),
    /** The admin user who recorded it. */
    recorded_by: model.text().nullable(),
  })
