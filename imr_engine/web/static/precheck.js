// The pre-check page: paste -> /v1/extract -> /v1/evaluate; correct facts -> /v1/evaluate again.
// Plain browser JavaScript, no build step. The fact editor is driven by the case-facts JSON Schema
// (/v1/schema), so it follows the model as it grows. User text is only ever set as textContent.
"use strict";

const OUTCOME = {
  Upheld: { label: "Upheld", gloss: "not medically necessary", cls: "upheld" },
  Overturned: { label: "Overturned", gloss: "medically necessary", cls: "overturned" },
  Indeterminate: { label: "Indeterminate", gloss: "no rule covers this item", cls: "indeterminate" },
};
const TRI_LABELS = { yes: "Yes: documented", no: "No: documented absent", unknown: "Unknown: not documented" };
const SKIP_KEYS = new Set(["evidence", "item", "text", "case_id"]);
// Shown even when the note is silent: the date the rules apply at is decided from them.
const ALWAYS_SHOWN = new Set(["as_of", "ur_decision_date"]);
// Top-level facts in the order a reviewer reads a case (the schema itself lists them alphabetically).
const TOP_ORDER = ["as_of", "ur_decision_date", "date_of_injury", "report_dates", "claimant", "diagnoses",
  "medications", "pain_scores", "function", "monitoring", "exam", "clinical", "treatments", "imaging", "surgeries", "requests"];
const LABELS = { as_of: "Rules apply as of", ur_decision_date: "UR decision date", cures_checked: "CURES checked",
  gi_risk_factors: "GI risk factors", adl_improvement: "ADL improvement", name: "Name" };
// Lists of facts a reviewer can add to and remove from: what the reader may have missed.
const EDITABLE_LISTS = { medications: "medication", diagnoses: "diagnosis", treatments: "prior treatment",
  imaging: "imaging study", surgeries: "surgery" };
// What the name field of a new entry is asked as.
const NAME_HINTS = { medications: "Name, strength and sig as written, e.g. Flexeril 10 mg at night",
  diagnoses: "Diagnosis as written", treatments: "Treatment as written, e.g. physical therapy",
  surgeries: "Surgery as written", imaging: "" };
const STATUS_WORDS = { documented: "documented", documented_absent: "documented absent", not_documented: "not documented" };
const STATUS_MARK = { documented: "✓", documented_absent: "–", not_documented: "?" };
const UNCHECKED = "citation not yet checked against the guideline text";
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

// caseFacts: the case as corrected so far; extracted: the draft as /v1/extract gave it.
// corrections: every change the reviewer made, replayed onto a fresh reading when the note changes.
const state = { schema: null, note: "", caseFacts: null, extracted: null, result: null, checklist: [], edits: 0,
  corrections: [], added: new WeakSet() };
const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// --- talking to the API ------------------------------------------------------------

