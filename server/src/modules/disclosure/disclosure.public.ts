// What the public reads: published decisions (search, detail, the ledger record of a publication)
// and the pre-disclosure catalogue. Decisions come only from the disclosure tables; the
// catalogue from public columns of org, people and powers. Display periods end by date alone.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { leafDataOf } from '../ledger/ledger.entry.ts';
import { hashLeaf } from '../ledger/crypto/merkle.ts';
import { sm3, toHex } from '../ledger/crypto/hash.ts';
import { credentialValidity } from '../people/people.repository.ts';
import { POWER_CATEGORY_LABELS, type ServiceGuide } from '../powers/powers.schemas.ts';
import { catalogueRepository as catalogue } from './disclosure.catalogue.repository.ts';
import { disclosureRepository as repo } from './disclosure.repository.ts';
import { disclosureReadRepository as reads } from './disclosure.read.repository.ts';
import { parseQuery } from './disclosure.search.ts';
import type { DisclosureCategory } from './disclosure.tables.ts';
import { toDecisionView } from './disclosure.view.ts';

const EMPTY_GUIDE: ServiceGuide = {
  acceptingBody: '',
  approvingBody: '',
  conditions: '',
  materials: [],
  supervision: '',
  remedy: '',
  officeHours: '',
  address: '',
  phone: '',
};

export const VALIDITY_LABELS = {
  valid: '有效',
  suspended: '暂扣',
  revoked: '已注销',
  expired: '已过期',
} as const;

