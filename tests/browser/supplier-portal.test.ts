import type { Page } from "playwright-core"
import sharp from "sharp"
import { beforeAll, describe, expect, it } from "vitest"
import { heading, screenshot, useBrowserPage } from "../support/browser"
import { admin, store } from "../support/http"
import { creditCode, registerSupplier, type RegisteredSupplier } from "../support/supplier"
import { testStack } from "../support/stack"

const openPage = useBrowserPage()
let page: Page
beforeAll(() => {
  page = openPage()
})

// The supplier portal (供应商中心) in Chromium: a company registers in the portal and waits for
// review without a listing form; an admitted supplier logs in with the keyboard only, adds a
// warehouse, creates a listing with an uploaded image and stock, and submits it; the operator
// approves it (admin API) and the product is then in the store; a price change on the live
// product waits for review while the store keeps the old price.

const storefront = () => testStack().facts.storefront_url
// Credit-code seeds of this file: away from the numbers other files use.
const runSeed = 3_000_000 + (Date.now() % 100_000) * 10
const unique = Date.now().toString(36)
const listingTitle = `蓉测 门户彩色激光打印机 PX-${unique}`
let approved: RegisteredSupplier
let productId = ""
let handle = ""

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(matches: string, what: string, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab")
    if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return
  }
  throw new Error(`Tab never reached ${what}`)
}

async function png(color: string): Promise<Buffer> {
  const text = Buffer.from(`<svg width="1200" height="900"><rect width="1200" height="900" fill="${color}"/><circle cx="600" cy="450" r="260" fill="#ffffff" opacity=".8"/></svg>`)
  return sharp(text).png().toBuffer()
}

async function noHorizontalScroll(): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)
}