async function api(method, path, body) {
  const init = { method, headers: { Accept: "application/json" } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (err) {
    return { ok: false, status: 0, data: null, message: "the pre-check service cannot be reached" };
  }
  const version = response.headers.get("X-Rules-Version");
  if (version) $("rules-version").textContent = version;
  let data = null;
  try {
    data = await response.json();
  } catch (err) {
    data = null;
  }
  const message = data && data.error ? data.error.message : `HTTP ${response.status}`;
  return { ok: response.ok, status: response.status, data, message };
}

function setStatus(text, kind = "info") {
  const box = $("status");
  box.textContent = text;
  box.className = `status ${kind}`;
  box.setAttribute("role", kind === "error" ? "alert" : "status");
}

// --- schema walking -------------------------------------------------------------------

function resolve(schema) {
  let nullable = false;
  let node = schema || {};
  for (let guard = 0; guard < 10; guard++) {
    if (node.$ref) {
      // the property's own title and description, not the shared definition's ("DatedFact")
      node = { ...state.schema.$defs[node.$ref.split("/").pop()], title: node.title, description: node.description };
    } else if (node.anyOf) {
      const rest = node.anyOf.filter((s) => s.type !== "null");
      nullable = nullable || rest.length < node.anyOf.length;
      node = { ...rest[0], description: rest[0].description || node.description, title: node.title };
    } else break;
  }
  return { node, nullable };
}

function controlKind(node) {
  if (Array.isArray(node.enum)) return "enum";
  if (node.type === "number" || node.type === "integer") return "number";
  if (node.type === "string" && (node.format === "date" || node.pattern)) return "date";
  return null;
}

function titleOf(key) {
  if (LABELS[key]) return LABELS[key];
  const words = String(key).replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// One "fact" per object that carries evidence or editable values: a finding, a medication,
// a pain score, a dated fact. Each has its controls (enum, number and date leaves) and quotes.
function collectFacts(caseFacts) {
  const facts = [];
  const props = state.schema.properties;
  const keys = [...TOP_ORDER.filter((k) => k in props), ...Object.keys(props).filter((k) => !TOP_ORDER.includes(k))];
  for (const key of keys) {
    const prop = props[key];
    if (SKIP_KEYS.has(key)) continue;
    walk(caseFacts[key], prop, [key], [titleOf(key)], facts);
  }
  return facts;
}

function walk(value, schema, path, labels, facts) {
  const { node, nullable } = resolve(schema);
  if (node.type === "array") {
    const items = resolve(node.items).node;
    if (!(items.type === "object" || items.properties) || !Array.isArray(value)) return;
    value.forEach((entry, i) => walk(entry, node.items, [...path, i], [...labels, entryLabel(entry, i)], facts));
    return;
  }
  if (node.type === "object" || node.properties) {
    const controls = [];
    const required = new Set(node.required || []);
    const entry = path.length === 2 && EDITABLE_LISTS[path[0]] && Number.isInteger(path[1]);
    // the schema lists properties alphabetically: what names an entry (its required fields) first
    const props = Object.entries(node.properties || {}).sort(([a], [b]) => required.has(b) - required.has(a));
    for (const [key, prop] of props) {
      if (SKIP_KEYS.has(key)) continue;
      const child = resolve(prop);
      const kind = controlKind(child.node) || (entry ? textKind(child.node) : null);
      if (kind) {
        if (value === null || value === undefined) {
          if (required.has(key)) controls.push({ key, kind, node: child.node, nullable: true, path: [...path, key], absent: true });
        } else {
          controls.push({ key, kind, node: child.node, nullable: child.nullable, path: [...path, key] });
        }
        if (entry && required.has(key)) controls[controls.length - 1].required = true;
      } else if (value && (child.node.type === "object" || child.node.properties || child.node.type === "array")) {
        walk(value[key], prop, [...path, key], [...labels, titleOf(key)], facts);
      }
    }
    const evidence = value && Array.isArray(value.evidence) ? value.evidence : [];
    const hasEvidenceField = Boolean(node.properties && node.properties.evidence);
    if (controls.length || (hasEvidenceField && evidence.length)) {
      facts.push({
        id: facts.length, path, label: labels.join(" › "), description: node.description || "",
        controls, evidence, value, absentObject: value === null || value === undefined,
        name: value && typeof value.name === "string" ? value.name : null,
        list: entry ? path[0] : null, added: entry && state.added.has(value),
      });
    }
    return;
  }
  const kind = controlKind(node);
  if (kind && path.length === 1) {
    facts.push({
      id: facts.length, path: [], label: labels.join(" › "), description: node.description || "",
      controls: [{ key: path[0], kind, node, nullable, path }], evidence: [], value: null, absentObject: false, name: null,
    });
  }
}

// Plain strings (a name, a region) and lists of strings are editable in entries a reviewer can add.
function textKind(node) {
  if (node.type === "string" && !node.pattern && !node.format) return "text";
  if (node.type === "array" && resolve(node.items).node.type === "string") return "strings";
  return null;
}

function entryLabel(entry, i) {
  if (entry && typeof entry === "object") {
    if (typeof entry.name === "string") return entry.name || "(new, unnamed)";
    if (typeof entry.modality === "string") return entry.modality || "(new study)";
    if (typeof entry.text === "string") return entry.text;
    if (typeof entry.score === "number") return `${entry.score}${entry.score_max != null ? "-" + entry.score_max : ""}/10`;
    if (typeof entry.date === "string") return entry.date;
  }
  return `#${i + 1}`;
}

function getAt(obj, path) {
  return path.reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), obj);
}

