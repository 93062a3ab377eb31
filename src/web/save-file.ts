// Saving bytes as a download: a Blob, an object URL and a link with `download`, clicked (no server involved).
export function saveBytes(bytes: Uint8Array, name: string, type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the browser has taken the file by the time the link's click is handled; the URL is freed a little later
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
