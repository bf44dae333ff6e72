import type { Resolvers } from '../__generated__/graphql.js';
import * as users from './users.service.js';

const credentialKinds = { 'admin-token': 'ADMIN_TOKEN', session: 'SESSION', 'api-token': 'API_TOKEN', system: 'ADMIN_TOKEN' } as const;

export const userResolvers: Resolvers = {
  Query: {
    me: (_parent, _args, ctx) => users.me(ctx),
    users: (_parent, args, ctx) => users.list(ctx, args),
  },
  Mutation: {
    login: (_parent, { email, password }, ctx) => users.login(ctx, email, password),
    logout: (_parent, _args, ctx) => users.logout(ctx),
    changePassword: (_parent, { currentPassword, newPassword }, ctx) => users.changePassword(ctx, currentPassword, newPassword),
    createUser: (_parent, { input }, ctx) => users.create(ctx, input),
    updateUser: (_parent, { id, input }, ctx) => users.update(ctx, id, input),
  },
  Me: {
    kind: (viewer) => credentialKinds[viewer.kind],
    user: (viewer, _args, ctx) => users.userOf(ctx, viewer),
  },
  User: {
    disabled: (user) => user.disabledAt !== null,
  },
};