function setAt(obj, path, value) {
  let target = obj;
  for (let i = 0; i < path.length - 1; i++) {
    if (target[path[i]] === null || target[path[i]] === undefined) target[path[i]] = { evidence: [] };
    target = target[path[i]];
  }
  target[path[path.length - 1]] = value;
}

// A fact is "documented" when the note says something about it: quotes, or a value off its default.
function isDocumented(fact) {
  if (ALWAYS_SHOWN.has(fact.path.join(".") || fact.controls[0].key)) return true;
  if (fact.added) return true;
  if (fact.evidence.length) return true;
  if (fact.absentObject) return false;
  return fact.controls.some((c) => {
    const v = getAt(state.caseFacts, c.path);
    const dflt = c.node.default === undefined ? null : c.node.default;
    return v !== dflt && v !== null && v !== undefined;
  });
}

// --- rendering facts ------------------------------------------------------------------

function renderFacts() {
  const facts = collectFacts(state.caseFacts);
  const documented = facts.filter(isDocumented);
  const rest = facts.filter((f) => !isDocumented(f));
  $("facts").replaceChildren(...(documented.length ? documented.map(factRow)
    : [el("p", { class: "hint", text: "No facts were found in the note." })]));
  $("facts-undocumented").replaceChildren(...rest.map(factRow));
  $("undocumented-count").textContent = String(rest.length);
  $("no-corrections").hidden = document.querySelector(".fact.corrected") !== null;
  renderNote(facts);
}

function factRow(fact) {
  const labelId = `fact-${fact.id}-label`;
  const corrected = fact.added || fact.controls.some((k) => JSON.stringify(getAt(state.caseFacts, k.path) ?? null)
    !== JSON.stringify(getAt(state.extracted, k.path) ?? null));
  const row = el("div", { class: `fact${fact.added ? " added" : ""}${corrected ? " corrected" : ""}`, id: `fact-${fact.id}`,
    "data-fact": fact.id, "data-path": fact.path.join(".") });
  const head = el("div", { class: "fact-label", id: labelId },
    el("span", { class: "fact-name", text: fact.label }),
    fact.description ? el("span", { class: "fact-desc screen-only", text: fact.description }) : null);
  const controls = el("div", { class: "fact-controls" }, fact.controls.map((c) => control(fact, c, labelId)));
  const quotes = el("div", { class: "fact-quotes" },
    fact.evidence.length
      ? fact.evidence.map((ev, i) => el("blockquote", { class: "quote" },
          el("span", { text: `“${ev.quote}”` }),
          spanOf(ev) ? el("button", {
            type: "button", class: "link screen-only", "data-show": fact.id,
            "aria-label": `Show in the note: ${fact.label}`, onclick: () => showInNote(fact.id, true),
          }, "show in note") : el("span", { class: "hint", text: ev.source === "request" ? " (request line)" : "" })))
      : el("span", { class: "hint", text: "not in the note" }));
  row.append(head, controls, quotes);
  if (fact.list) {
    row.append(el("button", { type: "button", class: "link screen-only remove", "aria-label": `Remove ${fact.label}`,
      onclick: () => removeEntry(fact) }, "remove"));
  }
  row.addEventListener("focusin", () => showInNote(fact.id, false));
  return row;
}

