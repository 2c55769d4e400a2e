import fs from "node:fs"
import path from "node:path"
import { defineConfig, Modules } from "@medusajs/framework/utils"

// Configuration comes from the environment only. The root `.env` (written once by `npm start`,
// git-ignored) holds the generated secrets; variables already set in the environment win.
loadRootEnv()

const env = process.env
const isProduction = env.NODE_ENV === "production"
const KNOWN_DEFAULT_SECRETS = new Set(["", "supersecret", "secret", "changeme"])

function loadRootEnv() {
  // medusa-config runs from backend/ (develop, exec, tests) or backend/.medusa/server (built).
  let dir = __dirname
  for (let depth = 0; depth < 5; depth++) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "backend"))) {
      const envFile = process.env.GWC_ENV_FILE || path.join(dir, ".env")
      if (fs.existsSync(envFile)) process.loadEnvFile(envFile)
      // Media (seeded product images) and other runtime files live here unless told otherwise.
      process.env.GWC_DATA_DIR ||= path.join(dir, ".data")
      return
    }
    dir = path.dirname(dir)
  }
}

function secret(name: "JWT_SECRET" | "COOKIE_SECRET"): string {
  const value = env[name] ?? ""
  if (isProduction && (KNOWN_DEFAULT_SECRETS.has(value) || value.length < 32)) {
    throw new Error(
      `${name} is missing or a default value; production mode needs a random secret of at least 32 characters.`
    )
  }
  return value || "supersecret"
}

function list(value: string | undefined, fallback: string): string {
  return (value?.trim() || fallback)
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean)
    .join(",")
}

const storefrontOrigins = list(env.STORE_CORS, "http://localhost:8000,http://127.0.0.1:8000")
const kioskOrigins = list(env.KIOSK_CORS, "http://localhost:8100,http://127.0.0.1:8100")
const adminOrigins = list(env.ADMIN_CORS, "http://localhost:9000,http://127.0.0.1:9000,http://localhost:5173")

const redisUrl = env.REDIS_URL?.trim() || undefined

// With Redis the stateful modules move out of process so several instances can share them;
// without it Medusa's in-memory defaults apply.
const redisModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", key: Modules.EVENT_BUS, options: { redisUrl } },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        key: Modules.WORKFLOW_ENGINE,
        options: { redis: { url: redisUrl } },
      },
      {
        resolve: "@medusajs/medusa/locking",
        key: Modules.LOCKING,
        options: {
          providers: [
            { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } },
          ],
        },
      },
    ]
  : []

// Product search: our Chinese engine (provider "zh", in process, PostgreSQL as its store)
// unless a Meilisearch server is configured. Synonyms may come from a JSON file of groups.
const meilisearchHost = env.MEILISEARCH_HOST?.trim() || undefined
const synonyms = env.SEARCH_SYNONYMS_FILE ? (JSON.parse(fs.readFileSync(env.SEARCH_SYNONYMS_FILE, "utf8")) as string[][]) : undefined
const searchModule = {
  resolve: "@medusajs/medusa/search",
  key: Modules.SEARCH,
  options: {
    providers: [
      { resolve: "@gongwucang/search/providers/zh", id: "zh", options: synonyms ? { synonyms } : {} },
      ...(meilisearchHost
        ? [
            {
              resolve: "@gongwucang/search-meilisearch/providers/meilisearch",
              id: "meilisearch",
              options: { host: meilisearchHost, api_key: env.MEILISEARCH_API_KEY || undefined, ...(synonyms ? { synonyms: synonymMap(synonyms) } : {}) },
            },
          ]
        : []),
    ],
    default_provider: meilisearchHost ? "meilisearch" : "zh",
  },
}

// Payments: Medusa's system provider (always there) plus our offline methods for public buyers —
// bank transfer to the platform account (对公转账, pp_bank-transfer_offline), official card
// (公务卡, pp_official-card_offline) and pay on acceptance (验收后付款, pp_pay-on-acceptance_offline).
// Without GWC_BANK_* the checkout shows a marked demo account.
const paymentModule = {
  resolve: "@medusajs/medusa/payment",
  key: Modules.PAYMENT,
  options: {
    providers: [
      {
        resolve: "@gongwucang/payments/providers/offline",
        id: "offline",
        options: {
          bank_account: platformBankAccount(),
          payment_due_days: wholeNumber("GWC_BANK_TRANSFER_DUE_DAYS", 1, 90, "days"),
          pay_on_acceptance_days: wholeNumber("GWC_PAY_ON_ACCEPTANCE_DAYS", 1, 365, "days"),
        },
      },
      ...stripeProviders(),
    ],
  },
}

