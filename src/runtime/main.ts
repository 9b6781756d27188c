import { emptyResumeState, type ResumeState } from "../shared/tracking-types.js";
import { decodeState, encodeState } from "../shared/state/state-codec.js";
import { stateLayout } from "../shared/state/state-layout.js";
import { focusQuietly } from "./player/dom.js";
import { mountPlayer, type PlayerView } from "./player/mount-player.js";
import { languageNames, pickLanguage, readPlayerData, withPassMark } from "./player/read-player-data.js";
import { createSession, type Session } from "./player/session.js";
import { chooseTracker } from "./tracking/choose-tracker.js";
import type { SaveStatus, StateCodec } from "./tracking/tracker.js";

const log = (message: string) => console.warn(`[skillpack] ${message}`);
/** How long progress may wait to be saved before the learner is told. */
const NOTICE_DELAY_MS = 1500;

/** The player's entry point: read the unit's rules, connect to the LMS, resume, and bring the page to life. */
async function startPlayer(doc: Document): Promise<void> {
  const primary = readPlayerData(doc);
  const app = doc.getElementById("sp-app");
  if (!primary || !app) return;
  // Other languages wait in <template id="sp-app-<lang>">; this page's own markup is kept clean for switching back.
  // (Only a package with several languages needs the copy: cloning every page costs the first paint.)
  const pristine = new Map<string, HTMLElement>(primary.packageLanguages.length > 1 ? [[primary.unit.language, app.cloneNode(true) as HTMLElement]] : []);
  const appFor = (language: string) =>
    pristine.get(language) ?? (doc.getElementById(`sp-app-${language}`) as HTMLTemplateElement | null)?.content.firstElementChild as HTMLElement | null;
  const available = primary.packageLanguages.filter((l) => l === primary.unit.language || (appFor(l) && readPlayerData(doc, l)));

  const layout = stateLayout(primary);
  const codec: StateCodec = {
    encode: (state, limit) => encodeState(state, layout, { limit }),
    decode(text) {
      const result = decodeState(text, layout);
      if (!result.ok) log(`the saved progress was set aside: ${result.reason}`);
      return result.ok ? result.state : undefined;
    },
  };
  let view: PlayerView | undefined;
  let saving: SaveStatus = "saved";
  let shown: SaveStatus = "saved";
  let noticeTimer: number | undefined;
  const showSaving = (status: SaveStatus) => {
    window.clearTimeout(noticeTimer);
    noticeTimer = undefined;
    shown = status;
    view?.setSaving(status);
  };
  const tracker = chooseTracker(window, `${primary.unit.id}@${primary.unit.version}`, codec, {
    log,
    onSaveStatus(status) {
      saving = status;
      // A save that gets through a moment later is no news: the notice waits a little before it shows,
      // so a flaky network does not make it blink and move the page under the learner's finger.
      if (status === "saved" || status === "not-connected" || shown !== "saved") showSaving(status);
      else if (noticeTimer === undefined) noticeTimer = window.setTimeout(() => showSaving(saving), NOTICE_DELAY_MS);
    },
  });
  let session: Session | undefined;
  // Listening before anything can fail: whatever happens at start, the session is ended properly.
  // Hidden (tab switched, phone locked, window closing): save now, it may be the last chance.
  doc.addEventListener("visibilitychange", () => {
    if (doc.visibilityState !== "hidden") return;
    session?.flush();
    tracker.flush();
  });
  // pagehide, never unload: it fires on mobile and keeps the back-forward cache working.
  window.addEventListener(
    "pagehide",
    () => {
      session?.flush();
      tracker.terminate();
    },
    { once: true },
  );
  let resumed: ResumeState | undefined;
  try {
    resumed = await tracker.start();
  } catch (error) {
    // The learner still gets the unit; the notice says progress is not being saved.
    log(`the learning platform could not be reached: ${(error as Error).message}`);
    showSaving((saving = "not-connected"));
  }
  // The platform's own pass mark, when it sets one, is the one the learner is judged by (and shown).
  const lmsPassMark = tracker.passMark?.();
  const dataFor = (language: string) => {
    const data = language === primary.unit.language ? primary : readPlayerData(doc, language);
    return data && lmsPassMark !== undefined ? withPassMark(data, lmsPassMark) : data;
  };
  const state = resumed ?? emptyResumeState(primary.pages[0]!.id);
  let language = pickLanguage(available, state.language, tracker.preferredLanguage(), primary.unit.language);
  session = createSession(dataFor(language)!, state, tracker);
  const current = session;
  const names = languageNames(available);

  const mount = (next: string, focus: boolean) => {
    view?.unmount();
    let root = doc.getElementById("sp-app")!;
    if (next !== primary.unit.language || root.dataset.lang !== next) {
      const fresh = appFor(next)!.cloneNode(true) as HTMLElement;
      root.replaceWith(fresh);
      root = fresh;
    }
    root.dataset.lang = next;
    language = next;
    current.data = dataFor(next)!;
    doc.documentElement.lang = next;
    doc.title = current.data.unit.title;
    view = mountPlayer(root, current, {
      standalone: tracker.standard === "standalone",
      languageNames: names,
      onLanguage: switchTo,
      ...(tracker.exit && saving !== "not-connected" ? { onExit: leave } : {}),
    });
    if (shown !== "saved") view.setSaving(shown);
    view.show(current.state.page, { focus });
  };
  function switchTo(next: string) {
    if (next === language || !available.includes(next)) return;
    current.change((s) => {
      s.language = next;
    });
    mount(next, false);
    focusQuietly(doc.getElementById("sp-language-select"));
  }
  async function leave() {
    current.flush();
    const outcome = await tracker.exit!();
    if (outcome.returnUrl) window.location.assign(outcome.returnUrl);
    else view?.end(outcome.sent);
  }
  app.dataset.lang = primary.unit.language;
  mount(language, false);
  // For measuring (npm run bench): the moment the first page answers the learner.
  performance.mark("skillpack:interactive");
}

void startPlayer(document);