function control(fact, c, labelId) {
  const id = `ctl-${c.path.join("-")}`;
  const value = c.absent ? null : getAt(state.caseFacts, c.path);
  const name = c.key === "value" || c.path.length === 1 ? "" : titleOf(c.key);
  const wrap = el("div", { class: "control" });
  if (name) wrap.append(el("label", { for: id, text: name }));
  let input;
  if (c.kind === "enum") {
    input = el("select", { id, "data-path": c.path.join(".") });
    const options = [...c.node.enum];
    if (c.nullable) input.append(el("option", { value: "", text: "(not stated)" }));
    for (const option of options) {
      const text = TRI_LABELS[option] && options.length === 3 && options.includes("unknown") ? TRI_LABELS[option] : option.replace(/_/g, " ");
      input.append(el("option", { value: option, text, selected: option === value }));
    }
    if (value === null || value === undefined) input.value = c.nullable ? "" : String(c.node.default ?? options[0]);
  } else if (c.kind === "number") {
    input = el("input", {
      id, type: "number", inputmode: "decimal", step: c.node.type === "integer" ? "1" : "0.5",
      min: c.node.minimum, max: c.node.maximum, value: value ?? "", "data-path": c.path.join("."),
    });
  } else if (c.kind === "text" || c.kind === "strings") {
    const shown = Array.isArray(value) ? value.join(", ") : value ?? "";
    input = el("input", { id, type: "text", size: 28, value: shown, "data-path": c.path.join("."),
      "data-required": c.required ? "true" : null,
      placeholder: c.key === "name" ? NAME_HINTS[c.path[0]] || "" : c.kind === "strings" ? "comma-separated" : "" });
  } else {
    input = el("input", {
      id, type: "text", size: 11, value: value ?? "",
      placeholder: c.node.format === "date" ? "MM/DD/YYYY" : "MM/DD/YYYY, MM/YYYY or YYYY", "data-path": c.path.join("."),
    });
  }
  if (!name) input.setAttribute("aria-labelledby", labelId);
  else input.setAttribute("aria-describedby", labelId);
  input.addEventListener("change", () => onEdit(fact, c, input));
  const printed = el("span", { class: "print-only print-value", text: printedValue(c, value) });
  wrap.append(input, printed, el("span", { class: "field-error", id: `${id}-error`, role: "alert" }));
  return wrap;
}

function printedValue(c, value) {
  if (value === null || value === undefined || value === "") return "—";
  if (c.kind === "enum" && TRI_LABELS[value]) return TRI_LABELS[value];
  return String(value).replace(/_/g, " ");
}

function onEdit(fact, c, input) {
  let value = input.value.trim();
  clearError(input);
  if (c.kind === "date" && value !== "") {
    const iso = normalDate(value, c.node.format === "date");
    if (!iso) {
      fieldError(input, c.node.format === "date" ? "Write a full date, e.g. 03/12/2024 or 2024-03-12."
        : "Write a date such as 03/12/2024, 03/2024 or 2024.");
      return;
    }
    value = iso;
  }
  if (c.kind === "number") value = value === "" ? null : Number(value);
  else if (c.kind === "strings") value = value.split(",").map((v) => v.trim()).filter(Boolean);
  else if (value === "") value = c.nullable ? null : value;
  if (c.absent && value === null) {
    if (getAt(state.caseFacts, fact.path) !== null && getAt(state.caseFacts, fact.path) !== undefined) setAt(state.caseFacts, fact.path, null);
  } else {
    setAt(state.caseFacts, c.path, value);
  }
  record({ op: "set", path: c.path, value, entry: fact.list ? getAt(state.caseFacts, fact.path) : null });
  input.parentElement.querySelector(".print-value").textContent = printedValue(c, value);
  const row = input.closest(".fact");
  row.classList.add("edited");
  const changed = fact.controls.some((k) => JSON.stringify(getAt(state.caseFacts, k.path) ?? null)
    !== JSON.stringify(getAt(state.extracted, k.path) ?? null));
  row.classList.toggle("corrected", changed);
  $("no-corrections").hidden = document.querySelector(".fact.corrected") !== null;
  countEdit();
}

function countEdit() {
  state.edits += 1;
  $("edits").textContent = `${state.edits} correction${state.edits === 1 ? "" : "s"} not yet checked`;
}

function record(correction) {
  state.corrections.push(correction);
  $("discard").hidden = false;
}

// Dates as people write them: 03/12/2024, 3/12/24, 03/2024, March 12, 2024, 2024-03-12, 2024.
function normalDate(text, fullOnly) {
  const pad = (n) => String(n).padStart(2, "0");
  const year = (y) => (y.length === 2 ? (Number(y) <= (new Date().getFullYear() % 100) + 1 ? 2000 : 1900) + Number(y) : Number(y));
  const valid = (y, m, d) => {
    if (m < 1 || m > 12 || y < 1900 || y > 2100) return false;
    if (d === undefined) return true;
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCDate() === d && date.getUTCMonth() === m - 1;
  };
  const t = text.trim().replace(/\s+/g, " ");
  let m = t.match(/^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/);
  let parts = m ? [Number(m[1]), m[2] && Number(m[2]), m[3] && Number(m[3])] : null;
  if (!parts && (m = t.match(/^(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4}|\d{2})$/))) parts = [year(m[3]), Number(m[1]), Number(m[2])];
  if (!parts && (m = t.match(/^(\d{1,2})[\/.-](\d{4})$/))) parts = [Number(m[2]), Number(m[1])];
  if (!parts && (m = t.match(/^([A-Za-z]{3})[A-Za-z]*\.? (?:(\d{1,2}),? )?(\d{4})$/))) {
    const month = MONTHS.indexOf(m[1].toLowerCase()) + 1;
    if (month) parts = [Number(m[3]), month, m[2] && Number(m[2])];
  }
  if (!parts) return null;
  const [y, mo, d] = parts;
  if (!valid(y, mo || 1, d || undefined) || (fullOnly && !d)) return null;
  return [y, mo && pad(mo), d && pad(d)].filter(Boolean).join("-");
}

