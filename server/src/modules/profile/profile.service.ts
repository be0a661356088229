// Jurisdiction rules for an agency: the deployment's profile, stricter-wins against the national
// guideline, then the agency's own overrides. Overrides are judged against the profile's value
// (never against an earlier override, which the newest one replaces): tightening is open to the
// agency's head and to administrators; loosening only to administrators, only back to the value
// the local document states, and always with a recorded reason.
import type { Kysely } from 'kysely';
import type { ProfileId } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import {
  canActOnAgency,
  requireAgencyScope,
  type Actor,
  type Principal,
  type RoutePolicy,
} from '../../shared/policy.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { PROFILES, STATUTE } from './profiles/index.ts';
import type { Profile } from './profile.model.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import { profilePolicies } from './profile.policy.ts';
import { profileRepository as repo, type StoredOverride } from './profile.repository.ts';
import {
  judgeListOverride,
  judgeScalarOverride,
  resolveBase,
  resolveRules,
  type ActiveOverride,
  type EffectiveRules,
} from './profile.resolve.ts';
import { findRuleSpec, type RuleKey } from './profile.rules.ts';
import { SOURCE_DOCUMENTS } from './profile.sources.ts';

export interface OverrideInput {
  rule: RuleKey;
  value: unknown;
  reason: string;
}

/** The override in force per rule: the newest row, unless that row withdrew it. */
export function activeOverrides(history: readonly StoredOverride[]): ActiveOverride[] {
  const newest = new Map<string, StoredOverride>();
  for (const row of history) {
    const seen = newest.get(row.rule);
    if (!seen || row.seq > seen.seq) newest.set(row.rule, row);
  }
  return [...newest.values()].flatMap((row) =>
    row.kind === 'withdraw'
      ? []
      : [
          {
            id: row.id,
            rule: row.rule,
            value: row.value,
            kind: row.kind,
            reason: row.reason,
            actorName: row.actorName,
            createdAt: row.createdAt.toISOString(),
          },
        ],
  );
}

/**
 * The rules in force for an agency, for other modules: `rules.disclosure.penaltyDecision.effective`.
 * `profileId` is the deployment's (ctx.config.PROFILE). No scope check: callers act for the agency.
 */
export async function getEffectiveRules(
  db: Kysely<Database>,
  agencyId: string,
  profileId: ProfileId,
): Promise<EffectiveRules> {
  const history = await repo.listOverrides(db, agencyId);
  return resolveRules(PROFILES[profileId], activeOverrides(history));
}

function summarise(profile: Profile, deployed: ProfileId) {
  return {
    id: profile.id,
    name: profile.name,
    version: profile.version,
    effectiveFrom: profile.effectiveFrom,
    validUntil: profile.validUntil?.value ?? null,
    inherits: profile.inherits,
    isDeployed: profile.id === deployed,
    sources: profile.sources.map((key) => SOURCE_DOCUMENTS[key]),
  };
}

function toView(row: StoredOverride, isActive: boolean) {
  return {
    id: row.id,
    agencyId: row.agencyId,
    rule: row.rule,
    ruleLabel: findRuleSpec(row.rule)?.spec.label ?? row.rule,
    kind: row.kind,
    value: row.value,
    reason: row.reason,
    profileId: row.profileId,
    profileVersion: row.profileVersion,
    actorName: row.actorName,
    createdAt: row.createdAt.toISOString(),
    isActive,
  };
}

