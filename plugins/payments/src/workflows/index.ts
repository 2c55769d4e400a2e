export * from "./flag-overdue-payments"
export * from "./mark-bank-transfer-received"
export * from "./set-pay-on-acceptance-due-dates"
export * from "./steps"
