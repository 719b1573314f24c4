import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

import { createManualClock } from '@keep/core/testing'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findAccessibilityViolations } from '../testing/axe'
import { createUser, logInAdmin, readCookie, rpc } from '../testing/channels'
import type { Credentials } from '../testing/channels'
import { launchChromium } from '../testing/chromium'
import { ADMIN_PASSWORD, startKeepOnMariaDb } from '../testing/test-keep'
import type { KeepOnMariaDb, TestKeep } from '../testing/test-keep'

const SCREENSHOT = fileURLToPath(new URL('../../../../docs/active-sessions.png', import.meta.url))
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

async function saveScreenshot(page: Page) {
  await page.locator('.kas-table[aria-busy="false"]').waitFor()
  await page.mouse.move(0, 0)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await mkdir(dirname(SCREENSHOT), { recursive: true })
  await page.screenshot({ path: SCREENSHOT, fullPage: true, animations: 'disabled', caret: 'hide' })
}

// One admin's visit, step by step: each test continues where the one before it stopped.
describe('the Active Sessions page in Chromium on MariaDB', () => {
  let browser: Browser
  let keepOnDb: KeepOnMariaDb
  let page: Page
  let opened: OpenedSessions

  beforeAll(async () => {
    browser = await launchChromium()
    // Keep's clock starts a little in the past so that Last Active reads like a real morning.
    const clock = createManualClock(new Date(Date.now() - 20 * MINUTE))
    keepOnDb = await startKeepOnMariaDb({ clock, serverName: 'keep-eu-1' })
    opened = await openSessionsOnEveryChannel(keepOnDb.keep)
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
  })

  afterAll(async () => {
    await browser.close()
    await keepOnDb.close()
  })

  it('is reached from the admin menu and shows the sessions of all three channels', async () => {
    await logInAndOpenSessionsPage(page, keepOnDb.keep.url)
    await expect.poll(() => sessionRows(page).count()).toBe(6)

    // admin twice (the API bearer, this page's cookie), alice twice, bob and the bot once.
    expect(await readTiles(page)).toEqual({
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
    await saveScreenshot(page)
    expect(await findAccessibilityViolations(page)).toEqual([])
  })

  it('filters by session type and keeps the filter in the URL', async () => {
    await page.getByLabel('Session type').selectOption({ label: 'Browser only' })

    await expect.poll(() => sessionRows(page).count()).toBe(2)
    expect(page.url()).toContain('type=browser')

    await page.getByLabel('Session type').selectOption({ label: 'All' })
    await expect.poll(() => sessionRows(page).count()).toBe(6)
  })

  it('selects every row but the admin’s own, and ends them after confirming', async () => {
    await page.getByRole('checkbox', { name: 'Select all sessions shown' }).check()

    const ownBoxes = await sessionRows(page).filter({ hasText: 'You' }).getByRole('checkbox').all()
    expect(ownBoxes).toHaveLength(2)
    for (const box of ownBoxes) {
      expect(await box.isChecked()).toBe(false)
      expect(await box.isDisabled()).toBe(true)
    }

    await page.getByRole('button', { name: /Delete Selected/ }).click()
    const dialog = page.getByRole('dialog', { name: 'End 4 sessions of 3 users?' })
    await dialog.waitFor()
    expect(await findAccessibilityViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: 'End sessions' }).click()

    await page.getByRole('status').getByText('Ended 4 sessions.').waitFor()
    await expect.poll(() => sessionRows(page).count()).toBe(2)
    expect(await readTiles(page)).toMatchObject({ 'Active Users': '1', 'Active Sessions': '2' })
  })

  it('refuses the ended sessions on every channel while the admin stays signed in', async () => {
    const url = keepOnDb.keep.url
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

  it('keeps a narrow window usable: the table scrolls, the page does not', async () => {
    await page.setViewportSize({ width: 420, height: 800 })
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Active Sessions' }).waitFor()

    const overflow = await page.evaluate(() => {
      const region = document.querySelector('.kas-table-scroll')

      return {
        page: document.documentElement.scrollWidth - window.innerWidth,
        table: region ? region.scrollWidth - region.clientWidth : 0,
      }
    })

    expect(overflow.page).toBeLessThanOrEqual(0)
    expect(overflow.table).toBeGreaterThan(0)
  })
})
