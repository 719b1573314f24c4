/** Single requests to Keep's API, outside the load generator. */

export async function bulkDelete(
  baseUrl: string,
  request: { readonly token: string; readonly ids: readonly string[] }
): Promise<{ readonly deleted: number }> {
  const response = await fetch(`${baseUrl}/keep/api/admin/sessions/delete`, {
    method: 'POST',
    headers: { authorization: `Bearer ${request.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ids: request.ids }),
  })

  if (response.status !== 200) {
    throw new Error(`Bulk delete answered ${response.status}: ${await response.text()}`)
  }

  const body = (await response.json()) as { deleted: unknown[] }

  return { deleted: body.deleted.length }
}

export async function deleteOne(
  baseUrl: string,
  request: { readonly token: string; readonly id: string }
): Promise<void> {
  const response = await fetch(`${baseUrl}/keep/api/admin/sessions/${request.id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${request.token}` },
  })

  if (response.status !== 204) {
    throw new Error(`Delete answered ${response.status}: ${await response.text()}`)
  }
}

/** The status GET /keep/api/me answers for a token. */
export async function meStatus(baseUrl: string, token: string): Promise<number> {
  const response = await fetch(`${baseUrl}/keep/api/me`, {
    headers: { authorization: `Bearer ${token}` },
  })

  await response.arrayBuffer()

  return response.status
}
