import { BANK_TRANSFER_PROVIDER_ID, OFFICIAL_CARD_PROVIDER_ID, OFFLINE_PROVIDER_IDS, PAY_ON_ACCEPTANCE_PROVIDER_ID } from "./providers"

/**
 * Who may pay with which offline method. Eligibility is Medusa's customer groups: a group whose
 * `metadata.payment_providers` lists an offline provider id lets its members use that method.
 * The operator grants a method by adding the buyer to a group (Medusa Admin → Customers →
 * Customer groups); the seed creates the two groups below.
 *
 * Only the offline methods are restricted; every other provider (Medusa's system provider,
 * Stripe) stays open to everyone the region offers it to. Guests never get an offline method.
 */
export const GROUP_PAYMENT_PROVIDERS_KEY = "payment_providers"

export interface PaymentGroupDefinition {
  name: string
  metadata: { [GROUP_PAYMENT_PROVIDERS_KEY]: string[]; description: string }
}

/** 公共机构 — public bodies: bank transfer to the platform account and official card. */
export const PUBLIC_BUYERS_GROUP: PaymentGroupDefinition = {
  name: "公共机构 public buyers",
  metadata: {
    [GROUP_PAYMENT_PROVIDERS_KEY]: [BANK_TRANSFER_PROVIDER_ID, OFFICIAL_CARD_PROVIDER_ID],
    description: "公共机构采购人：可用对公转账、公务卡 / public buyers: bank transfer and official card",
  },
}

/** 验收后付款 — organisations approved to pay within N days of acceptance. */
export const PAY_ON_ACCEPTANCE_GROUP: PaymentGroupDefinition = {
  name: "验收后付款 pay on acceptance",
  metadata: {
    [GROUP_PAYMENT_PROVIDERS_KEY]: [PAY_ON_ACCEPTANCE_PROVIDER_ID],
    description: "经批准的单位：验收后 N 天内付款 / approved organisations: pay within N days of acceptance",
  },
}

export const PAYMENT_GROUPS = [PUBLIC_BUYERS_GROUP, PAY_ON_ACCEPTANCE_GROUP]

export function isRestrictedProvider(providerId: string): boolean {
  return (OFFLINE_PROVIDER_IDS as readonly string[]).includes(providerId)
}

type GroupLike = { metadata?: Record<string, unknown> | null } | null | undefined

/** The offline provider ids these groups allow. */
export function allowedOfflineProviders(groups: GroupLike[] | null | undefined): Set<string> {
  const allowed = new Set<string>()
  for (const group of groups ?? []) {
    const listed = group?.metadata?.[GROUP_PAYMENT_PROVIDERS_KEY]
    if (!Array.isArray(listed)) continue
    for (const id of listed) if (typeof id === "string" && isRestrictedProvider(id)) allowed.add(id)
  }
  return allowed
}

/** Whether a buyer in these groups (none for a guest) may use the provider. */
export function mayUseProvider(providerId: string, groups: GroupLike[] | null | undefined): boolean {
  return !isRestrictedProvider(providerId) || allowedOfflineProviders(groups).has(providerId)
}
