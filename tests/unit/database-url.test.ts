import net from "node:net"
import { describe, expect, it } from "vitest"
import { assertDatabaseReachable, redactUrl, withDatabase } from "../../backend/scripts/lib/database"

/** A port nothing listens on: bind, note it, close. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

describe("DATABASE_URL handling", () => {
  it("fails within seconds, naming the server but not the password, when PostgreSQL is down", async () => {
    const url = `postgres://buyer:s3cret-pw@localhost:${await closedPort()}/gongwucang`
    const started = Date.now()
    const error = await assertDatabaseReachable(url, 3_000).then(
      () => null,
      (e: Error) => e
    )
    expect(error?.message).toMatch(/Cannot reach PostgreSQL at postgres:\/\/buyer:\*\*\*@localhost:\d+\/gongwucang/)
    expect(error?.message).not.toContain("s3cret-pw")
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it("switches the database of a URL and keeps its credentials", () => {
    expect(withDatabase("postgres://u:p@localhost:5432/a?sslmode=disable", "b")).toBe("postgres://u:p@localhost:5432/b?sslmode=disable")
    expect(redactUrl("postgres://u:p@h/db")).toBe("postgres://u:***@h/db")
  })
})
