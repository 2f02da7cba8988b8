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

/** Saves through the browser's download (Blob + anchor): no file system access from the renderer. */
export function downloadPdf(base64: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next tick: some engines start the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
