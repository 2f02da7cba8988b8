/**
 * Offers data as a file through the browser's download (Blob + anchor): Electron shows its save dialog
 * for downloads, a browser its own, and the renderer never touches the file system.
 */
export function saveFile(data: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Some engines start the download asynchronously after click(): revoke later, not now.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
