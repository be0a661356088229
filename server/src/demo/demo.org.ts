// The demo district: 山东省枣庄市薛城区, matching the default profile (薛城区). Identifiers carry
// valid check digits so that the demo data passes the same validation as real data.
import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Role } from '../shared/policy.ts';
import { withCreditCodeCheck, withIdCardCheck } from '../shared/validators.ts';

export interface DemoIds {
  regions: { province: string; city: string; district: string; street: string };
  agencies: { market: string; urban: string; street: string; justice: string };
  units: { marketLegal: string; marketInspection: string; judicialOffice: string };
  users: Record<string, string>;
  people: Record<string, string>;
  credentials: Record<string, string>;
  entrustments: { market: string; urban: string };
  /** Filled by the cases module's demo data. */
  cases: { market: string; urban: string };
}

interface DemoPerson {
  key: string;
  agency: keyof DemoIds['agencies'];
  name: string;
  idBody: string;
  phone: string;
  position: string;
  credential?: { no: string; lawAreas: string[]; issuedOn: string; expiresOn: string };
  legalQualification?: string;
  user?: { username: string; roles: Role[] };
}

const PEOPLE: DemoPerson[] = [
  {
    key: 'officer1',
    agency: 'market',
    name: '王建国',
    idBody: '37040319850312001',
    phone: '13906321001',
    position: '执法科科长',
    credential: {
      no: '37040320001',
      lawAreas: ['市场监管', '食品安全', '产品质量'],
      issuedOn: '2024-03-01',
      expiresOn: '2029-02-28',
    },
    user: { username: 'officer1', roles: ['officer'] },
  },
  {
    key: 'officer2',
    agency: 'market',
    name: '李秀英',
    idBody: '37040319900718002',
    phone: '13906321002',
    position: '执法人员',
    credential: {
      no: '37040320002',
      lawAreas: ['市场监管', '食品安全', '价格监管'],
      issuedOn: '2024-03-01',
      expiresOn: '2029-02-28',
    },
    user: { username: 'officer2', roles: ['officer'] },
  },
  {
    key: 'officer4',
    agency: 'market',
    name: '赵明',
    idBody: '37040319921105003',
    phone: '13906321004',
    position: '执法人员',
    credential: {
      no: '37040320003',
      // 价格监管 too: with 李秀英 the pair the demo's price-marking case needs.
      lawAreas: ['市场监管', '特种设备', '价格监管'],
      issuedOn: '2023-06-15',
      expiresOn: '2028-06-14',
    },
  },
  {
    key: 'officer3',
    agency: 'urban',
    name: '张伟',
    idBody: '37040319880209004',
    phone: '13906322001',
    position: '执法中队长',
    credential: {
      no: '37040330001',
      lawAreas: ['城市管理', '市容环境卫生', '城乡规划'],
      issuedOn: '2024-01-10',
      expiresOn: '2029-01-09',
    },
    user: { username: 'officer3', roles: ['officer'] },
  },
  {
    key: 'officer5',
    agency: 'urban',
    name: '刘洋',
    idBody: '37040319930422005',
    phone: '13906322002',
    position: '执法人员',
    credential: {
      no: '37040330002',
      lawAreas: ['城市管理', '市容环境卫生'],
      issuedOn: '2024-01-10',
      expiresOn: '2029-01-09',
    },
  },
  {
    key: 'reviewer1',
    agency: 'market',
    name: '陈静',
    idBody: '37040319870625006',
    phone: '13906321003',
    position: '法制科科长',
    legalQualification: 'A20123704030123',
    user: { username: 'reviewer1', roles: ['reviewer'] },
  },
  {
    key: 'head1',
    agency: 'market',
    name: '孙志强',
    idBody: '37040319750930007',
    phone: '13906321000',
    position: '局长',
    user: { username: 'head1', roles: ['head'] },
  },
  {
    key: 'archivist1',
    agency: 'market',
    name: '郑红',
    idBody: '37040319910216010',
    phone: '13906321005',
    position: '档案管理员',
    user: { username: 'archivist1', roles: ['archivist'] },
  },
  {
    key: 'supervisor1',
    agency: 'justice',
    name: '周丽华',
    idBody: '37040319820114008',
    phone: '13906323001',
    position: '行政执法协调监督科科长',
    legalQualification: 'A20093704030456',
    user: { username: 'supervisor1', roles: ['supervisor'] },
  },
  {
    key: 'streetReviewer',
    agency: 'street',
    name: '吴敏',
    idBody: '37040319890803009',
    phone: '13906324001',
    position: '司法所所长',
    legalQualification: 'A20153704030789',
  },
];

