import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { mapTexts } from "../../src/shared/translatable-text.js";
import { buildAndUnzip, type BuiltForTest } from "../helpers/build-package.js";
import { launchChromium } from "../helpers/launch-chromium.js";
import { openInLms } from "../helpers/scorm12-lms.js";

// Each payload, if it ever ran, would set `__pwned` on the LMS window or the package's own window.
const PAYLOADS = [
  "<script>top.__pwned=1;window.__pwned=1</script>",
  '<img src=x onerror="top.__pwned=1">',
  "[click me](javascript:top.__pwned=1)",
  '<a href="javascript:top.__pwned=1">link</a>',
  "{{constructor.constructor('top.__pwned=1')()}}",
  "&lt;script&gt;top.__pwned=1&lt;/script&gt;",
  '"><svg onload=top.__pwned=1>',
  "</script><script>top.__pwned=1</script>",
  "\u2028</script><script>top.__pwned=1</script>",
  '<iframe srcdoc="<script>top.__pwned=1</script>"></iframe>',
  "<style>body{background:url(javascript:top.__pwned=1)}</style>",
  "[x](data:text/html;base64,PHNjcmlwdD50b3AuX19wd25lZD0xPC9zY3JpcHQ+)",
];

const base = {
  id: "hostile",
  version: "1.0.0",
  language: "en",
  languages: ["en"],
  title: "t",
  description: "d",
  hours: 1,
  outcomes: [{ id: "o1", text: "t" }],
  sections: [
    {
      id: "s1",
      title: "t",
      blocks: [
        { kind: "text", id: "b1", markdown: "t" },
        { kind: "callout", id: "b2", tone: "warning", title: "t", markdown: "t" },
        { kind: "reflection", id: "b3", prompt: "t", hint: "t" },
        { kind: "image", id: "b4", src: "assets/ok.svg", alt: "t", caption: "t" },
      ],
    },
    {
      id: "s2",
      title: "t",
      blocks: [
        { kind: "scenario", id: "b5", title: "t", intro: "t", start: "n1", nodes: [
          { id: "n1", speaker: "t", text: "t", choices: [{ id: "c1", text: "t", feedback: "t", next: "n2" }, { id: "c2", text: "t", feedback: "t", next: "n2" }] },
          { id: "n2", text: "t", outcome: "best" },
        ] },
        { kind: "quiz", id: "b6", title: "t", intro: "t", passMark: 50, questions: [
          { type: "singleChoice", id: "q1", prompt: "t", options: [{ id: "a", text: "t", correct: true, feedback: "t" }, { id: "b", text: "t", correct: false, feedback: "t" }] },
          { type: "fillIn", id: "q2", prompt: "t", accept: [{ id: "a", text: "t" }], feedbackCorrect: "t", feedbackWrong: "t" },
        ] },
      ],
    },
  ],
  gamification: { levels: [{ id: "l1", name: "t", minPoints: 0 }], badges: [{ id: "g1", name: "t", description: "t", criterion: { type: "allReflections" } }] },
};

describe("text from a unit can never run as script in the package", () => {
  let browser: Browser;
  let built: BuiltForTest;
  let unitDir: string;
  let fields = 0;
  beforeAll(async () => {
    unitDir = await mkdtemp(join(tmpdir(), "skillpack-hostile-"));
    let i = 0;
    const hostile = mapTexts(base, () => {
      fields++;
      return `${PAYLOADS[i++ % PAYLOADS.length]} #${i}`;
    });
    await mkdir(join(unitDir, "assets"));
    await writeFile(join(unitDir, "assets/ok.svg"), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>');
    await writeFile(join(unitDir, "unit.json"), JSON.stringify(hostile, null, 2));
    [browser, built] = await Promise.all([launchChromium(), buildAndUnzip(unitDir)]);
  });
  afterAll(async () => {
    await browser?.close();
    await built?.cleanup();
    await rm(unitDir, { recursive: true, force: true });
  });

  it("puts every payload into the page as text: no element, attribute or link of its own", async () => {
    expect(fields).toBeGreaterThanOrEqual(PAYLOADS.length * 2);
    const html = await readFile(join(built.dir, "index.html"), "utf8");
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.setContent(html);
    const found = await page.evaluate(() => ({
      // Only the player's own two: its JSON data (never executed) and player.js.
      scripts: [...document.querySelectorAll("script")].map((s) => s.getAttribute("src") ?? s.type),
      handlers: [...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => a.name)),
      badLinks: [...document.querySelectorAll("[href],[src],[srcdoc]")].map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? "srcdoc").filter((u) => /^\s*(javascript|data):/i.test(u) || u === "srcdoc"),
      embedded: document.querySelectorAll("iframe, style, object, embed, svg, img:not([src^='media/'])").length,
    }));
    await page.close();
    expect(found).toEqual({ scripts: ["application/json", "player.js"], handlers: [], badLinks: [], embedded: 0 });
  });

  it("runs none of them in Chromium, and shows them to the learner as written", async () => {
    const lms = await openInLms(browser, { packageDir: built.dir });
    const dialogs: string[] = [];
    lms.page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const frame = lms.frame();
    await frame.locator("#sp-main").waitFor();
    const shown = await frame.locator("body").innerText();
    expect(shown).toContain("<script>top.__pwned=1;window.__pwned=1</script> #1");
    expect(shown).toContain('<a href="javascript:top.__pwned=1">link</a> #4');
    expect(shown).toContain("</script><script>top.__pwned=1</script> #8");
    expect(shown).toContain("{{constructor.constructor(");
    // Walk every page, open every scenario choice and follow every link the learner could click.
    await frame.getByRole("button", { name: "Next" }).click();
    // A taken choice disables the others of its step until "Continue", so click those still open.
    for (const choice of await frame.locator(".sp-choice").all()) if ((await choice.isVisible()) && (await choice.isEnabled())) await choice.click();
    for (const link of await frame.locator("#sp-main a").all()) await link.click({ trial: false }).catch(() => undefined);
    await lms.page.waitForTimeout(300);
    expect(await lms.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await lms.close();
  });
});