function fieldError(input, message) {
  input.setAttribute("aria-invalid", "true");
  const box = document.getElementById(`${input.id}-error`);
  if (box) box.textContent = message;
  const closed = input.closest("details:not([open])");
  if (closed) closed.open = true;
  input.focus();
}

function clearError(input) {
  input.removeAttribute("aria-invalid");
  const box = document.getElementById(`${input.id}-error`);
  if (box) box.textContent = "";
}

// --- adding and removing list facts ---------------------------------------------------------

function newEntry(list) {
  const { node } = resolve(state.schema.properties[list]);
  const item = resolve(node.items).node;
  const entry = { evidence: [] };
  for (const key of item.required || []) {
    const prop = resolve(item.properties[key]).node;
    entry[key] = prop.type === "array" ? [] : prop.type === "string" ? "" : null;
  }
  return entry;
}

function addEntry() {
  const list = $("add-kind").value;
  const entry = newEntry(list);
  if (!Array.isArray(state.caseFacts[list])) state.caseFacts[list] = [];
  state.caseFacts[list].push(entry);
  state.added.add(entry);
  record({ op: "add", list, entry });
  countEdit();
  renderFacts();
  const index = state.caseFacts[list].length - 1;
  const first = document.querySelector(`.fact[data-path="${list}.${index}"] input, .fact[data-path="${list}.${index}"] select`);
  if (first) first.focus();
}

function removeEntry(fact) {
  const entry = getAt(state.caseFacts, fact.path);
  state.caseFacts[fact.list].splice(fact.path[1], 1);
  record({ op: "remove", list: fact.list, entry, name: entry && entry.name });
  countEdit();
  renderFacts();
  $("add-kind").focus();
}

// Replay the reviewer's corrections onto a fresh reading of a changed note.
function replay(caseFacts) {
  for (const c of state.corrections) {
    if (c.op === "add") {
      if (!Array.isArray(caseFacts[c.list])) caseFacts[c.list] = [];
      caseFacts[c.list].push(c.entry);
    } else if (c.op === "remove") {
      const list = caseFacts[c.list] || [];
      const at = list.findIndex((e) => e === c.entry || (c.name && e.name === c.name));
      if (at >= 0) list.splice(at, 1);
    } else if (c.op === "set") {
      if (c.entry && state.added.has(c.entry)) continue;  // already in the added entry itself
      if (c.entry) {
        const list = caseFacts[c.path[0]] || [];
        const at = list.findIndex((e) => e.name === c.entry.name);
        if (at < 0) continue;
        setAt(caseFacts, [c.path[0], at, ...c.path.slice(2)], c.value);
      } else {
        setAt(caseFacts, c.path, c.value);
      }
    }
  }
  return caseFacts;
}

// The request lines as typed: an unchanged line keeps its request (and any correction of it).
function syncRequests() {
  const before = state.caseFacts.requests || [];
  state.caseFacts.requests = requestLines().map((text) => before.find((r) => r.text === text) || { text, evidence: [] });
}

// Empty required names of added entries, caught before the server sees them.
function missingNames() {
  for (const input of document.querySelectorAll("#facts input[data-required]")) {
    if (!input.value.trim()) {
      fieldError(input, "Write what the note says here, or remove the entry.");
      return true;
    }
  }
  return false;
}

// --- the note with highlighted spans ----------------------------------------------------

// Offsets from the server count code points; JavaScript strings count UTF-16 units.
function utf16Index(text, codePoints) {
  if (!/[\uD800-\uDFFF]/.test(text)) return codePoints;
  let units = 0;
  let seen = 0;
  for (const ch of text) {
    if (seen === codePoints) break;
    units += ch.length;
    seen += 1;
  }
  return units;
}

