// The privacy scan: over the demo data and a generated set of decided cases whose parties and
// facts are full of identity numbers, mobile numbers, home addresses and names (two-character
// names included), every public table and every public endpoint and page must show no identity
// or mobile number and no natural person's real name, address or phone.
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { withIdCardCheck } from '../../shared/validators.ts';
import { findPrivateData } from './disclosure.redact.ts';
import { DEMO_INSPECTIONS } from './disclosure.demo.ts';
import { createCase, queue } from './disclosure.test-support.ts';

let now = new Date('2026-11-02T10:00:00+08:00');
const t = await createDemoApp({ clock: () => now });
const cookies = { officer1: await t.login('officer1'), officer2: await t.login('officer2') };

// A fixed pseudo-random sequence, so a failure can be reproduced.
let seed = 20261121;
function random(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}
const pick = <T>(list: readonly T[]): T => list[random(list.length)] as T;
const digits = (n: number) => Array.from({ length: n }, () => String(random(10))).join('');

// Surnames and given names that no demo officer has, one- and two-character given names.
const SURNAMES = ['高', '林', '何', '罗', '梁', '宋', '唐', '许', '韩', '冯', '欧阳', '司马'];
const GIVEN = [
  '芳',
  '敏',
  '静',
  '磊',
  '洋',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '秀兰',
  '桂英',
  '志明',
  '海燕',
  '建平',
];
const STREETS = ['永福路', '嘉陵江路', '燕山路', '珠江路', '沙沟镇'];

interface Generated {
  name: string;
  idCardNo: string;
  phone: string;
  address: string;
  bystanderPhone: string;
  bystanderId: string;
}

function generatePerson(): Generated {
  const birth = `${1950 + random(55)}${String(1 + random(12)).padStart(2, '0')}${String(1 + random(28)).padStart(2, '0')}`;
  return {
    name: pick(SURNAMES) + pick(GIVEN),
    idCardNo: withIdCardCheck(`370403${birth}${digits(3)}`),
    phone: `1${pick(['3', '5', '7', '8', '9'])}${digits(9)}`,
    address: `薛城区${pick(STREETS)}${1 + random(300)}号${1 + random(20)}单元${101 + random(1500)}室`,
    bystanderPhone: `1${pick(['3', '5', '8'])}${digits(9)}`,
    bystanderId: withIdCardCheck(
      `110105${1960 + random(40)}0${1 + random(9)}1${random(9)}${digits(3)}`,
    ),
  };
}

function factsOf(p: Generated, style: number): string {
  const phone =
    style % 2 === 0 ? p.phone : `${p.phone.slice(0, 3)}-${p.phone.slice(3, 7)}-${p.phone.slice(7)}`;
  return [
    `当事人${p.name}，公民身份号码${p.idCardNo}，联系电话${phone}，`,
    style % 3 === 0 ? `现住址：${p.address}。` : `其经营场所位于${p.address}。`,
    `${p.name}在流动摊位销售过期食品，证人（电话${p.bystanderPhone}，身份证号${p.bystanderId}）在场。`,
  ].join('');
}

const people: Generated[] = [];