export const DEMO_DISTRICT = {
  async insert(trx: Transaction<Database>, passwordHash: string): Promise<DemoIds> {
    const province = await insertRegion(trx, '370000', '山东省', 'province', null, '/370000/');
    const city = await insertRegion(trx, '370400', '枣庄市', 'city', province, '/370000/370400/');
    const district = await insertRegion(
      trx,
      '370403',
      '薛城区',
      'district',
      city,
      '/370000/370400/370403/',
    );
    const street = await insertRegion(
      trx,
      '370403001',
      '常庄街道',
      'street',
      district,
      '/370000/370400/370403/370403001/',
    );

    const market = await insertAgency(trx, {
      region_id: district,
      name: '枣庄市薛城区市场监督管理局',
      short_name: '区市场监管局',
      credit_code: withCreditCodeCheck('11370403MB2851734'),
      kind: 'department',
      law_areas: ['市场监管', '食品安全', '产品质量', '价格监管', '特种设备'],
      jurisdiction_area: '薛城区全域',
      jurisdiction_region_ids: [district],
      address: '枣庄市薛城区黄河路 188 号',
      postcode: '277000',
      phone: '0632-4412315',
      email: 'xcscjg@example.gov.cn',
      supervision_phone: '0632-4412345',
    });
    const urban = await insertAgency(trx, {
      region_id: district,
      name: '枣庄市薛城区综合行政执法局',
      short_name: '区综合执法局',
      credit_code: withCreditCodeCheck('11370403MB2851822'),
      kind: 'department',
      law_areas: ['城市管理', '市容环境卫生', '城乡规划', '园林绿化'],
      jurisdiction_area: '薛城区城区及各街道建成区',
      jurisdiction_region_ids: [district],
      address: '枣庄市薛城区泰山南路 66 号',
      postcode: '277000',
      phone: '0632-4418110',
      email: 'xczhzf@example.gov.cn',
      supervision_phone: '0632-4412345',
    });
    const streetOffice = await insertAgency(trx, {
      region_id: street,
      name: '枣庄市薛城区人民政府常庄街道办事处',
      short_name: '常庄街道',
      credit_code: withCreditCodeCheck('11370403004196551'),
      kind: 'street_office',
      law_areas: ['城市管理', '安全生产'],
      jurisdiction_area: '常庄街道辖区',
      jurisdiction_region_ids: [street],
      address: '枣庄市薛城区常庄街道兴仁路 8 号',
      postcode: '277000',
      phone: '0632-4460001',
      email: 'czjd@example.gov.cn',
      supervision_phone: '0632-4412345',
    });
    const justice = await insertAgency(trx, {
      region_id: district,
      name: '枣庄市薛城区司法局',
      short_name: '区司法局',
      credit_code: withCreditCodeCheck('11370403004189731'),
      kind: 'justice_bureau',
      law_areas: [],
      jurisdiction_area: '薛城区全域（行政执法监督）',
      jurisdiction_region_ids: [district],
      address: '枣庄市薛城区黄河路 158 号',
      postcode: '277000',
      phone: '0632-4412345',
      email: 'xcsfj@example.gov.cn',
      supervision_phone: '0632-4412345',
    });
    const agencies = { market, urban, street: streetOffice, justice };

    const marketLegal = await insertUnit(trx, market, '法制科', 'legal');
    const marketInspection = await insertUnit(trx, market, '执法稽查科', 'internal');
    await insertUnit(trx, market, '食品安全监督管理科', 'internal');
    await insertUnit(trx, urban, '执法一中队', 'internal');
    await insertUnit(trx, urban, '法制审核科', 'legal');
    const judicialOffice = await insertUnit(trx, streetOffice, '常庄司法所', 'judicial_office');
    await insertUnit(trx, streetOffice, '综合执法办公室', 'internal');

    const entrustToStreet = (values: {
      agency_id: string;
      entrusted_name: string;
      entrusted_credit_code: string;
      matters: string;
      legal_basis: string;
      terms: string;
      starts_on: string;
      ends_on: string;
    }) => trx.insertInto('entrustments').values(values).returning('id').executeTakeFirstOrThrow();
    const { id: marketEntrustment } = await entrustToStreet({
      agency_id: market,
      entrusted_name: '枣庄市薛城区常庄街道综合执法中队',
      entrusted_credit_code: withCreditCodeCheck('12370403MB2851901'),
      matters: '对食品摊贩未按规定登记、公示健康证明等行为的检查',
      legal_basis:
        '《中华人民共和国行政处罚法》第二十条；《山东省食品小作坊小餐饮和食品摊点管理条例》',
      terms: '以委托机关名义实施检查；发现违法行为移交委托机关处理；委托机关负责监督',
      starts_on: '2026-01-01',
      ends_on: '2026-12-31',
    });
    const { id: urbanEntrustment } = await entrustToStreet({
      agency_id: urban,
      entrusted_name: '枣庄市薛城区常庄街道综合执法中队',
      entrusted_credit_code: withCreditCodeCheck('12370403MB2851901'),
      matters: '对占道经营、乱贴乱画等违反市容环境卫生管理规定行为的行政处罚',
      legal_basis: '《中华人民共和国行政处罚法》第二十条',
      terms: '以委托机关名义实施；受委托组织不得再委托；委托机关对受委托组织的行为负责并监督',
      starts_on: '2026-01-01',
      ends_on: '2027-12-31',
    });

    const people: Record<string, string> = {};
    const users: Record<string, string> = {};
    const credentials: Record<string, string> = {};
    for (const person of PEOPLE) {
      const agencyId = agencies[person.agency];
      const { id: personId } = await trx
        .insertInto('people')
        .values({
          agency_id: agencyId,
          unit_id: person.key === 'reviewer1' ? marketLegal : null,
          name: person.name,
          id_card_no: withIdCardCheck(person.idBody),
          phone: person.phone,
          position: person.position,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      people[person.key] = personId;
      if (person.credential) {
        const { id: credentialId } = await trx
          .insertInto('credentials')
          .values({
            person_id: personId,
            credential_no: person.credential.no,
            law_areas: person.credential.lawAreas,
            issuing_authority: '山东省人民政府',
            issued_on: person.credential.issuedOn,
            expires_on: person.credential.expiresOn,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        credentials[person.key] = credentialId;
      }
      if (person.legalQualification) {
        await trx
          .insertInto('qualifications')
          .values({
            person_id: personId,
            kind: 'legal_professional',
            certificate_no: person.legalQualification,
            obtained_on: '2012-12-20',
          })
          .execute();
      }
      if (person.user) {
        const userId = await insertUser(
          trx,
          person.user.username,
          person.name,
          passwordHash,
          personId,
        );
        users[person.user.username] = userId;
        for (const role of person.user.roles) {
          await trx
            .insertInto('user_roles')
            .values(
              role === 'supervisor'
                ? { user_id: userId, role, region_id: district, agency_id: null }
                : { user_id: userId, role, agency_id: agencyId, region_id: null },
            )
            .execute();
        }
      }
    }
    users.admin = await insertUser(trx, 'admin', '系统管理员', passwordHash, null);
    await trx
      .insertInto('user_roles')
      .values({ user_id: users.admin, role: 'admin', agency_id: null, region_id: null })
      .execute();

    return {
      regions: { province, city, district, street },
      agencies,
      units: { marketLegal, marketInspection, judicialOffice },
      users,
      people,
      credentials,
      entrustments: { market: marketEntrustment, urban: urbanEntrustment },
      cases: { market: '', urban: '' },
    };
  },
};

async function insertRegion(
  trx: Transaction<Database>,
  code: string,
  name: string,
  level: 'province' | 'city' | 'district' | 'street',
  parentId: string | null,
  path: string,
): Promise<string> {
  const row = await trx
    .insertInto('regions')
    .values({ code, name, level, parent_id: parentId, path })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertAgency(
  trx: Transaction<Database>,
  values: Insertable<Database['agencies']>,
): Promise<string> {
  const row = await trx
    .insertInto('agencies')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertUnit(
  trx: Transaction<Database>,
  agencyId: string,
  name: string,
  kind: 'internal' | 'legal' | 'judicial_office' | 'archive',
): Promise<string> {
  const row = await trx
    .insertInto('units')
    .values({ agency_id: agencyId, name, kind, parent_unit_id: null, phone: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertUser(
  trx: Transaction<Database>,
  username: string,
  displayName: string,
  passwordHash: string,
  personId: string | null,
): Promise<string> {
  const row = await trx
    .insertInto('users')
    .values({
      username,
      display_name: displayName,
      password_hash: passwordHash,
      person_id: personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