function spanOf(ev) {
  const text = state.note;
  if (ev.source === "request") return null;
  if (Number.isInteger(ev.start) && Number.isInteger(ev.end) && ev.end > ev.start) {
    const [start, end] = [utf16Index(text, ev.start), utf16Index(text, ev.end)];
    if (end <= text.length) return [start, end];  // the quote may be cleaned up; the offsets are the text's
  }
  const at = text.indexOf(ev.quote);
  return at >= 0 ? [at, at + ev.quote.length] : null;
}

function renderNote(facts) {
  const text = state.note;
  const spans = [];
  for (const fact of facts) for (const ev of fact.evidence) {
    const span = spanOf(ev);
    if (span) spans.push({ start: span[0], end: span[1], fact: fact.id });
  }
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const view = $("note-view");
  view.replaceChildren();
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.fact);
    const piece = text.slice(a, b);
    if (!covering.length) { view.append(document.createTextNode(piece)); continue; }
    view.append(el("mark", { "data-facts": [...new Set(covering)].join(" "), tabindex: "-1", text: piece }));
  }
}

function showInNote(factId, focus) {
  const marks = [...document.querySelectorAll("#note-view mark")];
  let first = null;
  for (const mark of marks) {
    const hit = mark.dataset.facts.split(" ").includes(String(factId));
    mark.classList.toggle("active", hit);
    if (hit && !first) first = mark;
  }
  for (const row of document.querySelectorAll(".fact.active")) row.classList.remove("active");
  const row = document.getElementById(`fact-${factId}`);
  if (row) row.classList.add("active");
  if (focus && first) {
    first.scrollIntoView({ block: "center" });
    first.focus({ preventScroll: true });
  }
}

// --- rendering predictions ---------------------------------------------------------------

// One line per distinct citation: rules citing the same sections in another order are one citation.
function citationLabels(rules) {
  const seen = new Map();
  for (const r of rules) {
    const c = r.citation;
    const key = JSON.stringify([c.source, c.guideline, [...c.sections].sort(), [...c.pages].sort()]);
    if (!seen.has(key)) seen.set(key, r.citation_label);
  }
  return [...seen.values()];
}

function checklistBlock(c) {
  if (!c) return [];
  const out = [];
  const generations = new Map();
  for (const g of c.guidelines) {
    const key = `${g.generation}|${g.citation_checked}`;
    if (!generations.has(key)) generations.set(key, g);
  }
  if (generations.size) {
    out.push(el("dt", { text: "Guideline applied" }), el("dd", { class: "generation" },
      [...generations.values()].map((g) => el("div", {}, g.generation,
        g.citation_checked ? null : el("span", { class: "unchecked", text: ` — ${UNCHECKED}` })))));
  }
  if (c.criteria.length) {
    out.push(el("dt", { text: "Checklist" }), el("dd", {}, el("ul", { class: "checklist" }, c.criteria.map((k) =>
      el("li", { "data-status": k.status, "data-fact": k.fact },
        el("span", { class: "mark", "aria-hidden": "true", text: STATUS_MARK[k.status] }),
        `${k.label}${k.source === "request" ? " (request line)" : ""}: `,
        el("span", { class: "status-words", text: STATUS_WORDS[k.status] }),
        k.quote ? el("span", { class: "quote-inline", text: ` — “${k.quote}”` }) : null)))));
  }
  out.push(el("dt", { text: "To change it" }), el("dd", { class: "to-change" }, el("p", { text: c.summary }),
    c.to_change.length > 1 ? el("ol", { class: "set-list" }, c.to_change.map((set) =>
      el("li", { text: `${set.changes.map((x) => x.wording).join("; ")} → ${set.outcome}` }))) : null));
  return out;
}

// The MTUS Drug Formulary's answer (drugs dispensed from 2018-01-01) in one line.
function formularyText(f) {
  const review = f.prospective_review === true ? "prospective review required"
    : f.prospective_review === false ? "no prospective review needed" : "prospective review: cannot tell";
  const status = f.compounded ? "compounded" : f.status.replace(/_/g, "-");
  return `${status} (MTUS Drug List ${f.list_version}) · ${review}. ${f.reason}`;
}

