// Demo cases: one 市场监管局 penalty case under investigation (filed, officers declared recusal)
// and one 综合执法局 case just registered, so that a first start shows work in progress.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DemoIds } from '../../demo/demo.org.ts';
import { SYSTEM_ACTOR } from '../../shared/policy.ts';
import { withCreditCodeCheck } from '../../shared/validators.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { demoRecordId } from '../powers/powers.demo.ts';
import { casesRepository as repo } from './cases.repository.ts';

const YEAR = 2026;

export async function seedDemoCases(trx: Transaction<Database>, ids: DemoIds): Promise<void> {
  const market = await insertDemoCase(trx, {
    agencyId: ids.agencies.market,
    prefix: '区市场监管局',
    powerId: demoRecordId('power', ids.agencies.market, 'XC-SCJG-CF-001'),
    title: '某餐饮公司涉嫌经营超过保质期食品案',
    facts: '2026年3月12日，执法人员在日常检查中发现当事人后厨存放超过保质期的食品原料若干。',
    party: {
      name: '枣庄市薛城区味美餐饮有限公司',
      creditCode: withCreditCodeCheck('91370403MA3C8K2N7'),
      legalRepresentative: '孙某',
    },
    officers: [
      {
        personId: ids.people.officer1 ?? '',
        credentialId: ids.credentials.officer1 ?? '',
        role: 'lead',
      },
      {
        personId: ids.people.officer2 ?? '',
        credentialId: ids.credentials.officer2 ?? '',
        role: 'assist',
      },
    ],
    state: 'investigating',
    filedOn: `${YEAR}-03-13`,
  });
  const urban = await insertDemoCase(trx, {
    agencyId: ids.agencies.urban,
    prefix: '区综合执法局',
    powerId: demoRecordId('power', ids.agencies.urban, 'XC-ZHZF-CF-001'),
    title: '某商户占道经营案',
    facts: '群众举报当事人长期在人行道上摆摊经营，影响通行。',
    party: {
      name: '枣庄市薛城区鲜果汇水果店',
      creditCode: withCreditCodeCheck('92370403MA3D1P4R2'),
      legalRepresentative: '钱某',
    },
    officers: [
      {
        personId: ids.people.officer3 ?? '',
        credentialId: ids.credentials.officer3 ?? '',
        role: 'lead',
      },
      {
        personId: ids.people.officer5 ?? '',
        credentialId: ids.credentials.officer5 ?? '',
        role: 'assist',
      },
    ],
    state: 'registered',
    filedOn: null,
  });
  ids.cases = { market, urban };
}

async function insertDemoCase(
  trx: Transaction<Database>,
  c: {
    agencyId: string;
    prefix: string;
    powerId: string;
    title: string;
    facts: string;
    party: { name: string; creditCode: string; legalRepresentative: string };
    officers: { personId: string; credentialId: string; role: 'lead' | 'assist' }[];
    state: string;
    filedOn: string | null;
  },
): Promise<string> {
  const seq = await repo.nextSeq(trx, c.agencyId, YEAR);
  const caseNo = `${c.prefix}案〔${YEAR}〕${seq}号`;
  const id = await repo.insertCase(
    trx,
    {
      agencyId: c.agencyId,
      kind: 'penalty',
      procedure: 'ordinary',
      state: c.state,
      source: 'inspection',
      sourceDetail: null,
      powerId: c.powerId,
      handlingUnitId: null,
      title: c.title,
      facts: c.facts,
      createdBy: null,
      year: YEAR,
    },
    seq,
    caseNo,
  );
  await repo.insertParties(trx, id, [
    {
      kind: 'organisation',
      name: c.party.name,
      idCardNo: null,
      creditCode: c.party.creditCode,
      legalRepresentative: c.party.legalRepresentative,
      address: null,
      phone: null,
    },
  ]);
  await repo.insertOfficers(trx, id, c.officers);
  if (c.filedOn) {
    await trx
      .updateTable('cases')
      .set({
        filed_on: c.filedOn,
        details: JSON.stringify({ filing: { approvedOn: c.filedOn, approvedBy: '孙志强' } }),
      })
      .where('id', '=', id)
      .execute();
    for (const o of c.officers)
      await repo.declareRecusal(trx, id, o.personId, new Date(`${c.filedOn}T09:00:00+08:00`));
  }
  await appendLedgerEntry(trx, SYSTEM_ACTOR, {
    kind: 'case.registered',
    subjectType: 'case',
    subjectId: id,
    agencyId: c.agencyId,
    caseId: id,
    payload: { caseNo, title: c.title, state: c.state, demo: true },
  });
  return id;
}
