import {
  MAX_BULK_DELETE,
  MAX_PAGE_SIZE,
  MAX_PASSWORD_LENGTH,
  MAX_SEARCH_LENGTH,
  MIN_PASSWORD_LENGTH,
  ROLES,
  SESSION_TYPES,
  SORT_FIELDS,
  USERNAME_PATTERN,
  isWellFormedId,
} from '@keep/core'
import * as z from 'zod'

import { PASSWORD_RULE } from '../auth/accounts'
import { API_ERROR_CODES } from './errors'

// The wire format of the API. Validators, the OpenAPI document and the SDK's type tests all
// read these same schemas, so there is no second copy to drift.

const ID_RULE = 'must be a session id (26 characters, a-z and 2-7)'
const LIMIT_RULE = `must be a whole number from 1 to ${MAX_PAGE_SIZE}`
const USERNAME_RULE =
  'must be 1 to 64 characters: letters, digits, dots, underscores, @ or hyphens, starting with a letter or digit'

/** A user's role: admins may use the admin API. */
export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>

/** The channel a session was opened through. */
export const SessionType = z.enum(SESSION_TYPES, {
  error: `must be one of ${SESSION_TYPES.join(', ')}`,
})
export type SessionType = z.infer<typeof SessionType>

/** The columns the session list sorts by. */
export const SessionSort = z.enum(SORT_FIELDS, {
  error: `must be one of ${SORT_FIELDS.join(', ')}`,
})
export type SessionSort = z.infer<typeof SessionSort>

/** Ascending or descending. */
export const SortOrder = z.enum(['asc', 'desc'], { error: 'must be asc or desc' })
export type SortOrder = z.infer<typeof SortOrder>

/** A session id as the API accepts it in paths and bodies. */
export const SessionId = z
  .string({ error: ID_RULE })
  .length(26, ID_RULE)
  .refine(isWellFormedId, ID_RULE)
  .meta({ description: 'An opaque session id; not the token, and it reveals none.' })

const Timestamp = z.iso.datetime().meta({ description: 'ISO-8601 UTC' })

const Count = z.number().int().min(0)

/** A user as the API shows it: never the password hash. */
export const User = z.object({ id: z.string(), username: z.string(), role: Role })
export type User = z.infer<typeof User>

/** `GET /me`: the caller and the session it called with. */
export const Me = z.object({
  user: User,
  session: z.object({ id: z.string(), type: SessionType }),
})
export type Me = z.infer<typeof Me>

/** `POST /auth/login` body. */
export const LoginBody = z.object({
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  cookie: z
    .boolean()
    .optional()
    .meta({ description: 'Keep the token in an HttpOnly cookie instead of the response body.' }),
})
export type LoginBody = z.infer<typeof LoginBody>

/** `POST /auth/login` answer: the token only when no cookie was asked for. */
export const LoginResult = z.object({
  token: z.string().optional().meta({ description: 'Absent when the cookie was asked for.' }),
  user: User,
})
export type LoginResult = z.infer<typeof LoginResult>

/** `POST /admin/users` body, held to the domain's username and password rules. */
export const CreateUserBody = z.object({
  username: z.string().regex(USERNAME_PATTERN, USERNAME_RULE),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be ${PASSWORD_RULE}`)
    .max(MAX_PASSWORD_LENGTH, `must be ${PASSWORD_RULE}`),
  role: Role,
})
export type CreateUserBody = z.infer<typeof CreateUserBody>

/** One row of the Active Sessions table. */
export const SessionItem = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  type: SessionType,
  address: z.string(),
  serverName: z.string(),
  userAgent: z.string(),
  createdAt: Timestamp,
  lastActiveAt: Timestamp,
  own: z.boolean().meta({ description: "True for the acting admin's own sessions." }),
})
export type SessionItem = z.infer<typeof SessionItem>

/** `GET /admin/sessions` answer. */
export const SessionPage = z.object({
  items: z.array(SessionItem),
  nextCursor: z.string().nullable().meta({ description: 'Null on the last page.' }),
})
export type SessionPage = z.infer<typeof SessionPage>

/** `GET /admin/sessions/stats` answer: active users, active sessions, sessions per type. */
export const SessionStats = z.object({
  activeUsers: Count,
  activeSessions: Count,
  byType: z.object({
    rest: Count,
    browser: Count,
    other: Count,
  } satisfies Record<SessionType, typeof Count>),
})
export type SessionStats = z.infer<typeof SessionStats>

/** `GET /admin/sessions` query; core's parseListQuery has the last word on it. */
export const ListSessionsQuery = z.object({
  type: SessionType.optional(),
  q: z
    .string()
    .max(MAX_SEARCH_LENGTH)
    .optional()
    .meta({ description: 'Case-insensitive part of a username or address.' }),
  sort: SessionSort.optional(),
  order: SortOrder.optional(),
  limit: z.coerce
    .number<string>({ error: LIMIT_RULE })
    .int(LIMIT_RULE)
    .min(1, LIMIT_RULE)
    .max(MAX_PAGE_SIZE, LIMIT_RULE)
    .optional(),
  cursor: z.string().optional().meta({ description: 'The nextCursor of the previous page.' }),
})
export type ListSessionsQuery = z.infer<typeof ListSessionsQuery>

/** `DELETE /admin/sessions/{id}` path. */
export const SessionIdParam = z.object({ id: SessionId })

/** `POST /admin/sessions/delete` body: from 1 to MAX_BULK_DELETE ids. */
export const BulkDeleteBody = z.object({
  ids: z
    .array(SessionId)
    .min(1, 'must name at least one session')
    .max(MAX_BULK_DELETE, `must name at most ${MAX_BULK_DELETE} sessions`),
})
export type BulkDeleteBody = z.infer<typeof BulkDeleteBody>

/** `POST /admin/sessions/delete` answer: each requested id lands in exactly one list. */
export const BulkDeleteResult = z.object({
  deleted: z.array(z.string()),
  refused: z.array(z.object({ id: z.string(), reason: z.literal('own_session') })),
  notFound: z.array(z.string()),
})
export type BulkDeleteResult = z.infer<typeof BulkDeleteResult>

/** The body of every error answer. */
export const ErrorResponse = z.object({
  error: z.object({ code: z.enum(API_ERROR_CODES), message: z.string() }),
})
export type ErrorResponse = z.infer<typeof ErrorResponse>