/** A whole number from the environment: unset → undefined (the default applies); otherwise min…max. */
function wholeNumber(name: string, min: number, max: number, unit = ""): number | undefined {
  const value = env[name]?.trim()
  if (!value) return undefined
  const number = Number(value)
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new Error(`${name} must be a whole number${unit ? ` of ${unit}` : ""} from ${min} to ${max}, got "${value}".`)
  }
  return number
}

/** The platform's receiving account (对公账户) for bank transfers: all three variables, or none. */
function platformBankAccount() {
  const account = {
    account_name: env.GWC_BANK_ACCOUNT_NAME?.trim() ?? "",
    bank_name: env.GWC_BANK_NAME?.trim() ?? "",
    account_number: env.GWC_BANK_ACCOUNT_NUMBER?.trim() ?? "",
  }
  const given = Object.values(account).filter(Boolean).length
  if (given === 0) return undefined
  if (given < 3) {
    throw new Error("GWC_BANK_ACCOUNT_NAME, GWC_BANK_NAME and GWC_BANK_ACCOUNT_NUMBER go together: set all three (or none for the demo account).")
  }
  return account
}

/**
 * Stripe (only with STRIPE_API_KEY): card incl. 3-D Secure (pp_stripe_stripe), Alipay 支付宝
 * (pp_stripe-alipay_stripe) and WeChat Pay 微信支付 (pp_stripe-wechatpay_stripe), thin subclasses of
 * Medusa's Stripe provider (plugins/payments/src/providers/stripe). Cards are authorised at checkout
 * and captured by the operator (STRIPE_CAPTURE=true captures at once); Alipay and WeChat Pay always
 * capture at once. STRIPE_API_HOST/PORT/PROTOCOL point the client at another Stripe API (tests).
 */
function stripeProviders() {
  const apiKey = env.STRIPE_API_KEY?.trim()
  if (!apiKey) return []
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET?.trim() ?? ""
  if (isProduction && !webhookSecret) {
    throw new Error("STRIPE_API_KEY is set but STRIPE_WEBHOOK_SECRET is not: webhooks (3-D Secure, Alipay, WeChat Pay) could not be verified.")
  }
  const capture = env.STRIPE_CAPTURE?.trim() || "false"
  if (capture !== "true" && capture !== "false") throw new Error(`STRIPE_CAPTURE must be true or false, got "${capture}".`)
  return [
    {
      resolve: "@gongwucang/payments/providers/stripe",
      id: "stripe",
      options: {
        apiKey,
        webhookSecret,
        capture: capture === "true",
        apiHost: env.STRIPE_API_HOST?.trim() || undefined,
        apiPort: env.STRIPE_API_PORT?.trim() || undefined,
        apiProtocol: env.STRIPE_API_PROTOCOL?.trim() || undefined,
        returnUrl: env.STRIPE_RETURN_URL?.trim() || undefined,
      },
    },
  ]
}

/** Meilisearch takes synonyms as word → alternatives. */
function synonymMap(groups: string[][]): Record<string, string[]> {
  return Object.fromEntries(groups.flatMap((group) => group.map((word) => [word, group.filter((w) => w !== word)])))
}

export default defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    databaseLogging: env.DATABASE_LOGGING === "true",
    // Connections per process; knex's default is 10.
    ...(env.DATABASE_POOL_MAX?.trim() ? { databaseDriverOptions: { pool: { max: wholeNumber("DATABASE_POOL_MAX", 2, 200) } } } : {}),
    redisUrl,
    workerMode: (env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server" | undefined) ?? "shared",
    http: {
      storeCors: [storefrontOrigins, kioskOrigins].join(","),
      adminCors: adminOrigins,
      authCors: [adminOrigins, storefrontOrigins, kioskOrigins].join(","),
      jwtSecret: secret("JWT_SECRET"),
      cookieSecret: secret("COOKIE_SECRET"),
    },
  },
  admin: {
    disable: env.ADMIN_DISABLED === "true",
    backendUrl: env.MEDUSA_BACKEND_URL || undefined,
  },
  plugins: [
    { resolve: "@gongwucang/platform", options: {} },
    { resolve: "@gongwucang/orders", options: {} },
    { resolve: "@gongwucang/search", options: {} },
    { resolve: "@gongwucang/supplier", options: {} },
    { resolve: "@gongwucang/payments", options: {} },
    { resolve: "@gongwucang/procurement", options: {} },
    { resolve: "@gongwucang/showroom", options: {} },
    { resolve: "@gongwucang/livestream", options: {} },
  ],
  modules: [...redisModules, searchModule, paymentModule],
})
