// A strict SCORM 1.2 LMS for the page that frames a package: `skillpack preview` and the tests
// (test/helpers/scorm12-lms.ts) both use it.
//
// scorm-again holds the data model, but it is lenient on purpose (e.g. 64000-char suspend_data),
// while real LMSs (Moodle, SCORM Cloud's strict mode) are not. So window.API here is a facade
// that checks every call against the strict SCORM 1.2 rules first, logs it, can inject faults,
// and only then hands it to scorm-again. Tests and the preview's live view read window.__lms; each
// call is also announced as an "lms-call" event.
(function () {
  "use strict";

  /** @type {{cmi?: Record<string, unknown>, faults?: {setValueFailRate?: number, commitFailRate?: number, failAllUntil?: number, seed?: number}, launch?: string}} */
  const config = window.__lmsConfig || {};
  // Times are performance.now(): ms since this LMS page started loading.
  const now = () => Math.round(performance.now() * 10) / 10;

  const api = new window.Scorm12API({ autocommit: false, logLevel: 5, lmsCommitUrl: false });
  api.loadFromFlattenedJSON(seedToFlatCmi(config.cmi));

  const lms = {
    api, // the scorm-again instance, for debugging from tests
    calls: [],
    breaches: [],
    values: {}, // last value successfully set per element (write-only ones included)
    initialized: false,
    finished: false,
    /** While true, every LMSSetValue and LMSCommit fails, as when the LMS's server is unreachable. */
    offline: false,
    snapshot,
  };
  window.__lms = lms;

  // ------------------------------------------------------------------ seeding (resume)

  /** Accepts flat ({"cmi.core.x": v}) or nested ({core: {...}} / {cmi: {...}}) data, e.g. a previous lmsData().cmi. */
  function flatten(value, prefix, out) {
    if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
    } else if (value !== undefined && value !== null) {
      out[prefix] = String(value);
    }
    return out;
  }

  /** Turns the previous session's data into what an LMS hands the next launch. */
  function seedToFlatCmi(seed) {
    const flat = {};
    for (const [key, value] of Object.entries(seed || {})) {
      const path = key === "cmi" || key.startsWith("cmi.") ? key : `cmi.${key}`;
      flatten(value, path, flat);
    }
    const firstLaunch = Object.keys(flat).length === 0;
    for (const key of Object.keys(flat)) {
      if (/\._(children|count|version)$/.test(key)) delete flat[key];
    }
    // exit and session_time belong to the session that ended: the LMS turns exit=suspend into
    // entry=resume and adds session_time to total_time, like Moodle does.
    const hadExit = "cmi.core.exit" in flat;
    const exit = flat["cmi.core.exit"];
    const session = flat["cmi.core.session_time"];
    delete flat["cmi.core.exit"];
    delete flat["cmi.core.session_time"];
    // A previous session's exit decides entry, even over that session's own entry value.
    if (hadExit) flat["cmi.core.entry"] = exit === "suspend" ? "resume" : "";
    else if (!("cmi.core.entry" in flat)) flat["cmi.core.entry"] = firstLaunch ? "ab-initio" : "";
    if (session) flat["cmi.core.total_time"] = addTimespans(flat["cmi.core.total_time"] || "0000:00:00", session);
    const defaults = { "cmi.core.student_id": "skillpack-test", "cmi.core.student_name": "Learner, Test", "cmi.core.credit": "credit", "cmi.core.lesson_mode": "normal", "cmi.core.total_time": "0000:00:00" };
    for (const [key, value] of Object.entries(defaults)) if (!flat[key]) flat[key] = value;
    // scorm-again skips empty values anyway; its defaults are "" too.
    for (const key of Object.keys(flat)) if (flat[key] === "") delete flat[key];
    return flat;
  }

  function addTimespans(a, b) {
    const seconds = (t) => t.split(":").reduce((sum, part) => sum * 60 + Number(part), 0);
    const total = Math.round((seconds(a) + seconds(b)) * 100) / 100;
    const pad = (n, w) => String(n).padStart(w, "0");
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return `${pad(h, 4)}:${pad(m, 2)}:${pad(Math.floor(s), 2)}${s % 1 ? `.${pad(Math.round((s % 1) * 100), 2)}` : ""}`;
  }

  // ------------------------------------------------------------------ strict SCORM 1.2 checks

  // Regexes as in Moodle's mod/scorm/datamodels/scorm_12.js.
  const CMIDecimal = /^-?([0-9]{0,3})(\.[0-9]*)?$/;
  const CMITimespan = /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/;
  const CMITime = /^([0-2][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]{1,2})?$/;
  const CMIIdentifier = /^[\u0021-\u007E]{1,255}$/;
  const STATUS = ["passed", "completed", "failed", "incomplete", "browsed"];
  const EXIT = ["time-out", "suspend", "logout", ""];
  const TYPES = ["true-false", "choice", "fill-in", "matching", "performance", "sequencing", "likert", "numeric"];
  const RESULTS = ["correct", "wrong", "unanticipated", "neutral"];
  const choiceList = /^(\{[0-9a-z](,[0-9a-z])*\}|[0-9a-z](,[0-9a-z])*)$/;
  const RESPONSE_FORMATS = {
    choice: choiceList,
    sequencing: choiceList,
    "true-false": /^[01tf]/,
    matching: /^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/,
    likert: /^[0-9a-z]?$/,
    numeric: CMIDecimal,
  };

  const show = (v) => (typeof v === "string" && v.length > 60 ? `${JSON.stringify(v.slice(0, 60))}… (${v.length} chars)` : JSON.stringify(v));

  function checkScore(v) {
    if (!CMIDecimal.test(v)) return "not a CMIDecimal";
    if (v !== "" && !(Number(v) >= 0 && Number(v) <= 100)) return "outside 0..100";
    return null;
  }

  const arrayLength = (cmiArray) => (cmiArray && Array.isArray(cmiArray.childArray) ? cmiArray.childArray.length : 0);

  /** Index n of a list must be an existing entry or exactly _count (the next one): no gaps. */
  function checkIndex(list, index, cmiArray) {
    const count = arrayLength(cmiArray);
    return index > count ? `${list} index ${index} leaves a gap (_count is ${count})` : null;
  }

  function interactionType(n) {
    const set = lms.values[`cmi.interactions.${n}.type`];
    if (set !== undefined) return set;
    const seeded = api.renderCMIToJSONObject().cmi.interactions;
    return seeded && seeded[n] ? seeded[n].type : undefined;
  }

  function checkResponse(n, v) {
    if (v.length > 255) return `longer than 255 chars (${v.length})`;
    const type = interactionType(n);
    const format = RESPONSE_FORMATS[type];
    return format && !format.test(v) ? `not a valid ${type} response (${format})` : null;
  }

  /** Returns why a LMSSetValue breaks strict SCORM 1.2, or null. */
  function validateSet(element, value) {
    if (typeof element !== "string") return `element name is a ${typeof element}, not a string`;
    if (typeof value !== "string") return `value is a ${value === null ? "null" : typeof value}, not a string`;
    const v = value;
    let m;
    if (element === "cmi.suspend_data") return v.length > 4096 ? `longer than 4096 chars (${v.length})` : null;
    if (element === "cmi.core.lesson_location") return v.length > 255 ? `longer than 255 chars (${v.length})` : null;
    if (element === "cmi.core.lesson_status") return STATUS.includes(v) ? null : `not one of ${STATUS.join("/")}`;
    if (element === "cmi.core.exit") return EXIT.includes(v) ? null : 'not one of time-out/suspend/logout/""';
    if (element === "cmi.core.session_time") return CMITimespan.test(v) ? null : "not a CMITimespan (HHHH:MM:SS.SS)";
    if ((m = /^cmi\.core\.score\.(raw|min|max)$/.exec(element))) return checkScore(v);
    if ((m = /^cmi\.objectives\.(\d+)\.(.+)$/.exec(element))) {
      const gap = checkIndex("cmi.objectives", Number(m[1]), api.cmi.objectives);
      if (gap) return gap;
      if (m[2] === "id") return CMIIdentifier.test(v) ? null : "not a CMIIdentifier (1-255 printable ASCII, no spaces)";
      if (/^score\.(raw|min|max)$/.test(m[2])) return checkScore(v);
      return null;
    }
    if ((m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element))) {
      const n = Number(m[1]);
      const field = m[2];
      const gap = checkIndex("cmi.interactions", n, api.cmi.interactions);
      if (gap) return gap;
      const interaction = api.cmi.interactions.childArray[n];
      let sub;
      if ((sub = /^(objectives|correct_responses)\.(\d+)\.(.+)$/.exec(field))) {
        const subGap = checkIndex(`cmi.interactions.${n}.${sub[1]}`, Number(sub[2]), interaction && interaction[sub[1]]);
        if (subGap) return subGap;
        if (sub[1] === "objectives" && sub[3] === "id") return CMIIdentifier.test(v) ? null : "not a CMIIdentifier (1-255 printable ASCII, no spaces)";
        if (sub[1] === "correct_responses" && sub[3] === "pattern") return checkResponse(n, v);
        return null;
      }
      if (field === "id") return CMIIdentifier.test(v) ? null : "not a CMIIdentifier (1-255 printable ASCII, no spaces)";
      if (field === "type") return TYPES.includes(v) ? null : `not one of ${TYPES.join("/")}`;
      if (field === "time") return CMITime.test(v) ? null : "not a CMITime (HH:MM:SS.SS)";
      if (field === "latency") return CMITimespan.test(v) ? null : "not a CMITimespan (HHHH:MM:SS.SS)";
      if (field === "result") return RESULTS.includes(v) || CMIDecimal.test(v) ? null : `not one of ${RESULTS.join("/")} or a CMIDecimal`;
      if (field === "student_response") return checkResponse(n, v);
      return null;
    }
    return null;
  }

  // ------------------------------------------------------------------ fault injection

  /** mulberry32: tiny seeded PRNG so a fault pattern repeats run after run. */
  function prng(seed) {
    let a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const faults = config.faults || {};
  const seed = faults.seed ?? 12345;
  const random = { setValue: prng(seed), commit: prng(seed + 1) };
  const rates = { setValue: faults.setValueFailRate || 0, commit: faults.commitFailRate || 0 };

  function injectFault(kind) {
    if (lms.offline) return true;
    if (typeof faults.failAllUntil === "number" && performance.now() < faults.failAllUntil) return true;
    return rates[kind] > 0 && random[kind]() < rates[kind];
  }

  // ------------------------------------------------------------------ the facade on window.API

  // Set when the facade itself refuses a call (405 breach, 101 fault), so LMSGetLastError
  // reports it; cleared by the next non-error call, as the spec's "last error" demands.
  let override = null;
  const ERROR_FUNCTIONS = ["LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"];

  const lastError = () => (override ? override.code : String(api.lmsGetLastError()));
  const plain = (a) => (a === undefined || a === null || ["string", "number", "boolean"].includes(typeof a) ? a : String(a));

  function breach(name, args, why) {
    const text = `${name}(${args.map(show).join(", ")}): ${why}`;
    lms.breaches.push(text);
    return text;
  }

  function lifecycleBreach(name, args) {
    if (ERROR_FUNCTIONS.includes(name)) return null; // allowed any time, e.g. to diagnose a failed LMSFinish
    if (name === "LMSInitialize") {
      if (lms.finished) return "LMSInitialize after LMSFinish";
      if (lms.initialized) return "second LMSInitialize";
    } else if (name === "LMSFinish" && lms.finished) {
      return "second LMSFinish";
    } else if (lms.finished) {
      return `${name} after LMSFinish`;
    } else if (!lms.initialized) {
      return `${name} before LMSInitialize`;
    }
    if (["LMSInitialize", "LMSFinish", "LMSCommit"].includes(name) && args[0] !== "") return 'the parameter must be ""';
    return null;
  }

  function call(name, args) {
    const entry = { name, args: args.map(plain), result: "", errorCode: "0", t: now() };
    if (!ERROR_FUNCTIONS.includes(name)) override = null;
    let refuse = null;
    const lifecycle = lifecycleBreach(name, args);
    if (lifecycle) entry.breach = breach(name, args, lifecycle);
    else if (name === "LMSSetValue") {
      const why = validateSet(args[0], args[1]);
      if (why) {
        entry.breach = breach(name, args, why);
        refuse = { code: "405", diagnostic: entry.breach };
      }
    }
    if (!refuse && !lifecycle && (name === "LMSSetValue" || name === "LMSCommit") && injectFault(name === "LMSSetValue" ? "setValue" : "commit")) {
      entry.fault = true;
      refuse = { code: "101", diagnostic: `injected fault in ${name}` };
    }

    if (refuse) {
      override = refuse;
      entry.result = "false";
    } else if (name === "LMSGetLastError") {
      entry.result = lastError();
    } else if (name === "LMSGetDiagnostic" && override && (args[0] === "" || args[0] === override.code)) {
      entry.result = override.diagnostic;
    } else {
      entry.result = String(api[name](...args));
    }
    entry.errorCode = lastError();

    if (name === "LMSInitialize" && entry.result === "true") lms.initialized = true;
    if (name === "LMSFinish" && entry.result === "true") lms.finished = true;
    if (name === "LMSSetValue" && entry.result === "true") lms.values[args[0]] = args[1];
    // scorm-again refusing a value the strict checks let through is still the SCO's bug.
    if (name === "LMSSetValue" && !refuse && !entry.breach && entry.result !== "true") {
      entry.breach = breach(name, args, `rejected by scorm-again with error ${entry.errorCode} (${api.lmsGetErrorString(entry.errorCode)})`);
    }
    lms.calls.push(entry);
    window.dispatchEvent(new CustomEvent("lms-call", { detail: entry }));
    return entry.result;
  }

  window.API = {};
  for (const name of ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit", ...ERROR_FUNCTIONS]) {
    window.API[name] = (...args) => call(name, args);
  }

  /** Everything a test reads, as plain JSON. */
  function snapshot() {
    return {
      cmi: api.renderCMIToJSONObject().cmi,
      values: { ...lms.values },
      initialized: lms.initialized,
      finished: lms.finished,
    };
  }

  const frame = document.createElement("iframe");
  frame.id = "sco";
  frame.name = "sco";
  frame.title = "SCORM package";
  frame.allow = "autoplay; fullscreen";
  frame.src = config.launch && config.launch.startsWith("/") ? config.launch : `/package/${config.launch || "index.html"}`;
  (document.getElementById("sco-host") || document.body).appendChild(frame);
})();
