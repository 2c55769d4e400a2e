/**
 * Payment provider ids. Medusa names a provider `pp_<identifier>_<id>`: the identifier is the
 * service's static `identifier`, the id is the one given in medusa-config
 * (`{ resolve: "@gongwucang/payments/providers/offline", id: "offline" }`).
 */
export const OFFLINE_PROVIDER_CONFIG_ID = "offline"

export const BANK_TRANSFER_IDENTIFIER = "bank-transfer"
export const OFFICIAL_CARD_IDENTIFIER = "official-card"
export const PAY_ON_ACCEPTANCE_IDENTIFIER = "pay-on-acceptance"

/** 对公转账 — bank transfer to the platform's account. */
export const BANK_TRANSFER_PROVIDER_ID = `pp_${BANK_TRANSFER_IDENTIFIER}_${OFFLINE_PROVIDER_CONFIG_ID}`
/** 公务卡 — official card. */
export const OFFICIAL_CARD_PROVIDER_ID = `pp_${OFFICIAL_CARD_IDENTIFIER}_${OFFLINE_PROVIDER_CONFIG_ID}`

/** 验收后付款 — pay after acceptance, for approved organisations. */
export const PAY_ON_ACCEPTANCE_PROVIDER_ID = `pp_${PAY_ON_ACCEPTANCE_IDENTIFIER}_${OFFLINE_PROVIDER_CONFIG_ID}`

/** Every offline method; each is offered only to buyers a customer group allows (lib/eligibility). */
export const OFFLINE_PROVIDER_IDS = [BANK_TRANSFER_PROVIDER_ID, OFFICIAL_CARD_PROVIDER_ID, PAY_ON_ACCEPTANCE_PROVIDER_ID] as const

/** What buyers read for each method. */
export const PROVIDER_LABELS: Record<string, { zh: string; en: string }> = {
  [BANK_TRANSFER_PROVIDER_ID]: { zh: "对公转账", en: "bank transfer" },
  [OFFICIAL_CARD_PROVIDER_ID]: { zh: "公务卡", en: "official card" },
  [PAY_ON_ACCEPTANCE_PROVIDER_ID]: { zh: "验收后付款", en: "pay on acceptance" },
}

export function providerLabel(providerId: string): { zh: string; en: string } {
  return PROVIDER_LABELS[providerId] ?? { zh: providerId, en: providerId }
}
