import type { InitiatePaymentInput, Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { PAYMENT_MESSAGES } from "../../lib/messages"
import { fenToYuan, toFen } from "../../lib/money"
import { BankAccount, BankTransferReceiptData, type BankTransferData } from "../../lib/payment-data"
import { paymentReference, REFERENCE_PATTERN, REFERENCE_SEQUENCE } from "../../lib/reference"
import { BANK_TRANSFER_IDENTIFIER } from "../../lib/providers"
import { OfflinePaymentProvider, text } from "./base"

/** Demo account shown when none is configured (GWC_BANK_* in medusa-config). */
export const DEMO_BANK_ACCOUNT: BankAccount = {
  account_name: "现代公物仓运营服务有限公司（演示账户）",
  bank_name: "中国工商银行成都天府支行（演示）",
  account_number: "4402 0000 0000 0000 000",
}

export const BankTransferOptions = z
  .object({
    /** The platform's receiving account (对公账户). */
    bank_account: BankAccount.default(DEMO_BANK_ACCOUNT),
    /** Days the buyer has to transfer after placing the order (shown as `due_at`). */
    payment_due_days: z.number().int().min(1).max(90).default(7),
  })
  .loose()
export type BankTransferOptions = z.input<typeof BankTransferOptions>

type Manager = { execute: (sql: string, params?: unknown[]) => Promise<Record<string, any>[]> }

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * 对公转账: the buyer transfers from their organisation's account to the platform's account,
 * quoting the payment reference.
 *
 * - initiatePayment issues the reference (GWC-YYYYMMDD-XXXXXX, unique: see lib/reference) and
 *   puts it with the receiving account into the session data for the checkout to show.
 * - authorizePayment authorises at once so the order can be placed; the order then waits for
 *   the money (payment status "authorized").
 * - capturePayment only runs once the operator has recorded the bank statement line
 *   (`data.receipt`, written by markBankTransferReceivedWorkflow), so nothing counts as paid
 *   before the money is on the statement.
 */
export class BankTransferPaymentProvider extends OfflinePaymentProvider<z.output<typeof BankTransferOptions>> {
  static override identifier = BANK_TRANSFER_IDENTIFIER

  private readonly options: z.output<typeof BankTransferOptions>
  private sequenceReady?: Promise<void>

  static override validateOptions(options: Record<string, unknown>): void {
    const parsed = BankTransferOptions.safeParse(options ?? {})
    if (!parsed.success) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        `bank transfer provider options: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`
      )
    }
  }

  constructor(cradle: Record<string, unknown>, options: BankTransferOptions = {}) {
    const parsed = BankTransferOptions.parse(options ?? {})
    super(cradle, parsed)
    this.options = parsed
    const account = parsed.bank_account
    if (process.env.NODE_ENV === "production" && account.account_number === DEMO_BANK_ACCOUNT.account_number) {
      this.logger()?.warn("bank transfer (对公转账) shows the DEMO receiving account; set GWC_BANK_ACCOUNT_NAME, GWC_BANK_NAME and GWC_BANK_ACCOUNT_NUMBER")
    }
  }

  private logger(): Logger | undefined {
    try {
      return this.container.logger as Logger
    } catch {
      return undefined
    }
  }

  /** The payment module's database connection (references are numbered by a PostgreSQL sequence). */
  private manager(): Manager {
    let manager: Manager | undefined
    try {
      manager = this.container.manager as Manager
    } catch {
      manager = undefined
    }
    if (!manager?.execute) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "bank transfer provider: the Payment Module's database connection is not available")
    }
    return manager
  }

  private ensureSequence(manager: Manager): Promise<void> {
    this.sequenceReady ??= (async () => {
      try {
        await manager.execute(`CREATE SEQUENCE IF NOT EXISTS ${REFERENCE_SEQUENCE}`)
      } catch (error) {
        // Two processes creating it at the same moment: one loses the race on the catalogue;
        // the sequence exists either way.
        const [{ exists }] = await manager.execute(`SELECT to_regclass(?) IS NOT NULL AS exists`, [REFERENCE_SEQUENCE])
        if (!exists) throw error
      }
    })().catch((error) => {
      this.sequenceReady = undefined
      throw error
    })
    return this.sequenceReady
  }

  private async nextReference(): Promise<string> {
    const manager = this.manager()
    await this.ensureSequence(manager)
    const [row] = await manager.execute(`SELECT nextval('${REFERENCE_SEQUENCE}')::text AS value`)
    return paymentReference(BigInt(row.value), new Date())
  }

  protected async initialData(input: InitiatePaymentInput): Promise<BankTransferData> {
    const currency = input.currency_code.toLowerCase()
    if (currency !== "cny") throw new MedusaError(MedusaError.Types.INVALID_DATA, PAYMENT_MESSAGES.transfer_cny_only(currency))
    return {
      method: "bank_transfer",
      status: "pending",
      reference: await this.nextReference(),
      bank_account: { ...this.options.bank_account },
      amount: fenToYuan(toFen(input.amount)),
      currency_code: currency,
      session_id: text(input.data?.session_id) ?? null,
    }
  }

  protected authorizedData(data: Record<string, unknown>): BankTransferData {
    const reference = text(data.reference)
    const account = BankAccount.safeParse(data.bank_account)
    if (!reference || !REFERENCE_PATTERN.test(reference) || !account.success) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, PAYMENT_MESSAGES.transfer_incomplete_session)
    }
    const currency = String(data.currency_code ?? "").toLowerCase()
    if (currency !== "cny") throw new MedusaError(MedusaError.Types.INVALID_DATA, PAYMENT_MESSAGES.transfer_cny_only(currency || "?"))
    return {
      method: "bank_transfer",
      status: "authorized",
      reference,
      bank_account: account.data,
      amount: fenToYuan(toFen(Number(data.amount ?? 0))),
      currency_code: currency,
      session_id: text(data.session_id) ?? null,
      due_at: new Date(Date.now() + this.options.payment_due_days * DAY_MS).toISOString(),
    }
  }

  protected captureCheck(data: Record<string, unknown>): Record<string, unknown> {
    const receipt = BankTransferReceiptData.safeParse(data.receipt)
    if (!receipt.success) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, PAYMENT_MESSAGES.transfer_capture_needs_receipt)
    return { captured_amount: receipt.data.amount }
  }
}
