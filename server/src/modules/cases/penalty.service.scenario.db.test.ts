// 送达 of a penalty decision by each method with its record: 留置 needs the reason and a witness,
// and, like 公告, the audio/video record the profile requires (薛城区 附件2 第二十四条、第二十六条)
// or the recorded reason why none was made.
import { describe, it } from 'vitest';
import { company, createScenario, directService } from './workflows/scenario.test-support.ts';

const s = await createScenario('2026-06-01');
const party = company('枣庄市薛城区某食品有限公司', '91350100M000100Y43');
const warning = {
  types: ['warning'],
  isMitigated: false,
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
  reasons: '当事人经营超过保质期的食品原料。',
};

describe('service (送达) of a penalty decision', () => {
  it('refuses 留置 and 公告 without their audio/video record, then accepts it', async () => {
    const c = await s.newCase('penalty', 'summary', s.power('XC-SCJG-CF-001'), [party]);
    await s.done(
      c.id,
      'officer1',
      'decide_on_spot',
      { decidedOn: '2026-06-01', penalty: warning },
      'decided',
    );
    s.setToday('2026-06-02');
    const leave = {
      method: 'leave',
      servedOn: '2026-06-02',
      leaveReason: '当事人拒绝签收',
      witness: '社区工作人员孙某',
    };
    await s.refused(
      c.id,
      'officer1',
      'serve',
      { ...leave, witness: undefined },
      'SERVICE_RECORD_INCOMPLETE',
    );
    await s.refused(c.id, 'officer1', 'serve', leave, 'AV_RECORD_REQUIRED');
    await s.refused(
      c.id,
      'officer1',
      'serve',
      {
        method: 'notice',
        servedOn: '2026-06-02',
        otherMethodsFailed: '当事人下落不明，直接、邮寄均无法送达',
      },
      'AV_RECORD_REQUIRED',
    );
    await s.refused(
      c.id,
      'officer1',
      'serve',
      { method: 'electronic', servedOn: '2026-06-02' },
      'SERVICE_RECORD_INCOMPLETE',
    );
    await s.refused(
      c.id,
      'officer1',
      'serve',
      { method: 'mail', servedOn: '2026-06-02' },
      'SERVICE_RECORD_INCOMPLETE',
    );
    await s.refused(
      c.id,
      'officer1',
      'serve',
      { ...directService('2026-06-02'), receiptNo: undefined },
      'SERVICE_RECORD_INCOMPLETE',
    );
    await s.avExemption(c.id, 'serve');
    await s.done(c.id, 'officer1', 'serve', leave, 'executed');
  });
});
