/**
 * Saves bytes as a file through the browser's download. Inside Excel's desktop webview a download
 * may be refused without any sign to the page, so the pane says where else to get the file.
 */
export function saveFile(name: string, bytes: Uint8Array, mime: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started reading the blob; a minute is generous for the slowest disk.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ZIP_MIME = 'application/zip';
