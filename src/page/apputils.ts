// What the answers' views take from @jupyterlab/apputils, for the pages
// where JupyterLab is not (scripts/build-pages.mjs puts this module in that
// package's place): copying through a selection, where the Clipboard API is
// refused (a hub served without HTTPS).
export const Clipboard = {
  copyToSystem(text: string): void {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
};
