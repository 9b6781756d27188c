/**
 * Announces news (a badge, a new level, a result) through the page's polite live region, #sp-live.
 * The text is set after a short pause so the same words twice are announced twice.
 */
export function createAnnouncer(region: HTMLElement | null): (text: string) => void {
  let queue: string[] = [];
  let timer: number | undefined;
  return (text: string) => {
    if (!region || !text) return;
    queue.push(text);
    window.clearTimeout(timer);
    region.textContent = "";
    timer = window.setTimeout(() => {
      region.textContent = queue.join(" ");
      queue = [];
    }, 120);
  };
}
