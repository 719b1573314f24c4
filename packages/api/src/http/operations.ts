import type * as z from 'zod'

import type { ApiErrorCode } from './errors'
import {
  BulkDeleteBody,
  BulkDeleteResult,
  CreateUserBody,
  ListSessionsQuery,
  LoginBody,
  LoginResult,
  Me,
  SessionIdParam,
  SessionPage,
  SessionStats,
  User,
} from './schemas'

export type Access = 'public' | 'session' | 'admin'

/** One route as the OpenAPI document describes it, pointing at the schemas its validators use. */
export interface Operation {
  readonly method: 'get' | 'post' | 'delete'
  /** The route path below the base path, in Hono's `:param` form. */
  readonly path: string
  readonly summary: string
  readonly access: Access
  readonly params?: z.ZodObject
  readonly query?: z.ZodObject
  readonly body?: z.ZodType
  readonly success: {
    readonly status: number
    readonly schema?: z.ZodType
    readonly description: string
  }
  /** Errors particular to this route; those of access, body and the store are added for it. */
  readonly errors?: readonly ApiErrorCode[]
}

/**
 * Every route, by name. The routes take their validators and success status from here, so the
 * OpenAPI document describes exactly what they check and answer.
 */
export const OPERATIONS = {
  login: {
    method: 'post',
    path: '/auth/login',
    summary: 'Log in and open a REST API session',
    access: 'public',
    body: LoginBody,
    success: { status: 200, schema: LoginResult, description: 'Logged in' },
    errors: ['invalid_credentials', 'too_many_attempts', 'csrf_rejected', 'service_unavailable'],
  },
  logout: {
    method: 'post',
    path: '/auth/logout',
    summary: "End the caller's session",
    access: 'session',
    success: { status: 204, description: 'Logged out' },
  },
  me: {
    method: 'get',
    path: '/me',
    summary: 'The caller and its session',
    access: 'session',
    success: { status: 200, schema: Me, description: 'The caller' },
  },
  createUser: {
    method: 'post',
    path: '/admin/users',
    summary: 'Create a user',
    access: 'admin',
    body: CreateUserBody,
    success: { status: 201, schema: User, description: 'Created' },
    errors: ['username_taken'],
  },
  sessionStats: {
    method: 'get',
    path: '/admin/sessions/stats',
    summary: 'Count active users and sessions',
    access: 'admin',
    success: { status: 200, schema: SessionStats, description: 'The counts' },
  },
  listSessions: {
    method: 'get',
    path: '/admin/sessions',
    summary: 'List active sessions, one page at a time',
    access: 'admin',
    query: ListSessionsQuery,
    success: { status: 200, schema: SessionPage, description: 'One page' },
    errors: ['invalid_request'],
  },
  deleteSession: {
    method: 'delete',
    path: '/admin/sessions/:id',
    summary: "Delete another user's session",
    access: 'admin',
    params: SessionIdParam,
    success: { status: 204, description: 'Deleted' },
    errors: ['invalid_request', 'not_found', 'own_session'],
  },
  deleteSessions: {
    method: 'post',
    path: '/admin/sessions/delete',
    summary: 'Delete several sessions; report what was deleted, refused and already gone',
    access: 'admin',
    body: BulkDeleteBody,
    success: { status: 200, schema: BulkDeleteResult, description: 'What happened to each id' },
  },
  openApi: {
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    access: 'public',
    success: { status: 200, description: 'OpenAPI 3.1' },
  },
} as const satisfies Record<string, Operation>

export type OperationName = keyof typeof OPERATIONS

/** The error codes a route can answer with. */
export function getOperationErrors(operation: Operation): ApiErrorCode[] {
  const codes = new Set<ApiErrorCode>(operation.errors)

  if (operation.access !== 'public') {
    addAll(codes, ['unauthenticated', 'service_unavailable'])
  }

  if (operation.access === 'admin') {
    codes.add('forbidden')
  }

  if (operation.access !== 'public' && operation.method !== 'get') {
    codes.add('csrf_rejected')
  }

  if (operation.body) {
    addAll(codes, ['invalid_request', 'payload_too_large', 'unsupported_media_type'])
  }

  codes.add('internal_error')

  return [...codes]
}

function addAll(codes: Set<ApiErrorCode>, more: readonly ApiErrorCode[]) {
  for (const code of more) codes.add(code)
}
