import type { PlayerData } from "../../shared/player-data.js";

/** The rules the build put beside the page, in <script type="application/json" id="sp-data">. */
export function readPlayerData(doc: Document): PlayerData {
  const element = doc.getElementById("sp-data");
  return JSON.parse(element?.textContent ?? "{}") as PlayerData;
}
