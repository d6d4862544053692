import { execa } from 'execa';

/** Opens a URL in the desktop's browser (`open` on macOS, `xdg-open` elsewhere), not waiting for it. */
export async function openBrowser(url: string): Promise<void> {
  const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
  const child = execa(opener, [url], { detached: true, stdio: 'ignore' });
  child.unref();
  await child;
}
