import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createManualClock } from '@keep/core/testing'

import { findAccessibilityViolations } from '../testing/axe'
import { createUser, logInAdmin, readCookie, rpc } from '../testing/channels'
import type { Credentials } from '../testing/channels'
import { launchChromium } from '../testing/chromium'
import { saveScreenshot } from '../testing/screenshots'
import { ADMIN_PASSWORD, startKeepOnMariaDb } from '../testing/test-keep'
import type { KeepOnMariaDb, TestKeep } from '../testing/test-keep'

const MINUTE = 60_000

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0'
const SAFARI_ON_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'

/** How a client logs in: from which address (forwarded by the trusted proxy) and with which UA. */
interface Client {
  readonly address: string
  readonly userAgent: string
}

function clientHeaders(client: Client, extra: Record<string, string> = {}) {
  return { 'X-Forwarded-For': client.address, 'User-Agent': client.userAgent, ...extra }
}

async function logInOverRest(url: string, user: Credentials, client: Client): Promise<string> {
  const response = await fetch(`${url}/keep/api/auth/login`, {
    method: 'POST',
    headers: clientHeaders(client, { 'Content-Type': 'application/json' }),
    body: JSON.stringify(user),
  })
  const body = (await response.json()) as { token: string }

  return body.token
}

async function logInOverLegacyForm(url: string, user: Credentials, client: Client) {
  const response = await fetch(`${url}/keep/legacy/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: clientHeaders(client, { 'Sec-Fetch-Site': 'same-origin' }),
    body: new URLSearchParams({ ...user }),
  })

  return readCookie(response, 'keep_legacy_session') ?? ''
}

async function logInOverRpc(url: string, user: Credentials, client: Client): Promise<string> {
  const response = await fetch(`${url}/keep/rpc`, {
    method: 'POST',
    headers: clientHeaders(client, { 'Content-Type': 'application/json' }),
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'session.login', params: user }),
  })
  const body = (await response.json()) as { result: { token: string } }

  return body.result.token
}

/** What the deleted users hold, to try again after their sessions end. */
interface OpenedSessions {
  readonly aliceToken: string
  readonly aliceCookie: string
  readonly bobCookie: string
  readonly botToken: string
}

/** alice over REST and the legacy form, bob over the form, a bot over JSON-RPC, minutes apart. */
async function openSessionsOnEveryChannel(keep: TestKeep): Promise<OpenedSessions> {
  const admin = await logInAdmin({ url: keep.url })
  const alice = await createUser(admin, 'alice')
  const bob = await createUser(admin, 'bob')
  const bot = await createUser(admin, 'report-bot')
  const step = (minutes: number) => keep.clock.advance(minutes * MINUTE)

  const aliceToken = await logInOverRest(keep.url, alice, {
    address: '203.0.113.10',
    userAgent: 'curl/8.11.1',
  })
  step(4)
  const bobCookie = await logInOverLegacyForm(keep.url, bob, {
    address: '198.51.100.7',
    userAgent: FIREFOX,
  })
  step(5)
  const botToken = await logInOverRpc(keep.url, bot, {
    address: '10.20.0.5',
    userAgent: 'python-requests/2.32.3',
  })
  step(6)
  const aliceCookie = await logInOverLegacyForm(keep.url, alice, {
    address: '203.0.113.44',
    userAgent: SAFARI_ON_IPHONE,
  })
  step(3)

  return { aliceToken, aliceCookie, bobCookie, botToken }
}

async function logInAndOpenSessionsPage(page: Page, url: string) {
  await page.goto(`${url}/keep/login`)
  await page.getByLabel('Username').fill('admin')
  await page.getByLabel('Password').fill(ADMIN_PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click()

  const menu = page.getByRole('navigation', { name: 'Admin' })
  await menu.getByRole('heading', { name: 'Reports & Info' }).waitFor()
  await menu.getByRole('link', { name: 'Sessions' }).click()
  await page.getByRole('heading', { level: 1, name: 'Active Sessions' }).waitFor()
}

async function readTiles(page: Page): Promise<Record<string, string>> {
  const tiles = page.locator('.kas-tile')
  const labels = await tiles.locator('.kas-tile__label').allTextContents()
  const values = await tiles.locator('.kas-tile__value').allTextContents()

  return Object.fromEntries(labels.map((label, i) => [label, values[i] ?? '']))
}

function sessionRows(page: Page) {
  return page.locator('tr[data-session-id]')
}

function rowFrom(page: Page, address: string) {
  return sessionRows(page).filter({ hasText: address })
}

async function columnHeaders(page: Page): Promise<string[]> {
  const texts = await page.locator('.kas-table thead th').allTextContents()

  return texts.map((text) => text.replace(/[▲▼]/g, '').trim()).filter((t) => t && t !== 'Actions')
}

async function setColumns(page: Page, changes: { show?: string[]; hide?: string[] }) {
  await page.getByRole('button', { name: 'Show/Hide Columns' }).click()
  const columns = page.getByRole('group', { name: 'Columns' })

  for (const name of changes.show ?? []) await columns.getByRole('checkbox', { name }).check()
  for (const name of changes.hide ?? []) await columns.getByRole('checkbox', { name }).uncheck()

  await page.keyboard.press('Escape')
}

/** The page at rest: data loaded, no hover, no focus ring, so that the picture is the same each run. */
async function screenshotPage(page: Page, name: string, options?: { inDocs: boolean }) {
  await page.locator('.kas-table[aria-busy="false"]').waitFor()
  await page.mouse.move(0, 0)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await saveScreenshot(page, name, options)
}

/** Scans the page in the light and in the dark palette; each violation names its palette. */
async function findViolationsInBothPalettes(page: Page): Promise<string[]> {
  const found: string[] = []

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const violations = await findAccessibilityViolations(page)
    found.push(...violations.map((violation) => `${colorScheme}: ${violation}`))
  }

  await page.emulateMedia({ colorScheme: 'light' })

  return found
}

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement)
}

/** Presses Tab (or Shift+Tab) until the target has focus, as a keyboard user walks the page. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let presses = 0; presses < 80; presses += 1) {
    if (await isFocused(target)) return

    await page.keyboard.press(key)
  }

  throw new Error(`${key} never reached ${target.toString()}`)
}

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent ?? '')
}

// One admin's visit, step by step: each test continues where the one before it stopped.
describe('the Active Sessions page in Chromium on MariaDB', () => {
  let browser: Browser | undefined
  let keepOnDb: KeepOnMariaDb | undefined
  let page: Page
  let url: string
  let opened: OpenedSessions

  beforeAll(async () => {
    browser = await launchChromium()
    // Keep's clock starts a little in the past so that Last Active reads like a real morning.
    const clock = createManualClock(new Date(Date.now() - 20 * MINUTE))
    keepOnDb = await startKeepOnMariaDb({ clock, serverName: 'keep-eu-1' })
    url = keepOnDb.keep.url
    opened = await openSessionsOnEveryChannel(keepOnDb.keep)
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
  })

  // Optional chaining: when start-up fails, its own error is the one to report.
  afterAll(async () => {
    await browser?.close()
    await keepOnDb?.close()
  })

  it('is reached from the admin menu and shows the sessions of all three channels', async () => {
    await logInAndOpenSessionsPage(page, url)
    await expect.poll(() => sessionRows(page).count()).toBe(6)

    // admin twice (the API bearer, this page's cookie), alice twice, bob and the bot once.
    await expect
      .poll(() => readTiles(page))
      .toEqual({
        'Active Users': '4',
        'Active Sessions': '6',
        'REST API': '3',
        Browser: '2',
        Other: '1',
      })
    expect(await rowFrom(page, '203.0.113.10').textContent()).toMatch(/alice.*REST API/)
    expect(await rowFrom(page, '198.51.100.7').textContent()).toMatch(/bob.*Browser/)
    expect(await rowFrom(page, '10.20.0.5').textContent()).toMatch(/report-bot.*Other/)
    expect(await columnHeaders(page)).toEqual([
      'Username',
      'Session Type',
      'Address',
      'Last Active',
    ])
  })

  it('remembers shown and hidden columns across a reload', async () => {
    await setColumns(page, { show: ['Server Name', 'User Agent'], hide: ['Session Type'] })
    await page.reload()
    await expect.poll(() => sessionRows(page).count()).toBe(6)

    expect(await columnHeaders(page)).toEqual([
      'Username',
      'Address',
      'Last Active',
      'Server Name',
      'User Agent',
    ])
    await rowFrom(page, '198.51.100.7').getByText('Firefox 133 · Windows 10').waitFor()
    expect(await rowFrom(page, '10.20.0.5').textContent()).toContain('keep-eu-1')

    await setColumns(page, { show: ['Session Type'] })
    await screenshotPage(page, 'active-sessions.png', { inDocs: true })
  })

  it('passes a WCAG 2.2 AA scan in the light and the dark palette', async () => {
    expect(await findViolationsInBothPalettes(page)).toEqual([])

    await page.emulateMedia({ colorScheme: 'dark' })
    await screenshotPage(page, 'active-sessions-dark.png')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('filters by session type, keeps the filter in the URL and greys the own rows', async () => {
    const typeList = page.getByLabel('Session type')
    const types = () => sessionRows(page).locator('.kas-type').allTextContents()

    await typeList.selectOption({ label: 'Browser only' })

    await expect.poll(types).toEqual(['Browser', 'Browser'])
    expect(page.url()).toContain('type=browser')

    await typeList.selectOption({ label: 'REST API only' })

    await expect.poll(types).toEqual(['REST API', 'REST API', 'REST API'])
    const ownDeletes = sessionRows(page).filter({ hasText: 'You' }).getByRole('button')
    expect(await ownDeletes.count()).toBe(2)
    for (const button of await ownDeletes.all()) {
      expect(await button.getAttribute('aria-disabled')).toBe('true')
      expect(await button.getAttribute('title')).toBe('You cannot delete your own session')
    }

    await typeList.selectOption({ label: 'All' })
    await expect.poll(() => sessionRows(page).count()).toBe(6)
  })

  it('ends one session from the keyboard and puts focus on what happened', async () => {
    const status = page.getByRole('status')

    await tabTo(page, rowFrom(page, '198.51.100.7').getByRole('button', { name: /^Delete/ }))
    await page.keyboard.press('Enter')
    await page.getByRole('dialog', { name: 'End 1 session of 1 user?' }).waitFor()
    await page.keyboard.press('Tab')
    expect(await focusedText(page)).toBe('End session')
    await page.keyboard.press('Enter')

    await status.getByText('Ended the session of bob from 198.51.100.7.').waitFor()
    await expect.poll(() => sessionRows(page).count()).toBe(5)
    await expect
      .poll(() => readTiles(page))
      .toMatchObject({ 'Active Users': '3', 'Active Sessions': '5', Browser: '1' })
    expect(await isFocused(status)).toBe(true)
  })

  it('selects every row but the admin’s own and ends them, with the keyboard alone', async () => {
    const headerBox = page.getByRole('checkbox', { name: 'Select all sessions shown' })
    const status = page.getByRole('status')

    await tabTo(page, headerBox)
    await page.keyboard.press('Space')

    const ownBoxes = await sessionRows(page).filter({ hasText: 'You' }).getByRole('checkbox').all()
    expect(ownBoxes).toHaveLength(2)
    for (const box of ownBoxes) {
      expect(await box.isChecked()).toBe(false)
      expect(await box.isDisabled()).toBe(true)
    }

    await tabTo(page, page.getByRole('button', { name: /Delete Selected/ }), 'Shift+Tab')
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'End 3 sessions of 2 users?' })
    await dialog.waitFor()
    expect(await findViolationsInBothPalettes(page)).toEqual([])
    await page.keyboard.press('Shift+Tab')
    expect(await focusedText(page)).toBe('End sessions')
    await page.keyboard.press('Enter')

    await status.getByText('Ended 3 sessions.').waitFor()
    await expect.poll(() => sessionRows(page).count()).toBe(2)
    await expect
      .poll(() => readTiles(page))
      .toMatchObject({ 'Active Users': '1', 'Active Sessions': '2' })
    expect(await isFocused(status)).toBe(true)
  })

  it('refuses the ended sessions on every channel while the admin stays signed in', async () => {
    const me = await fetch(`${url}/keep/api/me`, {
      headers: { Authorization: `Bearer ${opened.aliceToken}` },
    })
    expect(me.status).toBe(401)

    for (const cookie of [opened.bobCookie, opened.aliceCookie]) {
      const legacy = await fetch(`${url}/keep/legacy/`, {
        redirect: 'manual',
        headers: { Cookie: cookie },
      })
      expect(legacy.status).toBe(303)
      expect(legacy.headers.get('Location')).toMatch(/\/keep\/legacy\/login(\?|$)/)
    }

    const whoami = await rpc({ url }, 'session.whoami', { token: opened.botToken })
    expect(whoami.body.error?.code).toBe(-32001)

    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Active Sessions' }).waitFor()
    expect(page.url()).toMatch(/\/keep\/admin\/sessions/)
  })

  it('keeps a narrow window usable and accessible: the table scrolls, the page does not', async () => {
    await page.setViewportSize({ width: 420, height: 800 })
    await page.reload()
    await expect.poll(() => sessionRows(page).count()).toBe(2)

    const overflow = await page.evaluate(() => {
      const region = document.querySelector('.kas-table-scroll')

      return {
        page: document.documentElement.scrollWidth - window.innerWidth,
        table: region ? region.scrollWidth - region.clientWidth : 0,
      }
    })

    expect(overflow.page).toBeLessThanOrEqual(0)
    expect(overflow.table).toBeGreaterThan(0)
    expect(await findViolationsInBothPalettes(page)).toEqual([])
    await screenshotPage(page, 'active-sessions-narrow.png')
  })
})
