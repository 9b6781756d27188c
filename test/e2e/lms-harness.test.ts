// Proves the test LMS itself (serveDir, the SCORM 1.2 facade, faults, resume) with tiny hand-made
// SCOs, so a failing player test can be trusted to be about the player.
import { request } from "node:http";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/launch-chromium.js";
import { openInLms, type LmsSession, type OpenInLmsOptions } from "../helpers/scorm12-lms.js";
import { serveDir } from "../helpers/serve-dir.js";

const CMI_TIMESPAN = /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/;

let browser: Browser;
let scratch: string;

beforeAll(async () => {
  browser = await launchChromium();
  scratch = await mkdtemp(path.join(tmpdir(), "skillpack-lms-harness-"));
});

afterAll(async () => {
  await browser?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/**
 * A package whose SCO runs `body` with `api` = window.parent.API and `out` = an object the test
 * reads back from the iframe as window.out. Script in a file, not inline, like a CSP-clean player.
 */
async function scoPackage(name: string, body: string): Promise<string> {
  const dir = path.join(scratch, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "index.html"), '<!doctype html><meta charset="utf-8"><title>SCO</title><script src="sco.js"></script>\n');
  await writeFile(path.join(dir, "sco.js"), `"use strict";\nwindow.out = {};\n(function (api, out) {\n${body}\n})(window.parent.API, window.out);\n`);
  return dir;
}

async function play(name: string, body: string, options: Omit<OpenInLmsOptions, "packageDir"> = {}): Promise<LmsSession> {
  return openInLms(browser, { packageDir: await scoPackage(name, body), ...options });
}

describe("SCORM 1.2 test LMS", () => {
  it("stores what a SCO sets and records a breach for a SCORM 2004 timespan", async () => {
    const lms = await play(
      "basic",
      `
      out.init = api.LMSInitialize("");
      api.LMSSetValue("cmi.core.lesson_status", "completed");
      api.LMSSetValue("cmi.core.session_time", "0000:00:05.00");
      out.bad = api.LMSSetValue("cmi.core.session_time", "PT5S");
      out.badError = api.LMSGetLastError();
      out.commit = api.LMSCommit("");
      out.finish = api.LMSFinish("");
      `,
    );
    try {
      expect(await lms.frame().evaluate("window.out")).toEqual({ init: "true", bad: "false", badError: "405", commit: "true", finish: "true" });
      const data = await lms.lmsData();
      expect(data.finished).toBe(true);
      expect(data.cmi.core.lesson_status).toBe("completed");
      expect(data.cmi.core.session_time).toMatch(CMI_TIMESPAN);
      expect(data.values["cmi.core.session_time"]).toBe("0000:00:05.00");
      const breaches = await lms.breaches();
      expect(breaches).toHaveLength(1);
      expect(breaches[0]).toContain("cmi.core.session_time");
      const calls = await lms.calls();
      expect(calls.filter((c) => c.name === "LMSFinish")).toHaveLength(1);
      expect(calls.find((c) => c.args[1] === "PT5S")).toMatchObject({ name: "LMSSetValue", result: "false", errorCode: "405" });
    } finally {
      await lms.close();
    }
  });

  it("enforces the strict limits scorm-again lets through, and the call order", async () => {
    const lms = await play(
      "strict",
      `
      api.LMSSetValue("cmi.core.lesson_status", "completed"); // before LMSInitialize
      api.LMSInitialize("");
      api.LMSInitialize(""); // second
      api.LMSSetValue("cmi.suspend_data", "x".repeat(4097));
      api.LMSSetValue("cmi.suspend_data", "x".repeat(4096)); // ok
      api.LMSSetValue("cmi.core.score.raw", 80); // not a string
      api.LMSSetValue("cmi.core.score.raw", "101");
      api.LMSSetValue("cmi.core.score.raw", "80"); // ok
      api.LMSSetValue("cmi.core.lesson_status", "not attempted");
      api.LMSSetValue("cmi.interactions.0.id", "q1"); // ok
      api.LMSSetValue("cmi.interactions.0.type", "choice"); // ok
      api.LMSSetValue("cmi.interactions.0.student_response", "b"); // ok
      api.LMSSetValue("cmi.interactions.0.student_response", "Option B");
      api.LMSSetValue("cmi.interactions.0.time", "12:30:00"); // ok
      api.LMSSetValue("cmi.interactions.0.latency", "0000:00:12.5"); // ok
      api.LMSSetValue("cmi.interactions.0.result", "correct"); // ok
      api.LMSSetValue("cmi.interactions.0.correct_responses.0.pattern", "b"); // ok
      api.LMSSetValue("cmi.interactions.0.id", "has space");
      api.LMSSetValue("cmi.interactions.2.id", "q3"); // gap: _count is 1
      api.LMSFinish("");
      api.LMSGetValue("cmi.core.lesson_status"); // after LMSFinish
      api.LMSFinish(""); // second
      `,
    );
    try {
      const breaches = await lms.breaches();
      const expected = [
        "before LMSInitialize",
        "second LMSInitialize",
        "longer than 4096",
        "value is a number",
        "outside 0..100",
        "not one of passed",
        "not a valid choice response",
        "not a CMIIdentifier",
        "leaves a gap",
        "after LMSFinish",
        "second LMSFinish",
      ];
      expect(breaches).toHaveLength(expected.length);
      expected.forEach((text, i) => expect(breaches[i]).toContain(text));
      const { cmi } = await lms.lmsData();
      expect(cmi.suspend_data).toHaveLength(4096);
      expect(cmi.core.score.raw).toBe("80");
      // Write-only interaction fields are readable in scorm-again's JSON (keyed "0", "1", ...).
      expect(cmi.interactions["0"]).toMatchObject({ id: "q1", type: "choice", student_response: "b", result: "correct" });
      expect(cmi.interactions["0"]?.correct_responses["0"]?.pattern).toBe("b");
      expect(Object.keys(cmi.interactions)).toEqual(["0"]);
    } finally {
      await lms.close();
    }
  });

  it("injects faults: a failed LMSSetValue returns false with error 101 and stores nothing", async () => {
    const lms = await play(
      "faults",
      `
      api.LMSInitialize("");
      out.set = api.LMSSetValue("cmi.core.lesson_status", "completed");
      out.error = api.LMSGetLastError();
      out.commit = api.LMSCommit("");
      api.LMSFinish("");
      `,
      { faults: { failAllUntil: 10 * 60_000 } },
    );
    try {
      expect(await lms.frame().evaluate("window.out")).toEqual({ set: "false", error: "101", commit: "false" });
      const data = await lms.lmsData();
      expect(data.cmi.core.lesson_status).not.toBe("completed");
      expect(data.values).not.toHaveProperty("cmi.core.lesson_status");
      expect((await lms.calls()).filter((c) => c.fault)).toHaveLength(2);
      expect(await lms.breaches()).toEqual([]);
    } finally {
      await lms.close();
    }
  });

  it("repeats the same random faults for the same seed", async () => {
    const body = `
      api.LMSInitialize("");
      out.results = [];
      for (let i = 0; i < 20; i++) out.results.push(api.LMSSetValue("cmi.core.lesson_location", "p" + i));
      api.LMSFinish("");`;
    const runs: string[][] = [];
    for (const name of ["rate-a", "rate-b"]) {
      const lms = await play(name, body, { faults: { setValueFailRate: 0.5 } });
      runs.push(((await lms.frame().evaluate("window.out")) as { results: string[] }).results);
      await lms.close();
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]).toContain("true");
    expect(runs[0]).toContain("false");
  });

  it("seeds the LMS so a SCO can resume: exit=suspend becomes entry=resume", async () => {
    const reader = `
      api.LMSInitialize("");
      out.suspendData = api.LMSGetValue("cmi.suspend_data");
      out.entry = api.LMSGetValue("cmi.core.entry");
      out.location = api.LMSGetValue("cmi.core.lesson_location");
      out.totalTime = api.LMSGetValue("cmi.core.total_time");
      api.LMSFinish("");`;
    const seeded = await play("resume-seed", reader, { cmi: { "cmi.suspend_data": "abc", "cmi.core.exit": "suspend" } });
    try {
      expect(await seeded.frame().evaluate("window.out")).toEqual({ suspendData: "abc", entry: "resume", location: "", totalTime: "00:00:00" });
    } finally {
      await seeded.close();
    }

    // Round trip: the first launch's lmsData().cmi seeds the second, as an LMS would.
    const first = await play(
      "resume-first",
      `
      api.LMSInitialize("");
      out.entry = api.LMSGetValue("cmi.core.entry");
      api.LMSSetValue("cmi.suspend_data", "state=3");
      api.LMSSetValue("cmi.core.lesson_location", "page-3");
      api.LMSSetValue("cmi.core.lesson_status", "incomplete");
      api.LMSSetValue("cmi.core.exit", "suspend");
      api.LMSSetValue("cmi.core.session_time", "00:01:30");
      api.LMSFinish("");`,
    );
    const firstData = await first.lmsData();
    expect(await first.frame().evaluate("window.out")).toEqual({ entry: "ab-initio" });
    await first.close();
    const second = await play("resume-second", reader, { cmi: firstData.cmi });
    try {
      expect(await second.frame().evaluate("window.out")).toEqual({ suspendData: "state=3", entry: "resume", location: "page-3", totalTime: "00:01:30" });
      expect((await second.lmsData()).cmi.core.lesson_status).toBe("incomplete");
      expect(await second.breaches()).toEqual([]);
    } finally {
      await second.close();
    }
  });
});

