/** Clipboard and share helpers that degrade quietly where the browser says no. */

/** Copies text; true when the browser accepted it. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Shares through Web Share where available, else copies; tells which happened ('cancelled': the user closed the share sheet). */
export async function shareOrCopy(data: {
  title: string;
  text?: string;
  url?: string;
}): Promise<'shared' | 'copied' | 'cancelled' | 'failed'> {
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share(data);
      return 'shared';
    } catch (e) {
      if ((e as DOMException).name === 'AbortError') return 'cancelled';
    }
  }
  return (await copyText(data.url ?? data.text ?? '')) ? 'copied' : 'failed';
}

/** Offers text as a file download. */
export function downloadText(name: string, text: string, type = 'text/markdown'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