function renderPredictions(result, checklist, previous) {
  const lists = new Map((checklist || []).map((c) => [c.index, c]));
  const before = new Map((previous ? previous.items : []).map((d) => [d.index, d.predicted]));
  const cards = result.items.map((d) => {
    const o = OUTCOME[d.predicted] || OUTCOME.Indeterminate;
    const was = before.get(d.index);
    const decisive = d.rules.filter((r) => r.decisive);
    const labels = citationLabels(decisive.length ? decisive : d.rules);
    return el("article", { class: `prediction ${o.cls}`, "data-index": d.index, "data-predicted": d.predicted },
      el("h3", {},
        el("span", { class: "request", text: d.request }),
        el("span", { class: "badge", text: `${o.label}`, title: o.gloss }),
        el("span", { class: "gloss", text: o.gloss + (d.decided_by ? ` · decided by ${d.decided_by}` : "") })),
      was && was !== d.predicted ? el("p", { class: "changed", text: `Changed after re-check: was ${was}` }) : null,
      el("dl", {},
        el("dt", { text: "Guideline" }),
        el("dd", { class: "citation" }, labels.length ? labels.map((l) => el("div", { text: l }))
          : el("span", { text: "No rule in the rule book covers this item." })),
        el("dt", { text: "Rationale" }),
        el("dd", { class: "rationale", text: d.rationale }),
        checklistBlock(lists.get(d.index)),
        d.advisories.length ? el("dt", { class: "advice", text: "Advice" }) : null,
        d.advisories.length ? el("dd", { class: "advice" }, el("ul", {}, d.advisories.map((a) => el("li", { text: a })))) : null,
        d.formulary ? el("dt", { text: "Formulary" }) : null,
        d.formulary ? el("dd", { class: "formulary", text: formularyText(d.formulary) }) : null),
      d.leans_on_rationale_facts ? el("p", { class: "hint", text: "Leans on a fact only a decision rationale states." }) : null,
      d.rules.length ? el("details", { class: "screen-only" },
        el("summary", { text: `Rules that fired (${d.rules.length})` }),
        el("ul", { class: "rules" }, d.rules.map((r) => el("li", {},
          el("strong", { text: r.decisive ? "Decisive: " : "Also fired: " }),
          el("span", { text: `${r.question} (${r.rule_id})` }))))) : null);
  });
  $("predictions").replaceChildren(...cards);
  const generation = result.generation ? ` under ${result.generation.title}` : "";
  const warnings = (result.warnings || []).map((w) => ` · ${w}`).join("");
  $("case-meta").textContent = ` · case ${result.case_id} · rules applied as of ${result.as_of} (${result.as_of_source.replace(/_/g, " ")})${generation}${warnings}`;
}

// --- the two actions ------------------------------------------------------------------------

