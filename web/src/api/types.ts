import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M & keyof paths[P]]>;
type Json<C> = C extends { content: { 'application/json': infer T } } ? T : never;

/** The JSON a path answers with on success (200, 201 or 202). */
export type ApiResponse<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer R } ? Json<R[Extract<keyof R, 200 | 201 | 202>]> : never;

/** The JSON body a path accepts. */
export type ApiBody<P extends keyof paths, M extends Method = 'post'> = Json<
  NonNullable<Operation<P, M> extends { requestBody?: infer B } ? B : never>
>;

/** The query parameters a path accepts. */
export type ApiQuery<P extends keyof paths, M extends Method = 'get'> = NonNullable<
  Operation<P, M> extends { parameters: { query?: infer Q } } ? Q : never
>;
