import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { ensureEnvFile, parseEnv } from "../../backend/scripts/lib/env-file"

function tempFile() {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gwc-env-")), ".env")
}

describe(".env generation on first start", () => {
  it("generates strong secrets once and never rotates them", () => {
    const file = tempFile()
    const first = ensureEnvFile(file)
    expect(first.JWT_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(first.COOKIE_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(first.JWT_SECRET).not.toBe(first.COOKIE_SECRET)
    expect(first.ADMIN_PASSWORD.length).toBeGreaterThanOrEqual(10)
    expect(fs.statSync(file).mode & 0o077).toBe(0) // readable by its owner only

    const second = ensureEnvFile(file)
    expect(second).toEqual(first)
  })

  it("keeps what the user wrote and adds only what is missing", () => {
    const file = tempFile()
    fs.writeFileSync(file, "# mine\nJWT_SECRET=my-own-secret\nREDIS_URL=redis://localhost:6379")
    const values = ensureEnvFile(file)
    expect(values.JWT_SECRET).toBe("my-own-secret")
    const text = fs.readFileSync(file, "utf8")
    expect(text).toContain("# mine\nJWT_SECRET=my-own-secret\nREDIS_URL=redis://localhost:6379\n")
    expect(parseEnv(text).COOKIE_SECRET).toMatch(/^[0-9a-f]{64}$/)
  })

  it("parses quoted values and ignores comments", () => {
    expect(parseEnv("A='x y'\n# B=1\nC=\"z\"\n  D = 4 ")).toEqual({ A: "x y", C: "z", D: "4" })
  })
})
