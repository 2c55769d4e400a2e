import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import zlib from "node:zlib"
import { freePort } from "../../backend/scripts/lib/database"
import { startStack } from "../../backend/scripts/lib/stack-up"

/**
 * Storefront server-render benchmark on the seeded catalogue (344 products), with the backend
 * built as `npm start` runs it:
 *   npm run bench:storefront
 * - product page, products not visited before (each handle once), 200 sequential requests;
 * - product page, warm (the same 10 handles again and again), 200 sequential;
 * - product page, 20 concurrent (200 requests over all handles);
 * - listing page (category × page × sort), 200 sequential and 20 concurrent;
 * - client JavaScript the product page loads (module scripts + modulepreload), gzip.
 */
interface Result {
  name: string
  p50: number
  p95: number
  max: number
  errors: number
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

async function timed(url: string): Promise<{ ms: number; ok: boolean; body: string }> {
  const started = performance.now()
  const response = await fetch(url, { headers: { accept: "text/html", "accept-language": "zh-CN" } })
  const body = await response.text()
  return { ms: performance.now() - started, ok: response.ok, body }
}

async function run(name: string, urls: string[], concurrency: number): Promise<Result> {
  const times: number[] = []
  let errors = 0
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < urls.length) {
        const url = urls[next++]
        const { ms, ok } = await timed(url)
        times.push(ms)
        if (!ok) errors++
      }
    })
  )
  times.sort((a, b) => a - b)
  return { name, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], errors }
}

async function main() {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "gwc-bench-sf-"))
  fs.chmodSync(runDir, 0o755)
  const stack = await startStack({
    port: await freePort(),
    storefrontPort: await freePort(),
    embeddedPort: await freePort(),
    mode: "built",
    output: { dir: path.join(runDir, "logs") },
    log: (line) => console.error(`[bench] ${line}`),
    dataDir: runDir,
    envFile: path.join(runDir, ".env"),
  })
  try {
    const base = stack.facts.storefront_url
    const key = stack.facts.publishable_keys.online.token
    const handles: string[] = []
    for (let offset = 0; ; offset += 100) {
      const response = await fetch(`${stack.facts.backend_url}/store/products?fields=handle&limit=100&offset=${offset}`, {
        headers: { "x-publishable-api-key": key },
      })
      const page = (await response.json()) as { products: { handle: string }[]; count: number }
      handles.push(...page.products.map((p) => p.handle))
      if (offset + 100 >= page.count) break
    }
    const categories = ["office-goods", "rental", "services", "specialty"]
    const categoryList = (await (await fetch(`${stack.facts.backend_url}/store/product-categories?fields=handle&limit=100`, { headers: { "x-publishable-api-key": key } })).json()) as {
      product_categories: { handle: string }[]
    }
    const categoryHandles = categoryList.product_categories.map((c) => c.handle)
    const listingUrls = Array.from({ length: 200 }, (_, i) => {
      const handle = categoryHandles[i % categoryHandles.length] ?? categories[0]
      const sort = ["newest", "title", "price_asc"][i % 3]
      return `${base}/categories/${handle}?sort=${sort}&page=${1 + (i % 2)}`
    })

    // Warm the server process itself (JIT, connection pool) on pages the measured runs do not use.
    await run("warm-up", Array.from({ length: 20 }, () => `${base}/categories`), 1)

    const results: Result[] = []
    results.push(await run("product page, not visited before (sequential)", handles.slice(0, 200).map((h) => `${base}/products/${h}`), 1))
    results.push(await run("product page, warm (sequential)", Array.from({ length: 200 }, (_, i) => `${base}/products/${handles[i % 10]}`), 1))
    results.push(await run("product page, 20 concurrent", Array.from({ length: 200 }, (_, i) => `${base}/products/${handles[(i * 7) % handles.length]}`), 20))
    results.push(await run("listing page (sequential)", listingUrls, 1))
    results.push(await run("listing page, 20 concurrent", listingUrls, 20))

    // Client JS of a product page: module entry + everything it preloads, gzip-compressed.
    const html = (await timed(`${base}/products/${handles[0]}`)).body
    const scripts = new Set<string>()
    for (const match of html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)) scripts.add(match[1])
    for (const match of html.matchAll(/import\("([^"]+\.js)"\)/g)) scripts.add(match[1])
    for (const match of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) scripts.add(match[1])
    let raw = 0
    let gzip = 0
    for (const src of scripts) {
      const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())
      raw += body.length
      gzip += zlib.gzipSync(body, { level: 9 }).length
    }

    console.log("\n| measurement | p50 (ms) | p95 (ms) | max (ms) | errors |")
    console.log("|---|---|---|---|---|")
    for (const r of results) console.log(`| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.errors} |`)
    console.log(`\nproduct page client JS: ${scripts.size} files, ${(raw / 1024).toFixed(1)} kB raw, ${(gzip / 1024).toFixed(1)} kB gzip`)
  } finally {
    await stack.stop()
    fs.rmSync(runDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