function requestLines() {
  return $("items").value.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

// Messages a reviewer can act on, for the fields the page itself holds.
function friendly(message, field) {
  if (field === "as_of") return "The note has no date to apply the rules at: set “Rules apply as of” (e.g. 03/12/2024).";
  if (field && field.startsWith("requests")) return "List at least one requested item, one per line as on the RFA.";
  return message;
}

async function onCheck(event) {
  event.preventDefault();
  const note = $("note").value;
  clearError($("items"));
  if (!note.trim()) {
    setStatus("Paste a progress note first.", "error");
    $("note").focus();
    return;
  }
  if (!requestLines().length) {
    fieldError($("items"), "List at least one requested item, one per line as on the RFA.");
    setStatus("List at least one requested item, one per line as on the RFA.", "error");
    return;
  }
  if (state.caseFacts && note === state.note) {  // same note: keep every correction, take the new request lines
    if (missingNames()) return;
    syncRequests();
    setBusy(true);
    await evaluate("Checked");
    return;
  }
  setBusy(true);
  setStatus("Reading the note…");
  const extracted = await api("POST", "/v1/extract", { text: note, requests: requestLines() });
  if (!extracted.ok) {
    setBusy(false);
    const field = extracted.data && extracted.data.error ? extracted.data.error.field : null;
    if (field && field.startsWith("requests")) fieldError($("items"), friendly(extracted.message, field));
    setStatus(`Could not read the note: ${friendly(extracted.message, field)}`, "error");
    return;
  }
  state.note = note;
  state.extracted = structuredClone(extracted.data.case);
  state.caseFacts = replay(extracted.data.case);
  $("no-corrections").hidden = state.corrections.length > 0;
  state.result = null;
  state.edits = 0;
  $("edits").textContent = "";
  renderFacts();
  await evaluate("Checked");
}

async function onRecheck(event) {
  event.preventDefault();
  if (!state.caseFacts) return;
  if (!requestLines().length) {
    fieldError($("items"), "List at least one requested item, one per line as on the RFA.");
    return;
  }
  if (missingNames()) return;
  syncRequests();
  setBusy(true);
  await evaluate("Re-checked");
}

async function onDiscard() {
  state.corrections = [];
  state.added = new WeakSet();
  state.caseFacts = null;
  $("discard").hidden = true;
  await onCheck(new Event("submit"));
}

async function evaluate(verb) {
  setStatus("Applying the guideline rules…");
  const answer = await api("POST", "/v1/precheck", state.caseFacts);
  setBusy(false);
  if (!answer.ok) {
    $("results").hidden = false;
    $("pred-h").hidden = !state.result;
    const field = answer.data && answer.data.error ? answer.data.error.field : null;
    markFieldErrors(answer.data);
    setStatus(`Cannot evaluate: ${friendly(answer.message, field)}`, "error");
    return;
  }
  $("results").hidden = false;
  $("pred-h").hidden = false;
  const previous = state.result;
  state.result = answer.data.determination;
  state.checklist = answer.data.checklist;
  renderPredictions(state.result, state.checklist, previous);
  renderFacts();
  for (const row of document.querySelectorAll(".fact.edited")) row.classList.remove("edited");
  state.edits = 0;
  $("edits").textContent = "";
  const n = state.result.items.length;
  setStatus(`${verb}: ${n} requested item${n === 1 ? "" : "s"}.`, "ok");
  if (verb === "Checked" && !previous) $("results").focus();
}

// Point at the field an error names (validation errors list several; others name one).
function markFieldErrors(data) {
  const error = data && data.error ? data.error : null;
  if (!error) return;
  const problems = error.errors.length ? error.errors : error.field ? [{ field: error.field, message: error.message }] : [];
  let first = null;
  for (const problem of problems) {
    const input = document.querySelector(`input[data-path="${CSS.escape(problem.field)}"], select[data-path="${CSS.escape(problem.field)}"]`);
    if (!input) continue;
    input.setAttribute("aria-invalid", "true");
    $(`${input.id}-error`).textContent = friendly(problem.message, problem.field);
    const closed = input.closest("details:not([open])");
    if (closed) closed.open = true;
    first = first || input;
  }
  if (first) first.focus();
}

function setBusy(busy) {
  for (const id of ["check", "recheck"]) $(id).disabled = busy;
  document.body.classList.toggle("busy", busy);
}

function submitOnCtrlEnter(event) {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    $("check-form").requestSubmit();
  }
}

async function start() {
  $("check-form").addEventListener("submit", onCheck);
  $("facts-form").addEventListener("submit", onRecheck);
  $("add-fact").addEventListener("click", addEntry);
  $("discard").addEventListener("click", onDiscard);
  $("worksheet-date").addEventListener("change", () => {
    const input = $("worksheet-date");
    const iso = input.value.trim() && normalDate(input.value, true);
    if (iso) input.value = iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$2/$3/$1");
  });
  $("note").addEventListener("keydown", submitOnCtrlEnter);
  // Corrected facts may sit in the closed "not documented" list: open it while printing.
  let wasOpen = false;
  window.addEventListener("beforeprint", () => { wasOpen = $("undocumented").open; $("undocumented").open = true; });
  window.addEventListener("afterprint", () => { $("undocumented").open = wasOpen; });
  $("items").addEventListener("keydown", submitOnCtrlEnter);
  const [schema, health] = await Promise.all([api("GET", "/v1/schema"), api("GET", "/healthz")]);
  if (!schema.ok || !health.ok) {
    setStatus(`The pre-check service is not available: ${schema.ok ? health.message : schema.message}`, "error");
    return;
  }
  state.schema = schema.data.schema;
  document.body.dataset.ready = "true";
}

start();