export interface DecisionQuery {
  q?: string | undefined;
  agency?: string | undefined;
  category?: DisclosureCategory | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

interface Paging {
  page?: number | undefined;
  pageSize?: number | undefined;
}

function paging(p: Paging) {
  const pageSize = p.pageSize ?? 20;
  return { limit: pageSize, offset: ((p.page ?? 1) - 1) * pageSize };
}

function toPublicAgency(a: Awaited<ReturnType<typeof catalogue.listAgencies>>[number]) {
  return {
    id: a.id,
    name: a.name,
    shortName: a.short_name,
    creditCode: a.credit_code,
    region: a.region_name,
    lawAreas: a.law_areas,
    jurisdictionArea: a.jurisdiction_area,
    address: a.address,
    postcode: a.postcode,
    phone: a.phone,
    email: a.email,
    supervisionPhone: a.supervision_phone,
  };
}

export function createPublicDisclosureService(
  db: Kysely<Database>,
  options: { clock: () => Date },
) {
  const today = () => chinaToday(options.clock());

  return {
    async listDecisions(query: DecisionQuery) {
      if (query.from && query.to && query.to < query.from) throw new AppError('INVALID_DATE_RANGE');
      const { total, totalIsLowerBound, rows } = await reads.searchDecisions(db, {
        terms: parseQuery(query.q),
        agencyId: query.agency,
        category: query.category,
        from: query.from,
        to: query.to,
        today: today(),
        ...paging(query),
      });
      return { total, totalIsLowerBound, items: rows.map(toDecisionView) };
    },

    async latestChanges(limit: number) {
      return (await reads.latestChanged(db, today(), limit)).map(toDecisionView);
    },

    async getDecision(id: string) {
      const row = await repo.findDecision(db, id);
      if (!row) throw new AppError('DISCLOSURE_NOT_FOUND');
      if (row.display_until !== null && row.display_until < today()) {
        throw new AppError('DECISION_DISPLAY_ENDED');
      }
      return toDecisionView(row);
    },

    /** The publication history of a decision: event, date, reason and ledger index of each. */
    async history(id: string) {
      const events = await repo.listEvents(db, id);
      return events.map((e) => ({
        event: e.event,
        at: e.at.toISOString(),
        reason: e.reason,
        ledgerIndex: e.ledger_index,
      }));
    },

    /** The whole ledger entry of the decision's latest publication event, for re-hashing. */
    async publicationRecord(id: string) {
      const decision = await this.getDecision(id);
      const entry = await reads.publicationEntry(db, id, decision.ledgerIndex);
      if (!entry || entry.leaf_index === null || !entry.payload_hash || !entry.prev_hash) {
        throw new AppError('DISCLOSURE_NOT_FOUND');
      }
      const leaf = {
        leafIndex: entry.leaf_index,
        kind: entry.kind,
        agencyId: entry.agency_id,
        caseId: null,
        subjectType: entry.subject_type,
        subjectId: id,
        actor: { userId: entry.actor_user_id, name: entry.actor_name, ip: null, userAgent: null },
        recordedAt: entry.recorded_at.toISOString(),
        payloadHash: entry.payload_hash,
        prevHash: entry.prev_hash,
      };
      return {
        leafIndex: entry.leaf_index,
        leaf: { v: 1 as const, ...leaf },
        payload: entry.payload,
        leafHash: toHex(hashLeaf(sm3, leafDataOf(leaf))),
      };
    },

    async agencies() {
      const items = (await catalogue.listAgencies(db)).map(toPublicAgency);
      return { total: items.length, items };
    },

    /** Everything 事前公开 says about one agency, for its portal page. */
    async agencyProfile(agencyId: string) {
      const [agency] = await catalogue.listAgencies(db, agencyId);
      if (!agency) throw new AppError('NOT_FOUND', { message: '执法主体不存在' });
      const all = { page: 1, pageSize: 100 };
      const [units, entrustments, supervisors, officers, powers, guides, checks] =
        await Promise.all([
          catalogue.listUnits(db, agencyId),
          catalogue.listEntrustments(db, agencyId),
          catalogue.listSupervisors(db),
          this.officers({ agency: agencyId, ...all }),
          this.powers({ agency: agencyId, ...all }),
          this.serviceGuides({ agency: agencyId, ...all }),
          this.randomChecks({ agency: agencyId, ...all }),
        ]);
      return {
        agency: toPublicAgency(agency),
        units: units.map((u) => ({ name: u.name, kind: u.kind, phone: u.phone })),
        entrustments: entrustments.map((e) => ({
          name: e.entrusted_name,
          creditCode: e.entrusted_credit_code,
          matters: e.matters,
          legalBasis: e.legal_basis,
          terms: e.terms,
          startsOn: e.starts_on,
          endsOn: e.ends_on,
          status: e.status,
        })),
        supervisors: supervisors.map((s) => ({
          name: s.name,
          address: s.address,
          postcode: s.postcode,
          phone: s.supervision_phone ?? s.phone,
          email: s.email,
        })),
        officers: officers.items,
        powers: powers.items,
        serviceGuides: guides.items,
        randomChecks: checks.items,
      };
    },

    async officers(query: { q?: string | undefined; agency?: string | undefined } & Paging) {
      const { total, rows } = await catalogue.listOfficers(db, {
        agencyId: query.agency,
        q: query.q,
        ...paging(query),
      });
      const day = today();
      return {
        total,
        items: rows.map((r) => {
          const validity = credentialValidity(r, day);
          return {
            name: r.name,
            agency: r.agency_name,
            agencyId: r.agency_id,
            credentialNo: r.credential_no,
            credentialKind: r.kind === 'enforcement' ? '行政执法证' : '行政执法监督证',
            lawAreas: r.law_areas,
            issuingAuthority: r.issuing_authority,
            issuedOn: r.issued_on,
            expiresOn: r.expires_on,
            validity,
            validityLabel: VALIDITY_LABELS[validity],
          };
        }),
      };
    },

    async credential(credentialNo: string) {
      const r = await catalogue.findCredential(db, credentialNo);
      if (!r) throw new AppError('CREDENTIAL_NOT_FOUND');
      // A person who left the agency no longer holds a usable credential, whatever its dates.
      const validity = r.is_active ? credentialValidity(r, today()) : 'revoked';
      return {
        credentialNo: r.credential_no,
        name: r.name,
        agency: r.agency_name,
        agencyId: r.agency_id,
        credentialKind: r.kind === 'enforcement' ? '行政执法证' : '行政执法监督证',
        lawAreas: r.law_areas,
        issuingAuthority: r.issuing_authority,
        issuedOn: r.issued_on,
        expiresOn: r.expires_on,
        validity,
        validityLabel: VALIDITY_LABELS[validity],
        checkedOn: today(),
      };
    },

    async powers(query: { agency?: string | undefined } & Paging) {
      const { total, rows } = await catalogue.listPowers(db, {
        agencyId: query.agency,
        ...paging(query),
      });
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          agencyId: r.agency_id,
          agency: r.agency_name,
          code: r.code,
          name: r.name,
          category: r.category,
          categoryLabel: POWER_CATEGORY_LABELS[r.category],
          handlingUnit: r.unit_name,
          legalBasis: r.legal_basis,
          procedureSteps: r.procedure_steps,
          timeLimit: r.time_limit,
          discretionBenchmarks: r.discretion_benchmarks,
        })),
      };
    },

    async serviceGuides(query: { agency?: string | undefined } & Paging) {
      const { total, rows } = await catalogue.listPowers(db, {
        agencyId: query.agency,
        withServiceGuide: true,
        ...paging(query),
      });
      return {
        total,
        items: rows.map((r) => ({
          powerId: r.id,
          agencyId: r.agency_id,
          agency: r.agency_name,
          code: r.code,
          name: r.name,
          legalBasis: r.legal_basis,
          procedureSteps: r.procedure_steps,
          timeLimit: r.time_limit,
          // Only powers with a guide are listed (the query filters on it).
          guide: r.service_guide ?? EMPTY_GUIDE,
        })),
      };
    },

    async randomChecks(query: { agency?: string | undefined } & Paging) {
      const { total, rows } = await catalogue.listRandomChecks(db, {
        agencyId: query.agency,
        ...paging(query),
      });
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          agencyId: r.agency_id,
          agency: r.agency_name,
          code: r.code,
          name: r.name,
          basis: r.basis,
          subject: r.subject,
          content: r.content,
          method: r.method,
          ratio: r.ratio_text,
          frequency: r.frequency,
        })),
      };
    },
  };
}

export type PublicDisclosureService = ReturnType<typeof createPublicDisclosureService>;