/** Raw GET: the path goes on the wire exactly as given (fetch would normalise `..` away first). */
function rawGet(url: string, rawPath: string): Promise<{ status: number; type: string; cache: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), cache: String(res.headers["cache-control"]), body }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("serveDir", () => {
  it("serves files with their type and never anything outside root", async () => {
    const root = path.join(scratch, "served", "site");
    await mkdir(path.join(root, "media"), { recursive: true });
    await writeFile(path.join(scratch, "served", "package.json"), "{}");
    await writeFile(path.join(scratch, "served", "x"), "secret");
    await writeFile(path.join(root, "index.html"), "<!doctype html><p>hi</p>");
    await writeFile(path.join(root, "media", "clip.vtt"), "WEBVTT\n");
    const server = await serveDir(root, { "/lms.html": { type: "text/html; charset=utf-8", body: "lms" } });
    try {
      const index = await rawGet(server.url, "/index.html");
      expect(index).toMatchObject({ status: 200, type: "text/html; charset=utf-8", cache: "no-store" });
      expect((await rawGet(server.url, "/media/clip.vtt")).type).toBe("text/vtt; charset=utf-8");
      expect((await rawGet(server.url, "/")).body).toContain("hi");
      expect((await rawGet(server.url, "/lms.html?x=1")).body).toBe("lms");
      expect((await rawGet(server.url, "/missing.png")).status).toBe(404);
      for (const evil of ["/../package.json", "/%2e%2e/x", "/%2E%2E/x", "/..%2fx", "/..%2Fpackage.json", "/..\\x", "/media/..%5c..%5cx", "/index.html%00.png"]) {
        const res = await rawGet(server.url, evil);
        expect(res.status, evil).toBe(404);
        expect(res.body, evil).not.toContain("secret");
      }
    } finally {
      await server.close();
    }
  });
});
