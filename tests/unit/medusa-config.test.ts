import { afterEach, describe, expect, it, vi } from "vitest"

const CONFIG = "../../backend/medusa-config"
const saved = { ...process.env }

async function loadConfig(env: Record<string, string | undefined>) {
  vi.resetModules()
  process.env = { ...saved, GWC_ENV_FILE: "/nonexistent/.env", ...env }
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key]
  return (await import(CONFIG)).default
}

afterEach(() => {
  process.env = { ...saved }
})

const STRONG = "f".repeat(64)

describe("medusa-config (environment only)", () => {
  it("refuses to start in production with missing or default secrets, naming the variable", async () => {
    await expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: undefined, COOKIE_SECRET: STRONG })).rejects.toThrow(/JWT_SECRET/)
    await expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: STRONG, COOKIE_SECRET: "supersecret" })).rejects.toThrow(
      /COOKIE_SECRET/
    )
  })

  it("accepts random secrets in production", async () => {
    const config = await loadConfig({ NODE_ENV: "production", JWT_SECRET: STRONG, COOKIE_SECRET: STRONG })
    expect(config.projectConfig.http.jwtSecret).toBe(STRONG)
  })

  it("takes the database from DATABASE_URL and allows the storefront and kiosk origins", async () => {
    const config = await loadConfig({
      NODE_ENV: "development",
      DATABASE_URL: "postgres://u:p@localhost:5432/x",
      STORE_CORS: "https://shop.example.cn",
      KIOSK_CORS: "https://kiosk.example.cn",
    })
    expect(config.projectConfig.databaseUrl).toBe("postgres://u:p@localhost:5432/x")
    expect(config.projectConfig.http.storeCors).toBe("https://shop.example.cn,https://kiosk.example.cn")
    expect(config.projectConfig.http.authCors).toContain("https://kiosk.example.cn")
  })

  it("sizes the database pool from DATABASE_POOL_MAX and refuses nonsense", async () => {
    expect((await loadConfig({ NODE_ENV: "development", DATABASE_POOL_MAX: undefined })).projectConfig.databaseDriverOptions).toBeUndefined()
    expect((await loadConfig({ NODE_ENV: "development", DATABASE_POOL_MAX: "40" })).projectConfig.databaseDriverOptions).toEqual({ pool: { max: 40 } })
    for (const bad of ["1", "500", "ten", "4.5"]) {
      await expect(loadConfig({ NODE_ENV: "development", DATABASE_POOL_MAX: bad })).rejects.toThrow(/DATABASE_POOL_MAX/)
    }
  })

  it("uses Medusa's in-memory modules without REDIS_URL and Redis ones with it", async () => {
    const local = await loadConfig({ NODE_ENV: "development", REDIS_URL: undefined })
    const localModules = JSON.stringify(local.modules)
    expect(localModules).not.toContain("redis")
    expect(local.projectConfig.redisUrl).toBeUndefined()

    const shared = await loadConfig({ NODE_ENV: "development", REDIS_URL: "redis://localhost:6379" })
    const sharedModules = JSON.stringify(shared.modules)
    expect(sharedModules).toContain("@medusajs/medusa/event-bus-redis")
    expect(sharedModules).toContain("@medusajs/medusa/workflow-engine-redis")
    expect(sharedModules).toContain("@medusajs/medusa/locking-redis")
    expect(shared.projectConfig.redisUrl).toBe("redis://localhost:6379")
  })

  it("registers our plugins", async () => {
    const config = await loadConfig({ NODE_ENV: "development" })
    expect(config.plugins.map((p: { resolve: string }) => p.resolve)).toContain("@gongwucang/platform")
  })

  it("registers the offline payment providers with their terms from the environment", async () => {
    // defineConfig keys the modules by name.
    const offlineOptions = (config: { modules: Record<string, { options?: any }> }) =>
      config.modules.payment.options.providers.find((p: { id: string }) => p.id === "offline").options

    const defaults = await loadConfig({ NODE_ENV: "development", GWC_PAY_ON_ACCEPTANCE_DAYS: undefined, GWC_BANK_TRANSFER_DUE_DAYS: undefined })
    expect(offlineOptions(defaults)).toMatchObject({ pay_on_acceptance_days: undefined, payment_due_days: undefined })

    const set = await loadConfig({ NODE_ENV: "development", GWC_PAY_ON_ACCEPTANCE_DAYS: " 45 ", GWC_BANK_TRANSFER_DUE_DAYS: "10" })
    expect(offlineOptions(set)).toMatchObject({ pay_on_acceptance_days: 45, payment_due_days: 10 })

    for (const bad of ["0", "-3", "2.5", "thirty", "366"]) {
      await expect(loadConfig({ NODE_ENV: "development", GWC_PAY_ON_ACCEPTANCE_DAYS: bad })).rejects.toThrow(/GWC_PAY_ON_ACCEPTANCE_DAYS/)
    }
    await expect(loadConfig({ NODE_ENV: "development", GWC_BANK_TRANSFER_DUE_DAYS: "91" })).rejects.toThrow(/GWC_BANK_TRANSFER_DUE_DAYS/)
  })

  it("registers the payments plugin beside the others", async () => {
    const config = await loadConfig({ NODE_ENV: "development" })
    expect(config.plugins.map((p: { resolve: string }) => p.resolve)).toContain("@gongwucang/payments")
  })
})
