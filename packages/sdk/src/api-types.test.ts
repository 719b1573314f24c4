import type * as api from '@keep/api'
import { describe, expectTypeOf, it } from 'vitest'
import type * as z from 'zod'

import type { KeepErrorCode } from './errors.js'
import type { KeepClient } from './keep-client.js'
import type {
  BulkDeleteResult,
  CookieLoginResult,
  ListSessionsQuery,
  LoginCredentials,
  LoginOptions,
  LoginResult,
  Me,
  NewUser,
  Role,
  SessionItem,
  SessionPage,
  SessionSort,
  SessionStats,
  SessionType,
  SortOrder,
  User,
} from './types.js'

// The SDK declares the wire shapes itself, so that it ships without the API and zod; these
// checks, run by the type check, fail as soon as the API's schemas and the SDK part ways.
// Responses are what the schemas output; requests are what they accept as input.

type Flatten<T> = { [K in keyof T]: T[K] }

describe('the SDK types follow the API schemas', () => {
  it('for the names', () => {
    expectTypeOf<Role>().toEqualTypeOf<z.output<typeof api.Role>>()
    expectTypeOf<SessionType>().toEqualTypeOf<z.output<typeof api.SessionType>>()
    expectTypeOf<SessionSort>().toEqualTypeOf<z.output<typeof api.SessionSort>>()
    expectTypeOf<SortOrder>().toEqualTypeOf<z.output<typeof api.SortOrder>>()
  })

  it('for the answers', () => {
    expectTypeOf<User>().toEqualTypeOf<z.output<typeof api.User>>()
    expectTypeOf<Me>().toEqualTypeOf<z.output<typeof api.Me>>()
    expectTypeOf<SessionItem>().toEqualTypeOf<z.output<typeof api.SessionItem>>()
    expectTypeOf<SessionPage>().toEqualTypeOf<z.output<typeof api.SessionPage>>()
    expectTypeOf<SessionStats>().toEqualTypeOf<z.output<typeof api.SessionStats>>()
    expectTypeOf<BulkDeleteResult>().toEqualTypeOf<z.output<typeof api.BulkDeleteResult>>()
  })

  it('for the two kinds of log-in answer', () => {
    type ApiLoginResult = z.output<typeof api.LoginResult>

    expectTypeOf<LoginResult>().toEqualTypeOf<Flatten<Required<ApiLoginResult>>>()
    expectTypeOf<CookieLoginResult>().toEqualTypeOf<Flatten<Omit<ApiLoginResult, 'token'>>>()
  })

  it('for the requests', () => {
    type ApiQuery = z.input<typeof api.ListSessionsQuery>

    expectTypeOf<Flatten<LoginCredentials & LoginOptions>>().toEqualTypeOf<
      z.input<typeof api.LoginBody>
    >()
    expectTypeOf<NewUser>().toEqualTypeOf<z.input<typeof api.CreateUserBody>>()
    expectTypeOf<Flatten<Omit<ListSessionsQuery, 'limit'>>>().toEqualTypeOf<
      Flatten<Omit<ApiQuery, 'limit'>>
    >()
    // The URL carries limit as text; the SDK takes the number the server reads from it.
    expectTypeOf<ListSessionsQuery['limit']>().toEqualTypeOf<
      z.output<typeof api.ListSessionsQuery>['limit']
    >()
    expectTypeOf<{ ids: string[] }>().toEqualTypeOf<z.input<typeof api.BulkDeleteBody>>()
    expectTypeOf<Parameters<KeepClient['deleteSessions']>[0]>().toEqualTypeOf<readonly string[]>()
  })

  it('for the error codes', () => {
    expectTypeOf<KeepErrorCode>().toEqualTypeOf<keyof typeof api.API_ERRORS>()
    expectTypeOf<KeepErrorCode>().toEqualTypeOf<
      z.output<typeof api.ErrorResponse>['error']['code']
    >()
  })
})
