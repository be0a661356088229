// Login, logout and session lookup. Throttling state lives in the database, not in a process, so
// that N processes behind a load balancer throttle as one.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Config } from '../../config.ts';
import { AppError } from '../../shared/errors.ts';
import type { Principal } from '../../shared/policy.ts';
import type { AuthRepository } from './auth.repository.ts';

export const SESSION_COOKIE = 'sx_session';

// @node-rs/argon2 exports its Algorithm as a const enum, which isolated modules cannot read;
// 2 is Algorithm.Argon2id.
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// Verifying against a real hash when the user does not exist keeps response times alike, so that
// timing does not reveal which usernames exist.
const decoyHash = hashPassword(randomBytes(16).toString('hex'));

export function createAuthService(repo: AuthRepository, config: Config) {
  const windowMs = config.LOGIN_WINDOW_MINUTES * 60_000;
  // One address may serve a whole office behind NAT, so it gets more room than one username.
  const maxFailuresPerIp = config.LOGIN_MAX_FAILURES * 4;

  return {
    async login(input: {
      username: string;
      password: string;
      ip: string;
      userAgent: string | null;
    }): Promise<{ token: string; expiresAt: Date }> {
      const now = new Date();
      const failures = await repo.countRecentFailures(
        input.username,
        input.ip,
        new Date(now.getTime() - windowMs),
      );
      if (failures.byUser >= config.LOGIN_MAX_FAILURES || failures.byIp >= maxFailuresPerIp) {
        throw new AppError('LOGIN_THROTTLED', {
          message: `登录失败次数过多，请 ${config.LOGIN_WINDOW_MINUTES} 分钟后再试`,
          details: { retryAfterMinutes: config.LOGIN_WINDOW_MINUTES },
        });
      }
      const user = await repo.findUserByUsername(input.username);
      const isPasswordRight = await verifyPassword(
        user?.passwordHash ?? (await decoyHash),
        input.password,
      );
      if (!user || !isPasswordRight) {
        await repo.recordAttempt(input.username, input.ip, false);
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (!user.isActive) throw new AppError('ACCOUNT_DISABLED');

      await repo.recordAttempt(input.username, input.ip, true);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + config.SESSION_TTL_HOURS * 3_600_000);
      await repo.createSession({
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt,
        ip: input.ip,
        userAgent: input.userAgent,
      });
      return { token, expiresAt };
    },

    async logout(token: string): Promise<void> {
      await repo.deleteSession(hashToken(token));
    },

    async principalForToken(token: string): Promise<Principal | undefined> {
      return repo.findPrincipalBySession(hashToken(token), new Date());
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
