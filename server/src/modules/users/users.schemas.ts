import { Type, type Static } from 'typebox';
import { ROLES } from '../../shared/policy.ts';
import { Name, StrictObject, Uuid } from '../../shared/schemas.ts';

const Username = Type.String({ pattern: '^[a-z][a-z0-9_.-]{2,31}$', description: '登录名' });
const Password = Type.String({ minLength: 1, maxLength: 256 });

export const RoleGrantBody = StrictObject({
  role: Type.Enum(ROLES),
  agencyId: Type.Union([Uuid, Type.Null()]),
  regionId: Type.Union([Uuid, Type.Null()]),
});
export type RoleGrantInput = Static<typeof RoleGrantBody>;

const Roles = Type.Array(RoleGrantBody, { minItems: 1, maxItems: 20 });

export const UserView = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  personId: Type.Union([Uuid, Type.Null()]),
  isActive: Type.Boolean(),
  roles: Type.Array(
    Type.Object({
      role: Type.Enum(ROLES),
      agencyId: Type.Union([Uuid, Type.Null()]),
      regionId: Type.Union([Uuid, Type.Null()]),
    }),
  ),
});
export type UserView = Static<typeof UserView>;

export const CreateUserBody = StrictObject({
  username: Username,
  displayName: Name,
  password: Password,
  personId: Type.Union([Uuid, Type.Null()]),
  roles: Roles,
});
export type CreateUserInput = Static<typeof CreateUserBody>;

export const UpdateUserBody = StrictObject(
  { displayName: Type.Optional(Name), isActive: Type.Optional(Type.Boolean()) },
  { minProperties: 1 },
);
export type UpdateUserInput = Static<typeof UpdateUserBody>;

export const SetRolesBody = StrictObject({ roles: Roles });
export const SetPasswordBody = StrictObject({ password: Password });