describe("supplier portal (real browser, real backend)", () => {
  it("registers a company in the portal: the credit code is checked, then it waits for review without a listing form", async () => {
    const email = `portal-pending-${unique}@example.cn`
    await page.goto(`${storefront()}/`)
    await page.getByTestId("supplier-portal-link").click()
    await page.waitForURL(/\/supplier\/login\?redirectTo=%2Fsupplier$/)
    await heading(page, "供应商登录")
    await page.getByRole("link", { name: "申请成为供应商" }).click()
    await heading(page, "供应商入驻申请")

    await page.getByLabel("登录邮箱").fill(email)
    await page.getByLabel("密码", { exact: true }).fill("Portal-pass-1")
    await page.getByLabel("确认密码").fill("Portal-pass-1")
    await page.getByLabel("您的姓名").fill("王经理")
    await page.getByLabel("企业名称").fill(`成都门户测试科技有限公司${unique}`)
    await page.getByLabel("统一社会信用代码").fill("91510100ABC")
    await page.getByLabel("法定代表人").fill("李法人")
    await page.getByLabel("所在地区").fill("四川省成都市")
    await page.getByLabel("联系人姓名").fill("王经理")
    await page.getByLabel("联系电话").fill("028-86001234")
    await page.getByLabel("文件 1 名称").fill("营业执照")
    await page.getByLabel("文件 1 链接").fill("https://example.cn/licence.pdf")
    await page.getByRole("button", { name: "提交入驻申请" }).click()
    await page.locator("#credit_code-error").waitFor()
    expect(await page.locator("#credit_code-error").textContent()).toBe("统一社会信用代码应为 18 位，您填写了 11 位。")
    expect(await page.getByLabel("统一社会信用代码").getAttribute("aria-invalid")).toBe("true")
    expect(await page.getByRole("alert").first().textContent()).toBe("请检查标出的字段。")
    // What was typed stays (the passwords are typed again).
    expect(await page.getByLabel("企业名称").inputValue()).toBe(`成都门户测试科技有限公司${unique}`)

    // A code of the right shape whose check character fails: accepted, with the backend's warning.
    await page.getByLabel("统一社会信用代码").fill(creditCode(runSeed + 1, { wrongCheck: true }))
    await page.getByLabel("密码", { exact: true }).fill("Portal-pass-1")
    await page.getByLabel("确认密码").fill("Portal-pass-1")
    await page.getByRole("button", { name: "提交入驻申请" }).click()
    await page.waitForURL(`${storefront()}/supplier`)
    await heading(page, `成都门户测试科技有限公司${unique}`)
    expect(await page.getByTestId("supplier-status").textContent()).toBe("待审核")
    expect(await page.getByTestId("registration-warnings").textContent()).toContain("统一社会信用代码校验位不符")
    expect(await page.getByRole("navigation", { name: "供应商中心导航" }).getByRole("link", { name: "发布商品" }).count()).toBe(0)
    await screenshot(page, "supplier-pending")

    await page.goto(`${storefront()}/supplier/listings/new`)
    await heading(page, "发布商品")
    expect(await page.getByTestId("not-approved").textContent()).toContain("入驻审核通过后才能发布商品")
    expect(await page.locator("form.listing-form").count()).toBe(0)
    await page.getByRole("button", { name: "退出登录" }).click()
    await page.waitForURL(/\/supplier\/login\?loggedOut=1$/)
  })

  it("an admitted supplier logs in with the keyboard only", async () => {
    approved = await registerSupplier(runSeed + 2, { company_name: `成都门户办公设备有限公司${unique}` })
    const decision = await admin(`/admin/suppliers/${approved.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "approve" }) })
    expect(decision.status, JSON.stringify(decision.body)).toBe(200)

    await page.goto(`${storefront()}/supplier/login`)
    await page.keyboard.press("Tab")
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("跳到主要内容")
    await tabTo("#email", "the email field")
    // A visible focus ring on the focused field.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe("none")
    await page.keyboard.type(approved.email)
    await page.keyboard.press("Tab")
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("password")
    await page.keyboard.type(approved.password)
    await screenshot(page, "supplier-login-keyboard")
    await page.keyboard.press("Enter")
    await page.waitForURL(`${storefront()}/supplier`)
    await heading(page, `成都门户办公设备有限公司${unique}`)
    expect(await page.getByTestId("supplier-status").textContent()).toBe("已通过")
    expect(await page.getByTestId("notifications").textContent()).toContain("入驻申请已通过审核")
  })

  it("adds a warehouse", async () => {
    await page.getByRole("navigation", { name: "供应商中心导航" }).getByRole("link", { name: "仓库" }).click()
    await heading(page, "仓库")
    await page.getByLabel("仓库名称").fill("成都门户一号仓")
    await page.getByLabel("省份").fill("四川省")
    await page.getByLabel("城市").fill("成都市")
    await page.getByLabel("详细地址").fill("天府大道中段 100 号")
    await page.getByLabel("邮政编码（选填）").fill("61000")
    await page.getByRole("button", { name: "保存仓库" }).click()
    await page.locator("#postal_code-error").waitFor()
    await page.getByLabel("邮政编码（选填）").fill("610000")
    await page.getByRole("button", { name: "保存仓库" }).click()
    await page.getByRole("status").filter({ hasText: "仓库已添加。" }).waitFor()
    expect(await page.getByTestId("location").textContent()).toContain("成都门户一号仓")
  })

  it("creates a listing with an uploaded image, options and stock, and submits it: it awaits review", async () => {
    await page.getByRole("navigation", { name: "供应商中心导航" }).getByRole("link", { name: "发布商品" }).click()
    await heading(page, "发布商品")
    const form = page.locator("form.listing-form")

    // Nothing filled in: every problem is named next to its field.
    await page.getByRole("button", { name: "提交审核" }).click()
    await page.locator("#title-error").waitFor()
    expect(await page.locator("#title-error").textContent()).toBe("请填写此项")
    expect(await page.locator("#category_id-error").textContent()).toBe("请选择商品分类")
    expect(await page.locator("#variant_price_0-error").textContent()).toBe("请填写此项")

    await page.getByLabel("商品名称").fill(listingTitle)
    await page.getByLabel("副标题（选填）").fill("A4 双面 网络打印")
    expect(await page.getByLabel("办公用品与设备").isChecked()).toBe(true)
    // Rental and service terms show only for their kinds.
    expect(await form.locator(".terms-rental").isVisible()).toBe(false)
    await page.getByLabel("租赁", { exact: true }).check()
    expect(await form.locator(".terms-rental").isVisible()).toBe(true)
    await page.getByLabel("办公用品与设备").check()
    expect(await form.locator(".terms-rental").isVisible()).toBe(false)

    const categoryValue = await page.locator("#category_id option").nth(1).getAttribute("value")
    await page.locator("#category_id").selectOption(categoryValue!)
    await page.getByLabel("商品描述").fill("门户测试用彩色激光打印机，支持自动双面与网络打印，适合中小型办公室。")
    await page.getByLabel("参数名 1").fill("品牌")
    await page.getByLabel("参数值 1").fill("蓉测")
    await page.getByLabel("参数名 2").fill("型号")
    await page.getByLabel("参数值 2").fill(`PX-${unique}`)
    await page.getByLabel("参数名 3").fill("质保期")
    await page.getByLabel("参数值 3").fill("24")
    await page.getByRole("button", { name: "添加一行参数" }).click()
    // The new row is added in place and focused.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("spec_key_3")
    await page.keyboard.type("打印速度")
    await page.getByLabel("参数值 4").fill("28")

    await page.getByLabel("规格 1 价格（元）").fill("1,888.00")
    await page.getByRole("button", { name: "添加一个规格" }).click()
    await page.getByLabel("规格 2 名称").fill("高配")
    await page.getByLabel("规格 2 价格（元）").fill("2388")

    // The image: forwarded by the page's action to the backend's uploads, then shown in the form.
    await page.locator("#files").setInputFiles({ name: "printer.png", mimeType: "image/png", buffer: await png("#9b2c2c") })
    await page.getByRole("button", { name: "上传图片" }).click()
    await page.getByRole("status").filter({ hasText: "已上传 1 张图片。" }).waitFor()
    const uploaded = page.getByTestId("uploaded-images").locator("img")
    expect(await uploaded.count()).toBe(1)
    expect(await uploaded.getAttribute("src")).toMatch(/\/media\/uploads\/sup_[0-9A-Za-z]+\/[a-f0-9]{32}-medium\.webp$/)
    await page.waitForFunction(() => ((document.querySelector("[data-testid=uploaded-images] img") as HTMLImageElement | null)?.naturalWidth ?? 0) > 0)
    // What was typed before the upload is still there.
    expect(await page.getByLabel("商品名称").inputValue()).toBe(listingTitle)
    expect(await page.getByLabel("规格 2 名称").inputValue()).toBe("高配")

    await page.getByLabel("标准 在 成都门户一号仓 的库存").fill("30")
    await page.getByLabel("高配 在 成都门户一号仓 的库存").fill("5")
    await screenshot(page, "supplier-new-listing")

    await page.getByRole("button", { name: "提交审核" }).click()
    await page.waitForURL(/\/supplier\/listings\/prod_[0-9A-Z]+\?created=1$/)
    productId = new URL(page.url()).pathname.split("/").pop()!
    await heading(page, listingTitle)
    expect(await page.getByTestId("listing-notice").textContent()).toBe("商品已提交，待审核。审核通过后将在商城上架。")
    expect(await page.getByTestId("review-state").textContent()).toBe("待审核")
    expect(await page.getByTestId("product-status").textContent()).toBe("未上架")
    expect(await page.getByTestId("public-price").textContent()).toBe("¥1,888.00")
    await screenshot(page, "supplier-listing-pending")

    await page.getByRole("navigation", { name: "供应商中心导航" }).getByRole("link", { name: "我的商品" }).click()
    await heading(page, "我的商品")
    const row = page.getByTestId("listing-row").filter({ hasText: listingTitle })
    expect(await row.getByTestId("review-state").textContent()).toBe("待审核")

    // Not for sale yet.
    const pending = await store(`/store/products?id=${productId}&fields=id`)
    expect(pending.body.products).toEqual([])
  })

  it("the operator approves it; the product is then in the store with its title, price and image", async () => {
    const inbox = await admin(`/admin/listing-changes?status=pending&supplier_id=${approved.id}`)
    expect(inbox.status).toBe(200)
    const change = inbox.body.listing_changes.find((c: { product_id: string }) => c.product_id === productId)
    expect(change, JSON.stringify(inbox.body)).toBeTruthy()
    expect(change.kind).toBe("create")
    handle = change.product.handle
    const decided = await admin(`/admin/listing-changes/${change.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "approve" }) })
    expect(decided.status, JSON.stringify(decided.body)).toBe(200)

    await page.goto(`${storefront()}/products/${handle}`)
    await heading(page, listingTitle)
    // The "标准" variant's price (the page preselects the first variant in stock, and Medusa does
    // not order a product's variants created together).
    expect(await page.locator("label.variant-option", { hasText: "标准" }).locator(".variant-price").textContent()).toBe("¥1,888.00")
    const image = page.locator(".gallery img").first()
    expect(await image.getAttribute("src")).toContain("/media/uploads/")
    await page.waitForFunction(() => ((document.querySelector(".gallery img") as HTMLImageElement | null)?.naturalWidth ?? 0) > 0)
    expect(await page.locator("table.specs").textContent()).toContain("蓉测")
    await screenshot(page, "supplier-product-live")

    await page.goto(`${storefront()}/supplier/listings/${productId}`)
    expect(await page.getByTestId("review-state").textContent()).toBe("已通过")
    expect(await page.getByTestId("product-status").textContent()).toBe("已上架")
    await page.goto(`${storefront()}/supplier`)
    expect(await page.getByTestId("notifications").textContent()).toContain(`商品“${listingTitle}”已通过审核。`)
  })

  it("a price change on the live product waits for review; the store keeps the old price", async () => {
    await page.goto(`${storefront()}/supplier/listings/${productId}`)
    await page.getByLabel("“标准”价格（元）").fill("1688")
    await page.getByRole("button", { name: "保存修改" }).click()
    await page.waitForURL(/\?saved=1&review=prices/)
    expect(await page.getByTestId("listing-notice").textContent()).toContain("价格修改已提交审核，审核通过前商城仍显示原价。")
    expect(await page.getByTestId("pending-change").textContent()).toContain("“标准”价格：¥1,888.00 → ¥1,688.00")
    expect(await page.getByTestId("public-price").textContent()).toBe("¥1,888.00")
    await screenshot(page, "supplier-price-change")

    await page.goto(`${storefront()}/products/${handle}`)
    // The "标准" variant's price (the page preselects the first variant in stock, and Medusa does
    // not order a product's variants created together).
    expect(await page.locator("label.variant-option", { hasText: "标准" }).locator(".variant-price").textContent()).toBe("¥1,888.00")
  })

  it("the portal fits a 360 px phone and a 1920 px screen", async () => {
    for (const width of [360, 1920]) {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`${storefront()}/supplier/listings/new`)
      await heading(page, "发布商品")
      expect(await noHorizontalScroll(), `no horizontal scroll at ${width} px`).toBe(true)
      await screenshot(page, `supplier-new-listing-${width}`)
      await page.goto(`${storefront()}/supplier/listings`)
      expect(await noHorizontalScroll(), `listings: no horizontal scroll at ${width} px`).toBe(true)
    }
    await page.setViewportSize({ width: 1280, height: 900 })
  })
})
