import { MAX_BULK_DELETE, MAX_PAGE_SIZE, SESSION_TYPES, SORT_FIELDS } from '@keep/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'

import { API_ERRORS } from './errors'
import { toOpenApiPath } from './openapi'
import { BulkDeleteBody, SessionPage } from './schemas'
import { createHarness } from './testing-kit/harness'
import type { Harness } from './testing-kit/harness'
import { allStoreFactories } from './testing-kit/store-factories'

interface Document {
  openapi: string
  paths: Record<string, Record<string, OperationDoc>>
  components: { schemas: Record<string, Record<string, unknown>> }
}

interface OperationDoc {
  security?: unknown[]
  parameters?: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[]
  requestBody?: { content: Record<string, { schema: { $ref: string } }> }
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>
}

describe.each(allStoreFactories())('GET /keep/api/openapi.json on $name stores', (factory) => {
  let h: Harness
  let doc: Document

  beforeAll(async () => {
    h = createHarness({ stores: await factory.open() })
    const response = await h.send('/openapi.json')

    expect(response.status).toBe(200)
    doc = (await response.json()) as Document
  })

  afterAll(() => factory.close())

  it('is an OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0')
  })

  it('describes every route the app serves', () => {
    const served = h.app.routes
      .filter((route) => route.method !== 'ALL')
      .map(
        (route) =>
          `${route.method.toLowerCase()} ${toOpenApiPath(route.path.replace('/keep/api', ''))}`
      )
    const described = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`)
    )

    expect(new Set(described)).toEqual(new Set(served))
    expect(new Set(served).size).toBe(9)
  })

  it('takes its schemas from the validators, not from a copy', () => {
    const { $schema: _schema, ...page } = z.toJSONSchema(SessionPage)
    const { $schema: _bodySchema, ...body } = z.toJSONSchema(BulkDeleteBody, { io: 'input' })

    expect(doc.components.schemas['SessionPage']).toEqual({
      ...page,
      properties: {
        ...page.properties,
        items: { type: 'array', items: { $ref: '#/components/schemas/SessionItem' } },
      },
    })
    expect(doc.components.schemas['BulkDeleteBody']).toEqual(body)
    expect(JSON.stringify(body)).toContain(`"maxItems":${MAX_BULK_DELETE}`)
  })

  it('lists the query of the session list with the domain’s own limits', () => {
    const parameters = doc.paths['/admin/sessions']?.['get']?.parameters ?? []
    const byName = Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter]))

    expect(Object.keys(byName)).toEqual(['type', 'q', 'sort', 'order', 'limit', 'cursor'])
    expect(parameters.every((parameter) => parameter.in === 'query' && !parameter.required)).toBe(
      true
    )
    expect(byName['type']?.schema['enum']).toEqual([...SESSION_TYPES])
    expect(byName['sort']?.schema['enum']).toEqual([...SORT_FIELDS])
    expect(byName['limit']?.schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: MAX_PAGE_SIZE,
    })
  })

  it('names the path parameter of a single deletion', () => {
    const operation = doc.paths['/admin/sessions/{id}']?.['delete']

    expect(operation?.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    ])
  })

  it('gives bodies, answers and errors by reference to named schemas', () => {
    const bulk = doc.paths['/admin/sessions/delete']?.['post']

    expect(bulk?.requestBody?.content['application/json']?.schema.$ref).toBe(
      '#/components/schemas/BulkDeleteBody'
    )
    expect(bulk?.responses['200']?.content?.['application/json']?.schema.$ref).toBe(
      '#/components/schemas/BulkDeleteResult'
    )
    expect(bulk?.responses['403']?.content?.['application/json']?.schema.$ref).toBe(
      '#/components/schemas/ErrorResponse'
    )
    expect(bulk?.security).toBeDefined()
    expect(doc.paths['/auth/login']?.['post']?.security).toBeUndefined()
  })

  it('documents every error code of the catalogue somewhere', () => {
    const text = JSON.stringify(doc.paths)

    for (const code of Object.keys(API_ERRORS)) {
      expect(text).toContain(code)
    }
  })
})
