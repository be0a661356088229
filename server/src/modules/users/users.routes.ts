import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse, IdParams, OkResponse } from '../../shared/schemas.ts';
import { usersPolicies as p } from './users.policy.ts';
import {
  CreateUserBody,
  SetPasswordBody,
  SetRolesBody,
  UpdateUserBody,
  UserView,
} from './users.schemas.ts';
import { createUsersService } from './users.service.ts';

const refusals = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
const tags = ['用户与角色'];

export function registerUsersRoutes(app: App, ctx: AppContext) {
  const users = createUsersService(ctx.db);

  app.get(
    '/api/users',
    {
      config: { policy: p.listUsers },
      schema: {
        tags,
        summary: '用户列表（本管理员范围内）',
        response: { 200: Type.Array(UserView), ...refusals },
      },
    },
    (request) => users.listUsers(principalOf(request)),
  );

  app.post(
    '/api/users',
    {
      config: { policy: p.createUser },
      schema: {
        tags,
        summary: '新增用户并授予角色',
        body: CreateUserBody,
        response: { 201: UserView, ...refusals },
      },
    },
    async (request, reply) => {
      const user = await users.createUser(principalOf(request), actorOf(request), request.body);
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { policy: p.updateUser },
      schema: {
        tags,
        summary: '修改用户（停用后立即失去登录状态）',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserView, ...refusals },
      },
    },
    (request) =>
      users.updateUser(principalOf(request), actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/users/:id/roles',
    {
      config: { policy: p.setRoles },
      schema: {
        tags,
        summary: '设置用户角色',
        params: IdParams,
        body: SetRolesBody,
        response: { 200: UserView, ...refusals },
      },
    },
    (request) =>
      users.setRoles(principalOf(request), actorOf(request), request.params.id, request.body.roles),
  );

  app.put(
    '/api/users/:id/password',
    {
      config: { policy: p.setPassword },
      schema: {
        tags,
        summary: '重置用户密码（其登录状态随之失效）',
        params: IdParams,
        body: SetPasswordBody,
        response: { 200: OkResponse, ...refusals },
      },
    },
    async (request) => {
      await users.setPassword(
        principalOf(request),
        actorOf(request),
        request.params.id,
        request.body.password,
      );
      return { ok: true as const };
    },
  );
}
