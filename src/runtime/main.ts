import { createNavigation } from "./player/navigation.js";
import { readPlayerData } from "./player/read-player-data.js";
import { chooseTracker } from "./tracking/choose-tracker.js";

/** The player's entry point: read the unit's rules, connect to the LMS, resume, and track each page. */
async function startPlayer(): Promise<void> {
  const data = readPlayerData(document);
  const tracker = chooseTracker(window, `${data.unit.id}@${data.unit.version}`, (message) => console.warn(`[skillpack] ${message}`));
  const resume = await tracker.start();
  const visited = new Set(resume?.visited ?? []);
  let finished = false;
  const navigation = createNavigation(document, data, (pageId) => {
    visited.add(pageId);
    void tracker.save({ page: pageId, visited: data.pages.map((p) => p.id).filter((id) => visited.has(id)) });
    if (!finished && visited.size === data.pages.length) {
      finished = true;
      void tracker.finish({ completed: true });
    }
  });
  navigation.show(resume?.page ?? data.pages[0]!.id);
  // pagehide, never unload: it fires on mobile and keeps the back-forward cache working.
  window.addEventListener("pagehide", () => tracker.terminate(), { once: true });
}

void startPlayer();
