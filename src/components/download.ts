/**
 * Save `text` as a file named `name`, as the browser saves downloads: made
 * in the page, so that no link ever needs a credential in it.
 */
export function downloadText(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}
