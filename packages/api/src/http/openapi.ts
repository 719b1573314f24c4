import * as z from 'zod'

import { API_ERRORS } from './errors'
import type { ApiErrorCode } from './errors'
import { OPERATIONS, getOperationErrors } from './operations'
import type { Operation } from './operations'
import { SESSION_COOKIE } from './cookie'
import * as schemas from './schemas'

type JsonObject = Record<string, unknown>

// Request bodies are described as clients send them, responses as the API produces them.
const REQUEST_SCHEMAS = {
  LoginBody: schemas.LoginBody,
  CreateUserBody: schemas.CreateUserBody,
  BulkDeleteBody: schemas.BulkDeleteBody,
}

const RESPONSE_SCHEMAS = {
  User: schemas.User,
  Me: schemas.Me,
  LoginResult: schemas.LoginResult,
  SessionItem: schemas.SessionItem,
  SessionPage: schemas.SessionPage,
  SessionStats: schemas.SessionStats,
  BulkDeleteResult: schemas.BulkDeleteResult,
  ErrorResponse: schemas.ErrorResponse,
}

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer' },
  },
}

const SECURITY = [{ bearerToken: [] }, { sessionCookie: [] }]

/** The OpenAPI 3.1 description of the API, generated from the schemas the validators use. */
export function buildOpenApiDocument(basePath: string): JsonObject {
  const names = new Map<z.ZodType, string>(
    Object.entries({ ...REQUEST_SCHEMAS, ...RESPONSE_SCHEMAS }).map(([name, schema]) => [
      schema,
      name,
    ])
  )

  return {
    openapi: '3.1.0',
    info: { title: 'Keep API', version: '1.0.0' },
    servers: [{ url: basePath }],
    paths: buildPaths(names),
    components: {
      schemas: {
        ...convertNamed(REQUEST_SCHEMAS, 'input'),
        ...convertNamed(RESPONSE_SCHEMAS, 'output'),
      },
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
      },
    },
  }
}

/** Hono's `/sessions/:id` as OpenAPI's `/sessions/{id}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}')
}

function buildPaths(names: Map<z.ZodType, string>): JsonObject {
  const paths: Record<string, JsonObject> = {}

  for (const operation of Object.values<Operation>(OPERATIONS)) {
    const path = toOpenApiPath(operation.path)

    paths[path] = { ...paths[path], [operation.method]: buildOperation(operation, names) }
  }

  return paths
}

function buildOperation(operation: Operation, names: Map<z.ZodType, string>): JsonObject {
  const parameters = [
    ...toParameters(operation.params, 'path'),
    ...toParameters(operation.query, 'query'),
  ]
  const { status, schema, description } = operation.success

  return {
    summary: operation.summary,
    ...(operation.access === 'public' ? {} : { security: SECURITY }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body ? { requestBody: toContent(operation.body, names, true) } : {}),
    responses: {
      [String(status)]: { description, ...(schema ? toContent(schema, names, false) : {}) },
      ...toErrorResponses(getOperationErrors(operation)),
    },
  }
}

function toParameters(schema: z.ZodObject | undefined, location: 'path' | 'query') {
  if (!schema) {
    return []
  }

  const json = z.toJSONSchema(schema, { io: 'input' }) as {
    properties?: Record<string, JsonObject>
  }
  const required = new Set(location === 'path' ? Object.keys(schema.shape) : requiredKeys(json))

  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property

    return { name, in: location, required: required.has(name), description, schema: propertySchema }
  })
}

function requiredKeys(json: object): string[] {
  return 'required' in json && Array.isArray(json.required) ? (json.required as string[]) : []
}

function toContent(schema: z.ZodType, names: Map<z.ZodType, string>, required: boolean) {
  const name = names.get(schema)
  const jsonSchema = name ? { $ref: `#/components/schemas/${name}` } : convert(schema, 'output')

  return {
    ...(required ? { required } : {}),
    content: { 'application/json': { schema: jsonSchema } },
  }
}

function toErrorResponses(codes: readonly ApiErrorCode[]): JsonObject {
  const byStatus = new Map<number, ApiErrorCode[]>()

  for (const code of codes) {
    byStatus.set(API_ERRORS[code], [...(byStatus.get(API_ERRORS[code]) ?? []), code])
  }

  const content = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } }

  return Object.fromEntries(
    [...byStatus].map(([status, statusCodes]) => [
      String(status),
      {
        description: `Error: ${statusCodes.join(', ')}`,
        ...(status === API_ERRORS.too_many_attempts ? { headers: RETRY_AFTER } : {}),
        content,
      },
    ])
  )
}

function convertNamed(named: Record<string, z.ZodType>, io: 'input' | 'output'): JsonObject {
  const registry = z.registry<{ id: string }>()

  for (const [id, schema] of Object.entries(named)) {
    registry.add(schema, { id })
  }

  const converted = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  })

  return Object.fromEntries(
    Object.entries(converted.schemas).map(([id, json]) => [id, stripDialect(json)])
  )
}

function convert(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  return stripDialect(z.toJSONSchema(schema, { io, target: 'draft-2020-12' }))
}

// OpenAPI 3.1 sets the dialect for the whole document; per-schema ids would only confuse refs.
function stripDialect(json: object): JsonObject {
  const { $schema: _schema, $id: _id, ...rest } = json as JsonObject

  return rest
}
