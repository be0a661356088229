// The pre-disclosure page of one agency (事前公开, N(四); NC 3; XC 附件1 第四至六条): who it is, its
// units, area and entrusted organisations, its officers (name, credential, law areas, validity —
// nothing private), its powers with legal basis, a flow chart drawn from the procedure steps,
// time limits and discretion benchmarks, service guides, random-check items, remedies and
// supervision contacts.
import type { PublicDisclosureService } from '../disclosure/disclosure.public.ts';
import type {
  DiscretionBenchmark,
  Duration,
  LegalBasisRef,
  ProcedureStep,
} from '../powers/powers.schemas.ts';
import { html, layout, type SafeHtml } from './portal.html.ts';

type Profile = Awaited<ReturnType<PublicDisclosureService['agencyProfile']>>;
type Power = Profile['powers'][number];

function duration(d: Duration | undefined): string {
  if (!d) return '';
  if (d.amount === 0) return '即办';
  return `${d.amount}${d.unit === 'working_days' ? '个工作日' : '日'}`;
}

function legalBasis(refs: readonly LegalBasisRef[]): string {
  return refs.map((r) => `《${r.law}》${r.article}`).join('；');
}

/** The procedure as a flow chart: an ordered list drawn as boxes with arrows (CSS only). */
export function flowChart(steps: readonly ProcedureStep[]): SafeHtml {
  if (steps.length === 0) return html`<p>未列明办理流程。</p>`;
  return html`<ol class="flow" aria-label="办理流程图">
    ${steps.map(
      (s, i) =>
        html`<li>
          <strong>${i + 1}. ${s.name}</strong
          >${s.timeLimit ? html`<br /><span class="meta">时限：${duration(s.timeLimit)}</span>` : ''}${s.description ? html`<br /><span class="meta">${s.description}</span>` : ''}
        </li>`,
    )}
  </ol>`;
}

