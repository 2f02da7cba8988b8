import { saveFile } from '../../ui/saveFile';

/** Base64 (as main sends stored PDFs) to bytes; throws on text that is not base64. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const clean = base64.replace(/\s+/g, '');
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A file name that is safe on every OS and ends in .pdf. */
export function pdfFileName(name: string, fallback: string): string {
  const printable = [...(name.trim() || fallback)].map((c) => (c.charCodeAt(0) < 32 ? '_' : c)).join('');
  const base = printable.replace(/[\\/:*?"<>|]+/g, '_').replace(/\.pdf$/i, '');
  return `${base.slice(0, 120) || 'quotation'}.pdf`;
}

/** Saves a stored quotation PDF as a file. */
export function downloadPdf(base64: string, fileName: string): void {
  saveFile(base64ToBytes(base64), fileName, 'application/pdf');
}
