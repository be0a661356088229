// The first guard of every case: at least two officers with valid credentials whose law areas
// (执法领域) cover the power's, each having declared recusal. The powers carry their law areas
// (demo: 食品安全 for food, 价格监管 for price marking, 产品质量 for product quality); 王建国's
// credential covers 食品安全 and 产品质量, 李秀英's 食品安全 and 价格监管.
import { describe, expect, it } from 'vitest';
import { company, createScenario } from './workflows/scenario.test-support.ts';

const s = await createScenario('2026-03-02');
const party = company('枣庄市薛城区某商贸有限公司', '91350100M000100Y43');

describe('officers qualified for the power', () => {
  it('refuses officers whose credentials do not cover the power’s law area', async () => {
    const price = await s.newCase('penalty', 'ordinary', s.power('XC-SCJG-CF-004'), [party]);
    const refusal = await s.refused(
      price.id,
      'officer1',
      'request_filing',
      {},
      'OFFICER_LAW_AREA_MISMATCH',
    );
    expect(refusal.message).toContain('王建国');
    expect(refusal.message).toContain('价格监管');
    await s.refused(
      price.id,
      'officer1',
      'start_emergency',
      { reason: '情况紧急，先行启动调查' },
      'OFFICER_LAW_AREA_MISMATCH',
    );

    const quality = await s.newCase('penalty', 'summary', s.power('XC-SCJG-CF-005'), [party]);
    const onSpot = await s.refused(
      quality.id,
      'officer1',
      'decide_on_spot',
      {
        decidedOn: '2026-03-02',
        penalty: {
          types: ['warning'],
          isMitigated: false,
          legalBasis: '《中华人民共和国产品质量法》第四十九条',
          reasons: '销售不符合标准的产品',
        },
      },
      'OFFICER_LAW_AREA_MISMATCH',
    );
    expect(onSpot.message).toContain('李秀英');

    const food = await s.newCase('penalty', 'ordinary', s.power('XC-SCJG-CF-001'), [party]);
    await s.done(food.id, 'officer1', 'request_filing', {}, 'filing_pending');
  });

  it('refuses a single officer, and officers who have not declared recusal', async () => {
    const response = await s.t.app.inject({
      method: 'POST',
      url: `/api/agencies/${s.market}/cases`,
      headers: { cookie: s.cookies.officer1 },
      payload: {
        kind: 'penalty',
        procedure: 'ordinary',
        source: 'complaint',
        sourceDetail: null,
        powerId: s.power('XC-SCJG-CF-001'),
        handlingUnitId: null,
        title: '一人办案',
        facts: null,
        parties: [party],
        officers: [{ personId: s.officer1, role: 'lead' }],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const alone = response.json<{ id: string }>();
    await s.refused(alone.id, 'officer1', 'request_filing', {}, 'OFFICERS_INSUFFICIENT');
  });
});
