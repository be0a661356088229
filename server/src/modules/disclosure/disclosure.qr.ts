// QR codes of credentials (亮证) and inspections (扫码入企), as SVG for pages and PNG for print.
// The code holds an absolute URL of the public page, so any phone camera opens it.
import QRCode from 'qrcode';

const OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

export type QrFormat = 'svg' | 'png';

export function credentialPath(credentialNo: string): string {
  return `/verify/${encodeURIComponent(credentialNo)}`;
}

export function inspectionPath(code: string): string {
  return `/inspections/${encodeURIComponent(code)}`;
}

export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...OPTIONS, type: 'svg' });
}

export async function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...OPTIONS, type: 'png', width: 480 });
}

export async function qrImage(
  url: string,
  format: QrFormat,
): Promise<{ type: string; body: string | Buffer }> {
  return format === 'png'
    ? { type: 'image/png', body: await qrPng(url) }
    : { type: 'image/svg+xml; charset=utf-8', body: await qrSvg(url) };
}