export function createProfileService(db: Kysely<Database>, deployed: ProfileId) {
  const profile = PROFILES[deployed];

  async function scopedAgency(principal: Principal, policy: RoutePolicy, agencyId: string) {
    const target = await requireAgencyTarget(db, agencyId);
    requireAgencyScope(principal, policy, target);
    return target;
  }

  return {
    listProfiles() {
      return {
        deployed,
        items: Object.values(PROFILES).map((p) => summarise(p, deployed)),
      };
    },

    getProfile(id: string) {
      const found = Object.values(PROFILES).find((p) => p.id === id);
      if (!found) throw new AppError('NOT_FOUND', { message: '辖区规则包不存在' });
      return {
        ...summarise(found, deployed),
        validUntilSource: found.validUntil?.source ?? null,
        statute: STATUTE,
        rules: found.rules,
      };
    },

    async getAgencyRules(principal: Principal, agencyId: string) {
      await scopedAgency(principal, profilePolicies.readAgencyRules, agencyId);
      return { agencyId, ...(await getEffectiveRules(db, agencyId, deployed)) };
    },

    async listOverrides(principal: Principal, agencyId: string) {
      await scopedAgency(principal, profilePolicies.listOverrides, agencyId);
      const history = await repo.listOverrides(db, agencyId);
      const active = activeOverrides(history);
      return {
        items: history.map((row) =>
          toView(
            row,
            active.some((a) => a.id === row.id),
          ),
        ),
      };
    },

    async createOverride(
      principal: Principal,
      actor: Actor,
      agencyId: string,
      input: OverrideInput,
    ) {
      const reason = input.reason.trim();
      if (reason === '') throw new AppError('OVERRIDE_REASON_REQUIRED');
      const target = await scopedAgency(principal, profilePolicies.createOverride, agencyId);
      const isAdmin = canActOnAgency(principal, profilePolicies.loosenRule, target);

      return db.transaction().execute(async (trx) => {
        await repo.lockAgency(trx, agencyId);
        const current = activeOverrides(await repo.listOverrides(trx, agencyId)).find(
          (o) => o.rule === input.rule,
        );
        const { spec, base } = resolveBase(profile, input.rule);
        let kind: StoredOverride['kind'];
        if (input.value === null) {
          if (!current) throw new AppError('RULE_OVERRIDE_NOT_ACTIVE');
          // Withdrawing a tightening loosens the rule back to the profile's value.
          if (current.kind === 'tighten' && !isAdmin) throw new AppError('RULE_LOOSEN_FORBIDDEN');
          kind = 'withdraw';
        } else {
          const judgement =
            spec.shape === 'scalar' && base.shape === 'scalar'
              ? judgeScalarOverride(spec, base, input.value)
              : spec.shape === 'list' && base.shape === 'list'
                ? judgeListOverride(spec, base, input.value)
                : { error: 'not_overridable' as const, details: {} };
          if ('error' in judgement) {
            const details = { rule: input.rule, ...judgement.details };
            switch (judgement.error) {
              case 'not_overridable':
                throw new AppError('VALIDATION_FAILED', {
                  message: '该规则不能由机构调整',
                  details,
                });
              case 'invalid_value':
                throw new AppError('RULE_VALUE_INVALID', { details });
              case 'incomparable':
                throw new AppError('RULE_VALUE_INVALID', {
                  message: '无法判断该取值是否严于现行规则，请使用与现行规则相同的单位',
                  details,
                });
              case 'loosen_beyond_declared':
                if (!isAdmin) throw new AppError('RULE_LOOSEN_FORBIDDEN', { details });
                throw new AppError('RULE_LOOSEN_LIMIT', { details });
            }
          }
          if (judgement.kind === 'loosen' && !isAdmin) {
            throw new AppError('RULE_LOOSEN_FORBIDDEN', { details: { rule: input.rule } });
          }
          kind = judgement.kind;
        }

        const row = await repo.insertOverride(trx, actor, {
          agencyId,
          rule: input.rule,
          kind,
          value: input.value,
          reason,
          profileId: profile.id,
          profileVersion: profile.version,
        });
        await appendLedgerEntry(trx, actor, {
          kind: 'profile.override.recorded',
          subjectType: 'profile_override',
          subjectId: row.id,
          agencyId,
          payload: {
            rule: row.rule,
            kind,
            value: row.value,
            reason,
            profileId: profile.id,
            profileVersion: profile.version,
            profileValue: base.effective,
            replaces: current?.id ?? null,
          },
        });
        return toView(row, kind !== 'withdraw');
      });
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
