// The preview page's live view: what the LMS (scorm12-lms.js, on this window) receives from the
// package, redrawn on every API call; and the designer's controls. Saved LMS data lives in this
// browser's localStorage per unit, so "Relaunch" resumes exactly as a learner's next visit would.
(function () {
  "use strict";
  const lms = window.__lms;
  const preview = window.__preview;
  const $ = (id) => document.getElementById(id);
  const text = (value) => document.createTextNode(value === undefined || value === null ? "" : String(value));
  const cell = (row, value, className) => {
    const td = row.insertCell();
    td.appendChild(text(value));
    if (className) td.className = className;
  };
  const LIMIT = 4096;

  $("unit-title").textContent = `${preview.title} — preview`;
  for (const language of preview.languages) {
    const option = new Option(language, language, false, language === preview.language);
    $("language").add(option);
  }

  function saveData() {
    const snapshot = lms.snapshot();
    localStorage.setItem(preview.storageKey, JSON.stringify(snapshot.cmi));
  }

  /** Closing the package fires its pagehide (LMSFinish), then the saved data seeds the next launch. */
  function relaunch(language) {
    document.querySelector("#sco-host iframe")?.remove();
    saveData();
    const url = new URL(location.href);
    url.searchParams.set("lang", language || preview.language);
    location.assign(url);
  }

  $("relaunch").addEventListener("click", () => relaunch());
  $("restart").addEventListener("click", () => {
    document.querySelector("#sco-host iframe")?.remove();
    localStorage.removeItem(preview.storageKey);
    // Also what the player kept for an LMS that was offline: a new learner has none of it.
    for (const key of Object.keys(localStorage)) if (key.startsWith("skillpack:scorm12:")) localStorage.removeItem(key);
    location.reload();
  });
  $("language").addEventListener("change", (event) => relaunch(event.target.value));
  $("offline").addEventListener("change", (event) => {
    lms.offline = event.target.checked;
    render();
  });

  const CORE = ["cmi.core.lesson_status", "cmi.core.score.raw", "cmi.core.score.min", "cmi.core.score.max", "cmi.core.lesson_location", "cmi.core.exit", "cmi.core.session_time", "cmi.student_preference.language"];

  function render() {
    const snapshot = lms.snapshot();
    const cmi = snapshot.cmi;
    const suspend = String(cmi.suspend_data || "");
    $("suspend-size").textContent = String(suspend.length);
    $("suspend-bar").style.width = `${Math.min(100, (suspend.length / LIMIT) * 100)}%`;
    $("suspend-bar").className = suspend.length > LIMIT ? "over" : "";
    const core = $("core").tBodies[0];
    core.replaceChildren();
    for (const element of CORE) {
      const row = core.insertRow();
      cell(row, element);
      const value = snapshot.values[element] ?? element.split(".").slice(1).reduce((v, k) => (v ? v[k] : undefined), cmi);
      cell(row, value, element === "cmi.core.lesson_location" && String(value || "").length > 255 ? "bad" : "");
    }
    const interactions = Object.values(cmi.interactions || {});
    $("interaction-count").textContent = String(interactions.length);
    const body = $("interactions").tBodies[0];
    body.replaceChildren();
    interactions.forEach((interaction, i) => {
      const row = body.insertRow();
      for (const value of [i, interaction.id, interaction.type, interaction.student_response, interaction.result, interaction.latency]) cell(row, value);
    });
    $("breach-count").textContent = String(lms.breaches.length);
    $("breaches").replaceChildren(...lms.breaches.map((b) => Object.assign(document.createElement("li"), { className: "breach", textContent: b })));
    $("calls").replaceChildren(
      ...lms.calls.slice(-200).reverse().map((c) => {
        const li = document.createElement("li");
        li.textContent = `${c.name}(${c.args.map((a) => JSON.stringify(a)).join(", ")}) → ${c.result}${c.errorCode !== "0" ? ` [error ${c.errorCode}]` : ""}`;
        if (c.breach) li.className = "breach";
        else if (c.fault) li.className = "fault";
        return li;
      }),
    );
  }

  let scheduled = false;
  window.addEventListener("lms-call", () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      render();
    });
  });
  render();

  // The server tells the page when the unit was rebuilt (reload, keeping the learner's data) or broke.
  function showDiagnostics(list) {
    const box = $("diagnostics");
    box.hidden = list.length === 0;
    box.replaceChildren(
      Object.assign(document.createElement("h2"), { textContent: `The unit has ${list.length} problem${list.length === 1 ? "" : "s"}: fix ${list.length === 1 ? "it" : "them"} and save` }),
      ...list.map((d) => Object.assign(document.createElement("pre"), { textContent: d })),
    );
  }
  if (preview.diagnostics.length) showDiagnostics(preview.diagnostics);
  const events = new EventSource("/events");
  events.addEventListener("rebuilt", () => relaunch());
  events.addEventListener("broken", (event) => {
    $("build-status").textContent = "The unit has errors";
    showDiagnostics(JSON.parse(event.data));
  });
  events.addEventListener("building", () => ($("build-status").textContent = "Rebuilding…"));
})();
