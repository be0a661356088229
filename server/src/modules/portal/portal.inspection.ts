// The page a company reaches by scanning an inspection's code (扫码入企): who came, on what
// basis, which items, and — once published — the result.
import type { PublicInspection } from '../disclosure/disclosure.inspections.ts';
import { html, layout } from './portal.html.ts';

const RESULT_LABELS = { pending: '尚未检查', normal: '未发现问题', problems: '发现问题' } as const;

export function inspectionPage(i: PublicInspection): string {
  const code = encodeURIComponent(i.code);
  return layout({
    title: `行政检查 ${i.code}`,
    description: `${i.agency}的行政检查：执法人员、检查依据与检查结果`,
    body: html`<h1>行政检查信息</h1>
      <p role="status">检查码 <strong>${i.code}</strong> · ${i.stage}</p>
      <dl class="fields">
        <dt>执法主体</dt>
        <dd><a href="/agencies/${i.agencyId}">${i.agency}</a></dd>
        <dt>检查方式</dt>
        <dd>${i.procedure}</dd>
        <dt>检查事项</dt>
        <dd>${i.power}</dd>
        <dt>检查依据</dt>
        <dd>${i.legalBasis}</dd>
        <dt>检查内容</dt>
        <dd>${i.items.length > 0 ? i.items.join('；') : '—'}</dd>
        <dt>被检查对象</dt>
        <dd>
          ${i.party}${i.partyCreditCode ? html`（统一社会信用代码 ${i.partyCreditCode}）` : ''}
        </dd>
        <dt>执法人员</dt>
        <dd>
          <ul class="officers">
            ${i.officers.map(
              (o) =>
                html`<li>
                  ${o.name}，执法证号
                  <a href="/verify/${encodeURIComponent(o.credentialNo)}">${o.credentialNo}</a>
                </li>`,
            )}
          </ul>
        </dd>
        <dt>计划检查日期</dt>
        <dd>${i.plannedOn ?? '—'}</dd>
        <dt>检查日期</dt>
        <dd>${i.inspectedOn ?? '尚未检查'}</dd>
        <dt>检查结果</dt>
        <dd>
          ${
            i.resultText
              ? html`${i.resultText}${
                  i.resultDecisionId
                    ? html`（<a href="/decisions/${i.resultDecisionId}">查看公示的检查结果</a>）`
                    : ''
                }`
              : i.result === 'pending'
                ? '尚未检查'
                : html`${RESULT_LABELS[i.result]}，检查结果待公示${
                    i.resultDueOn ? html`（应于 ${i.resultDueOn} 前公示）` : ''
                  }`
          }
        </dd>
      </dl>
      <figure class="qr">
        <img src="/inspections/${code}/qr.svg" width="160" height="160" alt="本次检查的二维码" />
        <figcaption>扫描二维码可随时查看本次检查及其结果</figcaption>
      </figure>
      <p>
        请核对执法人员是否出示执法证件；点击证号可核验证件是否有效。对检查行为有异议的，可向执法主体或司法行政部门反映。
      </p>`,
  });
}
