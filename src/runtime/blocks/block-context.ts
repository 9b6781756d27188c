import type { UiStrings } from "../../shared/ui-strings.js";
import type { Session } from "../player/session.js";

/** What every block's script gets: the session to change, the words to use and a voice for news. */
export interface BlockContext {
  session: Session;
  ui: UiStrings;
  language: string;
  announce(text: string): void;
}
