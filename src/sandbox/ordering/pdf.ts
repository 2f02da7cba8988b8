/**
 * A minimal, valid PDF 1.4 writer for quotation exports: one or more A4 pages of Helvetica text. Byte
 * offsets in the cross-reference table are computed from the latin-1 bytes actually written, which
 * is what PDF readers check; text is WinAnsi-encoded (latin-1 covers "Pléiades").
 */

const PAGE_W = 595;
const PAGE_H = 842;
const MARGIN = 56;
const LEADING = 15;
const LINES_PER_PAGE = Math.floor((PAGE_H - 2 * MARGIN) / LEADING);

export interface PdfLine {
  text: string;
  size?: number;
}

function escapeText(s: string): string {
  // Characters outside latin-1 cannot be shown with a standard font: replace them visibly.
  const latin1 = [...s].map((c) => (c.charCodeAt(0) > 255 ? '?' : c)).join('');
  return latin1.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[\r\n\t]/g, ' ');
}

function pageStream(lines: PdfLine[]): string {
  let y = PAGE_H - MARGIN;
  const ops = ['BT'];
  for (const line of lines) {
    const size = line.size ?? 10;
    ops.push(`/F1 ${size} Tf`, `1 0 0 1 ${MARGIN} ${y} Tm`, `(${escapeText(line.text)}) Tj`);
    y -= size > 10 ? LEADING + 6 : LEADING;
  }
  ops.push('ET');
  return ops.join('\n');
}

export function buildPdf(title: string, lines: PdfLine[]): Buffer {
  const pages: PdfLine[][] = [];
  for (let i = 0; i < Math.max(1, lines.length); i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));

  // Object numbers: 1 catalog, 2 pages, 3 font, 4 info, then (page, content) pairs.
  const objects: string[] = [];
  const pageRefs = pages.map((_, i) => `${5 + 2 * i} 0 R`);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageRefs.join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title (${escapeText(title)}) /Producer (Imagery Desk provider sandbox) >>`;
  pages.forEach((page, i) => {
    const stream = pageStream(page);
    objects[5 + 2 * i] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${6 + 2 * i} 0 R >>`;
    objects[6 + 2 * i] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = Buffer.byteLength(out, 'latin1');
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n++) out += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