function benchmarks(list: readonly DiscretionBenchmark[]): SafeHtml {
  if (list.length === 0) return html``;
  return html`<div class="table">
    <table>
      <caption>
        裁量基准
      </caption>
      <thead>
        <tr>
          <th scope="col">情形</th>
          <th scope="col">适用条件</th>
          <th scope="col">处罚幅度</th>
        </tr>
      </thead>
      <tbody>
        ${list.map((b) => {
          const p = b.penalty;
          const range =
            p.minYuan !== undefined || p.maxYuan !== undefined
              ? `罚款 ${p.minYuan ?? 0} 至 ${p.maxYuan ?? '—'} 元`
              : '';
          return html`<tr>
            <td>${b.circumstance}</td>
            <td>${b.description}</td>
            <td>${[range, p.otherMeasures ?? ''].filter(Boolean).join('；')}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

function powerSection(p: Power): SafeHtml {
  const limit = p.timeLimit;
  return html`<section aria-labelledby="power-${p.id}">
    <h3 id="power-${p.id}">${p.name}</h3>
    <p class="meta">
      ${p.categoryLabel} · 编码
      ${p.code}${p.handlingUnit ? html` · 承办机构 ${p.handlingUnit}` : ''}
    </p>
    <p><strong>法律依据：</strong>${legalBasis(p.legalBasis)}</p>
    ${limit.statutory || limit.promised ? html`<p><strong>办理时限：</strong>${limit.statutory ? `法定 ${duration(limit.statutory)}` : ''}${limit.promised ? `；承诺 ${duration(limit.promised)}` : ''}</p>` : ''}
    <h4>流程图</h4>
    ${flowChart(p.procedureSteps)} ${benchmarks(p.discretionBenchmarks)}
  </section>`;
}

export function agencyPage(profile: Profile): string {
  const a = profile.agency;
  return layout({
    title: a.name,
    description: `${a.name}的执法主体、人员、职责、依据、程序、监督方式公示`,
    body: html`<h1>${a.name}</h1>
      <nav aria-label="本页目录">
        <ul>
          <li><a href="#basic">主体信息</a></li>
          <li><a href="#officers">执法人员</a></li>
          <li><a href="#powers">权力清单与流程图</a></li>
          <li><a href="#guides">服务指南</a></li>
          <li><a href="#checks">随机抽查事项</a></li>
          <li><a href="#supervision">救济与监督</a></li>
          <li><a href="/decisions?agency=${a.id}">本机关执法决定</a></li>
        </ul>
      </nav>
      <h2 id="basic">主体信息</h2>
      <dl class="fields">
        <dt>统一社会信用代码</dt>
        <dd>${a.creditCode}</dd>
        <dt>所在区域</dt>
        <dd>${a.region}</dd>
        <dt>执法区域</dt>
        <dd>${a.jurisdictionArea}</dd>
        <dt>执法领域</dt>
        <dd>${a.lawAreas.join('、')}</dd>
        <dt>地址</dt>
        <dd>${a.address ?? '—'}${a.postcode ? `（邮编 ${a.postcode}）` : ''}</dd>
        <dt>联系电话</dt>
        <dd>${a.phone ?? '—'}</dd>
        <dt>电子邮箱</dt>
        <dd>${a.email ?? '—'}</dd>
      </dl>
      <h3>内设机构</h3>
      <ul>
        ${profile.units.map((u) => html`<li>${u.name}${u.phone ? `（${u.phone}）` : ''}</li>`)}
      </ul>
      <h3>委托执法</h3>
      ${
        profile.entrustments.length === 0
          ? html`<p>无。</p>`
          : html`<div class="table">
              <table>
                <thead>
                  <tr>
                    <th scope="col">受委托组织</th>
                    <th scope="col">委托事项</th>
                    <th scope="col">依据</th>
                    <th scope="col">期限</th>
                  </tr>
                </thead>
                <tbody>
                  ${profile.entrustments.map(
                    (e) =>
                      html`<tr>
                        <td>${e.name}<br /><span class="meta">${e.creditCode}</span></td>
                        <td>${e.matters}</td>
                        <td>${e.legalBasis}</td>
                        <td>
                          ${e.startsOn} 至 ${e.endsOn}${e.status === 'active' ? '' : '（已终止）'}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
      <h2 id="officers">执法人员（${profile.officers.length} 人）</h2>
      <div class="table">
        <table>
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">执法证号</th>
              <th scope="col">执法领域</th>
              <th scope="col">有效期</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            ${profile.officers.map(
              (o) =>
                html`<tr>
                  <td>${o.name}</td>
                  <td><a href="/verify/${o.credentialNo}">${o.credentialNo}</a></td>
                  <td>${o.lawAreas.join('、')}</td>
                  <td>${o.issuedOn} 至 ${o.expiresOn}</td>
                  <td>${o.validityLabel}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h2 id="powers">权力清单与流程图（${profile.powers.length} 项）</h2>
      ${profile.powers.map(powerSection)}
      <h2 id="guides">服务指南</h2>
      ${profile.serviceGuides.length === 0 ? html`<p>无。</p>` : ''}
      ${profile.serviceGuides.map((g) => {
        const guide = g.guide;
        const materials = guide.materials;
        return html`<section>
          <h3>${g.name}</h3>
          <dl class="fields">
            <dt>依据</dt>
            <dd>${legalBasis(g.legalBasis)}</dd>
            <dt>受理机构</dt>
            <dd>${guide.acceptingBody}</dd>
            <dt>审批机构</dt>
            <dd>${guide.approvingBody}</dd>
            <dt>受理条件</dt>
            <dd>${guide.conditions}</dd>
            <dt>申请材料</dt>
            <dd>
              <ul>
                ${materials.map((m) => html`<li>${m}</li>`)}
              </ul>
            </dd>
            <dt>办理时限</dt>
            <dd>${duration(g.timeLimit.statutory)}</dd>
            <dt>监督方式</dt>
            <dd>${guide.supervision}</dd>
            <dt>救济渠道</dt>
            <dd>${guide.remedy}</dd>
            <dt>办公时间</dt>
            <dd>${guide.officeHours}</dd>
            <dt>地址</dt>
            <dd>${guide.address}</dd>
            <dt>电话</dt>
            <dd>${guide.phone}</dd>
          </dl>
          <h4>办理流程</h4>
          ${flowChart(g.procedureSteps)}
        </section>`;
      })}
      <h2 id="checks">随机抽查事项</h2>
      <div class="table">
        <table>
          <thead>
            <tr>
              <th scope="col">事项</th>
              <th scope="col">依据</th>
              <th scope="col">对象</th>
              <th scope="col">内容</th>
              <th scope="col">方式</th>
              <th scope="col">比例</th>
              <th scope="col">频次</th>
            </tr>
          </thead>
          <tbody>
            ${profile.randomChecks.map(
              (c) =>
                html`<tr>
                  <td>${c.name}</td>
                  <td>${c.basis}</td>
                  <td>${c.subject}</td>
                  <td>${c.content}</td>
                  <td>${c.method}</td>
                  <td>${c.ratio}</td>
                  <td>${c.frequency}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h2 id="supervision">救济与监督</h2>
      <p>
        公民、法人或者其他组织对本机关作出的行政执法决定不服的，可以依法申请行政复议或者提起行政诉讼。
      </p>
      <p>执法监督电话：${a.supervisionPhone ?? '—'}</p>
      <ul>
        ${profile.supervisors.map((s) => html`<li>${s.name}：地址 ${s.address ?? '—'}${s.postcode ? `，邮编 ${s.postcode}` : ''}，电话 ${s.phone ?? '—'}${s.email ? `，邮箱 ${s.email}` : ''}</li>`)}
      </ul>`,
  });
}
