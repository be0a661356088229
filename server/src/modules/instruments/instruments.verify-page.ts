// The public page a document's footer points to: the instrument's versions with their seal
// checks, and a file check — the browser sends the chosen PDF to the verification API and shows
// whether it is a sealed version. Nothing personal is shown: title, 文号, agency, hashes.
import { html, layout, raw } from '../portal/portal.html.ts';

interface Verification {
  instrumentId: string;
  title: string;
  docNo: string;
  agencyName: string;
  versions: {
    version: number;
    issuedAt: string;
    pdfSm3: string;
    sealKeyId: string;
    isSignatureValid: boolean;
    isKeyIdConsistent: boolean;
    isStoredFileIntact: boolean;
  }[];
}

const yes = (ok: boolean, good: string, bad: string) => (ok ? `✔ ${good}` : `✘ ${bad}`);

// Sends the chosen file as application/pdf and reports the answer; no library, no cookies.
const CHECK_SCRIPT = `
document.getElementById('check').addEventListener('submit', async (event) => {
  event.preventDefault();
  const out = document.getElementById('result');
  const file = document.getElementById('file').files[0];
  if (!file) { out.textContent = '请选择需要核验的 PDF 文件'; return; }
  out.textContent = '正在核验……';
  const response = await fetch(location.pathname.replace('/instruments/verify/', '/api/instruments/') + '/verification', {
    method: 'POST', headers: { 'content-type': 'application/pdf' }, body: file, credentials: 'omit',
  });
  const body = await response.json();
  if (!response.ok) { out.textContent = body.message || '核验失败'; return; }
  const o = body.offered;
  out.textContent = o.isValid
    ? '核验通过：该文件为第 ' + o.matchesVersion + ' 版的电子签章原件，签名有效。SM3：' + o.pdfSm3
    : '核验未通过：该文件与本文书任何已签章版本均不一致（可能被修改），SM3：' + o.pdfSm3;
});`;

export function verificationPage(instrumentId: string, v: Verification | null): string {
  if (!v) {
    return layout({
      title: '文书核验',
      body: html`<h1>文书核验</h1>
        <p>未查询到验证码为 ${instrumentId} 的文书，请核对文书页脚的验证码。</p>`,
    });
  }
  return layout({
    title: `文书核验：${v.title} ${v.docNo}`,
    description: '行政执法文书电子印章核验',
    body: html`<h1>文书核验</h1>
      <dl class="fields">
        <dt>文书</dt>
        <dd>${v.title}</dd>
        <dt>文号</dt>
        <dd>${v.docNo}</dd>
        <dt>制作机关</dt>
        <dd>${v.agencyName}</dd>
        <dt>验证码</dt>
        <dd>${v.instrumentId}</dd>
      </dl>
      <h2>已签章的版本</h2>
      <table>
        <thead>
          <tr>
            <th>版本</th>
            <th>签章时间</th>
            <th>PDF 的 SM3 值</th>
            <th>SM2 签名</th>
            <th>留存文件</th>
          </tr>
        </thead>
        <tbody>
          ${v.versions.map(
            (x) =>
              html`<tr>
                <td>第 ${x.version} 版</td>
                <td>${x.issuedAt}</td>
                <td><code>${x.pdfSm3}</code></td>
                <td>
                  ${yes(x.isSignatureValid && x.isKeyIdConsistent, '有效', '无效')}（密钥
                  ${x.sealKeyId}）
                </td>
                <td>${yes(x.isStoredFileIntact, '完好', '与签章值不符')}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <h2>核验手中的文件</h2>
      <form id="check">
        <label>选择 PDF 文件 <input id="file" type="file" accept="application/pdf" /></label>
        <button type="submit">核验</button>
      </form>
      <p id="result" role="status"></p>
      <p>
        也可自行计算文件的 SM3 值与上表比对。签章为国密 SM2 签名，签名对象包括文书编号、制作机关和
        PDF 文件的 SM3 值。
      </p>
      <script>
        ${raw(CHECK_SCRIPT)};
      </script>`,
  });
}
