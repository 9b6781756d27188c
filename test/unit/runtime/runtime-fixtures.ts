// Unit tests build the player's rules from a real fixture unit, as the build does.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { playerData, type PlayerData } from "../../../src/shared/player-data.js";
import { UI_STRINGS } from "../../../src/shared/ui-strings.js";
import type { Unit } from "../../../src/shared/unit-types.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export function fixtureUnit(name: string): Unit {
  return JSON.parse(readFileSync(path.join(ROOT, "test/fixtures/units", name, "unit.json"), "utf8")) as Unit;
}

export function fixtureData(name = "player-journey", change?: (unit: Unit) => void): PlayerData {
  const unit = fixtureUnit(name);
  change?.(unit);
  return playerData(unit, UI_STRINGS.en, (s) => `<p>${s}</p>`, (p) => p);
}
