// The seeded suppliers' logins (供应商登录). Light on purpose: `npm start` and the test harness
// import it to read and print the logins without loading the seed's dependencies.

/** Seeded supplier members sign in as `sup-001@suppliers.gongwucang.local`, … */
export const SUPPLIER_LOGIN_DOMAIN = "suppliers.gongwucang.local"

/** "SUP-001" → "sup-001@suppliers.gongwucang.local" */
export function supplierLoginEmail(code: string): string {
  return `${code.toLowerCase()}@${SUPPLIER_LOGIN_DOMAIN}`
}

/** One seeded supplier's owner login; every seeded login shares the demo password (SUPPLIER_PASSWORD). */
export interface SupplierLogin {
  code: string
  company_name: string
  email: string
  password: string
}