describe('privacy scan', () => {
  it('publishes a generated set of decided cases through the pipeline', async () => {
    for (let i = 0; i < 24; i++) {
      const p = generatePerson();
      people.push(p);
      const caseId = await createCase(t, cookies.officer1, {
        procedure: 'summary',
        title: `${p.name}销售过期食品案`,
        facts: factsOf(p, i),
        parties: [
          {
            kind: 'person',
            name: p.name,
            idCardNo: p.idCardNo,
            address: p.address,
            phone: p.phone,
          },
        ],
      });
      for (const cookie of [cookies.officer1, cookies.officer2]) {
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/recusal`,
          headers: { cookie },
        });
      }
      const decided = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/actions/decide_on_spot`,
        headers: { cookie: cookies.officer1 },
        payload: {
          input: {
            decidedOn: '2026-11-02',
            penalty: {
              types: ['fine'],
              fineYuan: 50 + random(150),
              isMitigated: false,
              legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
              reasons: `${p.name}经营过期食品，电话${p.phone}。`,
            },
          },
        },
      });
      expect(decided.statusCode, decided.body).toBe(200);
      now = new Date('2026-11-03T10:00:00+08:00');
      expect((await queue(t, caseId, now)).status).toBe('published');
      now = new Date('2026-11-02T10:00:00+08:00');
    }
    const list = await t.app.inject({ url: '/api/public/decisions?pageSize=100' });
    expect(list.json<{ total: number }>().total).toBeGreaterThanOrEqual(24 + 5);
  });

  function secretsOf(): string[] {
    const demo = ['李建华', '和谐家园', '13706321234', '王大力', '赵国庆', '钱多多', '孙飞扬'];
    return [
      ...demo,
      ...people.flatMap((p) => [
        p.name,
        p.idCardNo,
        p.phone,
        p.address,
        p.bystanderPhone,
        p.bystanderId,
      ]),
    ];
  }

  function scan(where: string, text: string) {
    expect(findPrivateData(text), where).toEqual([]);
    for (const secret of secretsOf())
      expect(text.includes(secret), `${where}: ${secret}`).toBe(false);
  }

  it('finds nothing private in any public table', async () => {
    // The case tables do hold the secrets: the scan below would see them if they leaked.
    const parties = JSON.stringify(
      await t.handle.db.selectFrom('case_parties').selectAll().execute(),
    );
    expect(parties).toContain(people[0]?.idCardNo);
    expect(findPrivateData(parties).length).toBeGreaterThan(0);
    const tables = [
      await t.handle.db.selectFrom('disclosure_decisions').selectAll().execute(),
      await t.handle.db.selectFrom('disclosure_events').selectAll().execute(),
      await t.handle.db.selectFrom('disclosure_annual_reports').selectAll().execute(),
      await t.handle.db.selectFrom('disclosure_inspections').selectAll().execute(),
      // The search copy (its lexemes are pieces of this text).
      await t.handle.db.selectFrom('disclosure_search').select('search_text').execute(),
    ];
    tables.forEach((rows, i) => scan(`table ${i}`, JSON.stringify(rows)));
    // The public ledger entries of publication events carry the same snapshots.
    const entries = await t.handle.db
      .selectFrom('ledger_entries')
      .select('payload')
      .where('subject_type', 'in', ['disclosure_decision', 'disclosure_inspection'])
      .execute();
    scan('ledger payloads', JSON.stringify(entries));
  });

  it('finds nothing private in any public endpoint or page', async () => {
    const list = await t.app.inject({ url: '/api/public/decisions?pageSize=100' });
    const ids = list.json<{ items: { id: string }[] }>().items.map((i) => i.id);
    const urls = [
      '/',
      '/decisions',
      '/feed.atom',
      '/api/public/decisions?pageSize=100',
      '/api/public/agencies',
      '/api/public/officers?pageSize=100',
      '/api/public/powers?pageSize=100',
      '/api/public/service-guides?pageSize=100',
      '/api/public/random-check-items?pageSize=100',
      '/api/public/credentials/37040320001',
      '/verify/37040320001',
      ...Object.values(DEMO_INSPECTIONS)
        .filter((v) => /^[A-Z0-9]{10}$/.test(v))
        .flatMap((code) => [`/inspections/${code}`, `/api/public/inspections/${code}`]),
      ...Object.values(t.ids.agencies).map((id) => `/agencies/${id}`),
      ...ids.flatMap((id) => [
        `/decisions/${id}`,
        `/api/public/decisions/${id}`,
        `/api/public/decisions/${id}/record`,
      ]),
    ];
    for (const url of urls) {
      const r = await t.app.inject({ url });
      expect(r.statusCode, url).toBe(200);
      scan(url, r.body);
    }
    const csv = await t.app.inject({
      url: '/api/public/decisions?pageSize=100',
      headers: { accept: 'text/csv' },
    });
    scan('csv', csv.body);
    const page = await t.app.inject({
      url: `/decisions?q=${encodeURIComponent(people[0]?.name.slice(0, 1) ?? '')}`,
    });
    scan('search page', page.body);
  });
});
