import { MedusaService } from "@medusajs/framework/utils"
import { BankTransferReceipt } from "./models/bank-transfer-receipt"

/** CRUD for receipts; capturing the payment goes through markBankTransferReceivedWorkflow. */
export default class BankTransferModuleService extends MedusaService({ BankTransferReceipt }) {}
