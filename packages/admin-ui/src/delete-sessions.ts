import { isKeepClientError } from '@keep/sdk'
import type { KeepClient, SessionItem } from '@keep/sdk'

import { describeBulkResult, describeSingleOutcome } from './delete-summary'
import type { SingleDeleteOutcome } from './delete-summary'
import { describeLoadError } from './load-error'

/** What the page tells the admin after an action. */
export interface StatusMessage {
  readonly tone: 'success' | 'warning' | 'error'
  readonly text: string
}

/** Ends the sessions through the SDK and words the outcome; never rejects. */
export async function deleteSessions(
  client: KeepClient,
  items: readonly SessionItem[]
): Promise<StatusMessage> {
  try {
    const [only] = items

    return items.length === 1 && only
      ? await deleteOne(client, only)
      : await deleteMany(client, items)
  } catch (error) {
    return { tone: 'error', text: `The sessions could not be ended. ${describeLoadError(error)}` }
  }
}

async function deleteOne(client: KeepClient, item: SessionItem): Promise<StatusMessage> {
  const outcome = await deleteOrExplain(client, item.id)

  return {
    tone: outcome === 'deleted' ? 'success' : 'warning',
    text: describeSingleOutcome(outcome, item),
  }
}

async function deleteMany(
  client: KeepClient,
  items: readonly SessionItem[]
): Promise<StatusMessage> {
  const result = await client.deleteSessions(items.map((item) => item.id))

  return {
    tone: result.deleted.length === items.length ? 'success' : 'warning',
    text: describeBulkResult(result),
  }
}

/** A 404 means someone (or expiry) ended it first; a 403 own_session is the server's rule. */
async function deleteOrExplain(client: KeepClient, id: string): Promise<SingleDeleteOutcome> {
  try {
    await client.deleteSession(id)

    return 'deleted'
  } catch (error) {
    if (isKeepClientError(error) && error.code === 'not_found') {
      return 'not_found'
    }

    if (isKeepClientError(error) && error.code === 'own_session') {
      return 'own_session'
    }

    throw error
  }
}
