/**
 * Bump when the seed's content changes in a way an existing database should pick up.
 * 2: the catalogue's suppliers become supplier records with owner logins, linked to their products.
 * 3: the China region offers the offline payment methods (bank transfer 对公转账, official card 公务卡,
 *    pay on acceptance 验收后付款) and the customer groups that open them to buyers.
 * 4: procurement parties — a buyer organisation (admin, approver, purchaser), two tendering agencies
 *    and a supervisor, each with a demo login.
 * 5: the experience centre — a centre with zones A/B/C, 30 exhibits with SGTIN-96 RFID tags, a kiosk
 *    per zone with a demo key, and the current and next month's themes with events.
 */
export const SEED_VERSION = 5
/** Key in the store's metadata under which the seed records what it wrote. */
export const SEED_MARKER_KEY = "gongwucang_seed"
