import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findAccessibilityViolations } from '../testing/axe'
import { createUser, findSessionId, logInAdmin } from '../testing/channels'
import type { Credentials } from '../testing/channels'
import { launchChromium } from '../testing/chromium'
import { startKeepUnderTest } from '../testing/keep-under-test'
import type { KeepUnderTest } from '../testing/keep-under-test'

describe('the Keep web UI in Chromium', () => {
  let keep: KeepUnderTest
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await launchChromium()
    keep = await startKeepUnderTest()
    page = await browser.newPage()
  })

  afterAll(async () => {
    await browser.close()
    await keep.close()
  })

  it('should log in, show the admin menu, and go back to log-in once an admin ends the session', async () => {
    const admin = await logInAdmin({ url: keep.url })
    const olga = await createUser(admin, 'olga', 'admin')

    await page.goto(`${keep.url}/keep/`)
    await page.waitForURL(/\/keep\/login$/)
    expect(await page.getByText('Your session has ended').count()).toBe(0)
    expect(await findAccessibilityViolations(page)).toEqual([])

    await page.getByLabel('Username').fill(olga.username)
    await page.getByLabel('Password').fill(olga.password)
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.getByRole('heading', { name: 'Welcome, olga' }).waitFor()
    expect(await findAccessibilityViolations(page)).toEqual([])

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Admin' })
      .click()
    const adminMenu = page.getByRole('navigation', { name: 'Admin' })
    await adminMenu.getByRole('heading', { name: 'Reports & Info' }).waitFor()
    await adminMenu.getByRole('link', { name: 'Sessions' }).waitFor()
    expect(await findAccessibilityViolations(page)).toEqual([])

    await admin.deleteSession(await findSessionId(admin, { username: 'olga', type: 'rest' }))
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click()

    await page.waitForURL(/\/keep\/login\?session=ended$/)
    await page.getByText('Your session has ended').waitFor()
  })

  it('should not show the admin menu to a user without the admin role', async () => {
    const admin = await logInAdmin({ url: keep.url })
    const peggy = await createUser(admin, 'peggy')
    const context = await browser.newContext()
    const userPage = await context.newPage()

    await userPage.goto(`${keep.url}/keep/login`)
    await userPage.getByLabel('Username').fill(peggy.username)
    await userPage.getByLabel('Password').fill(peggy.password)
    await userPage.getByRole('button', { name: 'Log in' }).click()
    await userPage.getByRole('heading', { name: 'Welcome, peggy' }).waitFor()

    expect(await userPage.getByRole('link', { name: 'Admin' }).count()).toBe(0)
    await userPage.goto(`${keep.url}/keep/admin`)
    await userPage.getByRole('heading', { name: 'Admins only' }).waitFor()
    await context.close()
  })

  it('should say so when the password is wrong', async () => {
    const context = await browser.newContext()
    const anonymous = await context.newPage()

    await anonymous.goto(`${keep.url}/keep/login`)
    await anonymous.getByLabel('Username').fill('admin')
    await anonymous.getByLabel('Password').fill('not-the-password')
    await anonymous.getByRole('button', { name: 'Log in' }).click()

    await anonymous
      .getByRole('alert')
      .getByText('The username or password is not correct.')
      .waitFor()
    expect(anonymous.url()).toMatch(/\/keep\/login$/)
    await context.close()
  })

  it('should say so and stay when log-out fails, and end the session when it works', async () => {
    const admin = await logInAdmin({ url: keep.url })
    const quinn = await createUser(admin, 'quinn')
    const context = await browser.newContext()
    const userPage = await context.newPage()
    await logInThroughTheForm(userPage, quinn)
    const cookie = await readSessionCookie(context)

    await userPage.route('**/keep/api/auth/logout', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'service_unavailable', message: 'Down' } }),
      })
    )
    await userPage.getByRole('button', { name: 'Log out' }).click()
    await userPage
      .getByRole('alert')
      .getByText('You are still logged in')
      .waitFor({ timeout: 5_000 })
    expect(userPage.url()).toMatch(/\/keep\/?$/)
    expect((await fetchMe(cookie)).status).toBe(200)

    await userPage.unroute('**/keep/api/auth/logout')
    await userPage.getByRole('button', { name: 'Log out' }).click()
    await userPage.getByText('You have logged out.').waitFor()
    expect((await fetchMe(cookie)).status).toBe(401)
    await context.close()
  })

  async function logInThroughTheForm(target: Page, credentials: Credentials) {
    await target.goto(`${keep.url}/keep/login`)
    await target.getByLabel('Username').fill(credentials.username)
    await target.getByLabel('Password').fill(credentials.password)
    await target.getByRole('button', { name: 'Log in' }).click()
    await target.getByRole('heading', { name: `Welcome, ${credentials.username}` }).waitFor()
  }

  async function readSessionCookie(context: BrowserContext): Promise<string> {
    const cookie = (await context.cookies()).find((candidate) => candidate.name === 'keep_session')

    if (!cookie) throw new Error('The web UI set no session cookie')

    return `${cookie.name}=${cookie.value}`
  }

  function fetchMe(cookie: string): Promise<Response> {
    return fetch(`${keep.url}/keep/api/me`, { headers: { Cookie: cookie } })
  }
})
