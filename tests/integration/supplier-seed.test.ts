// The seeded suppliers as real supplier records: approved, each with an owner login printed by
// `npm start` (stack facts), linked to the products the catalogue gives them.

import fs from "node:fs"
import path from "node:path"
import { Client } from "pg"
import { describe, expect, it } from "vitest"
import { runMedusa } from "../../backend/scripts/lib/medusa"
import { SEED_SCRIPT } from "../../backend/scripts/lib/stack-up"
import { generateCatalogue, supplierLoginEmail } from "../../seed/src"
import { admin, listAll } from "../support/http"
import { testStack } from "../support/stack"
import { supplierApi, supplierLogin } from "../support/supplier"

const catalogue = generateCatalogue(Number(testStack().env.SEED_NUMBER ?? 20261122))

async function sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: testStack().databaseUrl })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  } finally {
    await client.end()
  }
}

/** The name of the supplier↔product link table (Medusa names link tables itself). */
async function productLinkTable(): Promise<string> {
  const rows = await sql<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' and tablename like '%supplier%' and tablename like '%product%' and tablename not like '%listing%'"
  )
  expect(rows, JSON.stringify(rows)).toHaveLength(1)
  return rows[0].name
}

describe("seeded suppliers", () => {
  it("are in the stack facts: one owner login per catalogue supplier, one demo password", () => {
    const { facts, env } = testStack()
    expect(facts.supplier_logins.map((l) => l.code)).toEqual(catalogue.suppliers.map((s) => s.code))
    for (const login of facts.supplier_logins) {
      const seed = catalogue.suppliers.find((s) => s.code === login.code)!
      expect(login).toEqual({ code: seed.code, company_name: seed.name, email: supplierLoginEmail(seed.code), password: env.SUPPLIER_PASSWORD })
    }
    expect(facts.supplier_logins[0].email).toBe("sup-001@suppliers.gongwucang.local")
  })

  it("log in as approved suppliers with their owner member (GET /supplier/me)", async () => {
    for (const login of testStack().facts.supplier_logins.filter((_, i) => i % 5 === 0)) {
      const token = await supplierLogin(login.email, login.password)
      const me = await supplierApi("/supplier/me", { token })
      expect(me.status, JSON.stringify(me.body)).toBe(200)
      const seed = catalogue.suppliers.find((s) => s.code === login.code)!
      expect(me.body.member).toMatchObject({ email: login.email, role: "owner", name: seed.contact_name })
      expect(me.body.supplier).toMatchObject({ code: seed.code, company_name: seed.name, credit_code: seed.credit_code, region: seed.region, status: "approved" })
    }
    const wrong = await supplierApi("/auth/supplier/emailpass", { method: "POST", body: JSON.stringify({ email: "sup-001@suppliers.gongwucang.local", password: "wrong-password" }) })
    expect(wrong.status).toBe(401)
  })

  it("are admitted records the operator sees, with an audit entry", async () => {
    const list = await admin(`/admin/suppliers?status=approved&q=SUP-0&limit=100`)
    expect(list.status).toBe(200)
    const codes = list.body.suppliers.map((s: { code: string }) => s.code)
    for (const seed of catalogue.suppliers) expect(codes).toContain(seed.code)
    const first = list.body.suppliers.find((s: { code: string }) => s.code === "SUP-001")
    const page = await admin(`/admin/suppliers/${first.id}`)
    expect(page.body.supplier.members.map((m: { email: string }) => m.email)).toContain("sup-001@suppliers.gongwucang.local")
    expect(page.body.audit.map((a: { action: string }) => a.action)).toContain("seeded")
  })

  it("own every seeded product, each the supplier the catalogue names", async () => {
    const suppliers = await sql<{ id: string; code: string }>("select id, code from supplier where deleted_at is null and code like 'SUP-0%'")
    const codeOf = new Map(suppliers.map((s) => [s.id, s.code]))
    const products = await listAll((offset, limit) => admin(`/admin/products?fields=id,handle&limit=${limit}&offset=${offset}`), "products", 200)
    const idOf = new Map(products.map((p: { id: string; handle: string }) => [p.handle, p.id]))
    const links = await sql<{ product_id: string; supplier_id: string }>(`select product_id, supplier_id from "${await productLinkTable()}" where deleted_at is null`)
    const supplierOfProduct = new Map(links.map((l) => [l.product_id, codeOf.get(l.supplier_id)]))
    for (const product of catalogue.products) {
      const id = idOf.get(product.handle)
      expect(id, product.handle).toBeTruthy()
      expect(supplierOfProduct.get(id!), product.handle).toBe(product.supplier_code)
    }
    // Each product has one supplier.
    expect(new Set(links.map((l) => l.product_id)).size).toBe(links.length)
  })

  it("an upgrade pass adds a missing supplier link without touching the product", async () => {
    const stack = testStack()
    const product = catalogue.products.find((p) => p.supplier_code === "SUP-021") ?? catalogue.products[catalogue.products.length - 1]
    const [before] = await sql<{ id: string; updated_at: Date }>("select id, updated_at from product where handle = $1", [product.handle])
    const table = await productLinkTable()
    // As a database seeded before suppliers were records: the product has no supplier.
    await sql(`delete from "${table}" where product_id = $1`, [before.id])

    const report = path.join(stack.runDir, "seed-supplier-upgrade.json")
    await runMedusa(["exec", SEED_SCRIPT], {
      env: { ...stack.env, GWC_SEED_REPORT: report },
      output: { file: path.join(stack.logDir, "seed-supplier-upgrade.log") },
    })
    const summary = JSON.parse(fs.readFileSync(report, "utf8"))
    expect(summary.created).toEqual({ supplier_product_links: 1 })

    const [after] = await sql<{ id: string; updated_at: Date }>("select id, updated_at from product where handle = $1", [product.handle])
    expect(after.updated_at.toISOString()).toBe(before.updated_at.toISOString())
    const links = await sql<{ code: string }>(
      `select s.code from "${table}" l join supplier s on s.id = l.supplier_id where l.product_id = $1 and l.deleted_at is null`,
      [before.id]
    )
    expect(links.map((l) => l.code)).toEqual([product.supplier_code])
  })
})
