import { Type } from 'typebox';
import { ROLES } from '../../shared/policy.ts';
import { StrictObject, Uuid } from '../../shared/schemas.ts';

export const LoginBody = StrictObject({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});

export const RoleName = Type.Enum(ROLES);

export const SessionView = Type.Object({
  user: Type.Object({ id: Uuid, username: Type.String(), displayName: Type.String() }),
  roles: Type.Array(
    Type.Object({
      role: RoleName,
      roleLabel: Type.String(),
      agencyId: Type.Union([Uuid, Type.Null()]),
      agencyName: Type.Union([Type.String(), Type.Null()]),
      regionId: Type.Union([Uuid, Type.Null()]),
      regionName: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  agency: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
});
