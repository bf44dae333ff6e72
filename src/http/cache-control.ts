/**
 * HTTP caching for the API: public reads of published content may be kept by browsers and CDNs
 * (with stale-while-revalidate, so an expired copy is served while a fresh one is fetched);
 * anything sent with a credential, any mutation and any answer with errors is `private, no-store`.
 * Preview needs a credential, so a draft can never land in a shared cache.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';

/** How long a shared cache may serve a public answer as fresh, in seconds. */
export const PUBLIC_MAX_AGE_SECONDS = 60;
/** How long after that it may serve it stale while it fetches a fresh one, in seconds. */
export const STALE_WHILE_REVALIDATE_SECONDS = 300;

export const PUBLIC_CACHE_CONTROL = `public, max-age=${PUBLIC_MAX_AGE_SECONDS}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_SECONDS}`;
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

export function cacheControlPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operation }) {
          const failed = response.body.kind !== 'single' || Boolean(response.body.singleResult.errors?.length);
          const publicRead = operation?.operation === 'query' && contextValue.viewer === null && !failed;
          response.http.headers.set('cache-control', publicRead ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL);
          // A shared cache must not hand the public's answer to a request with a credential.
          response.http.headers.set('vary', 'authorization');
        },
      };
    },
  };
}
