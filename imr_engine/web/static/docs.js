// The API reference, rendered from /openapi.json by plain JavaScript: no viewer from a CDN, so it
// works offline. Text from the document is only ever set as textContent.
"use strict";

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function refName(schema) {
  if (!schema) return null;
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.type === "array" && schema.items) return `array of ${refName(schema.items) || schema.items.type}`;
  return schema.type || null;
}

function schemaBlock(name, schema) {
  const props = Object.entries(schema.properties || {});
  const required = new Set(schema.required || []);
  return el("details", { class: "schema", id: `schema-${name}` },
    el("summary", {}, el("code", { text: name }), schema.description ? ` — ${schema.description}` : ""),
    props.length ? el("table", {},
      el("thead", {}, el("tr", {}, el("th", { text: "field" }), el("th", { text: "type" }), el("th", { text: "about" }))),
      el("tbody", {}, props.map(([key, p]) => el("tr", {},
        el("td", {}, el("code", { text: key }), required.has(key) ? " (required)" : ""),
        el("td", { text: refName(p) || (p.anyOf ? p.anyOf.map(refName).filter(Boolean).join(" | ") : "") }),
        el("td", { text: p.description || "" }))))) : null);
}

function operation(path, method, op) {
  const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
  const params = (op.parameters || []).map((p) => el("li", {},
    el("code", { text: p.name }), ` (${p.in}${p.required ? ", required" : ""}): ${(p.schema && p.schema.description) || p.description || ""}`));
  const responses = Object.entries(op.responses || {}).map(([status, r]) => {
    const schema = r.content && r.content["application/json"] && r.content["application/json"].schema;
    return el("li", {}, el("strong", { text: status }), ` ${r.description || ""}`,
      schema && refName(schema) ? el("span", {}, " → ", el("code", { text: refName(schema) })) : null);
  });
  return el("section", { class: "panel operation", id: `${method}-${path}` },
    el("h2", {}, el("span", { class: `method ${method}`, text: method.toUpperCase() }), " ", el("code", { text: path })),
    op.summary ? el("p", { class: "summary" }, el("strong", { text: op.summary })) : null,
    op.description ? el("p", { text: op.description }) : null,
    params.length ? el("div", {}, el("h3", { text: "Parameters" }), el("ul", {}, params)) : null,
    body ? el("p", {}, "Body: ", el("code", { text: refName(body.schema) || "JSON" })) : null,
    el("h3", { text: "Responses" }), el("ul", {}, responses));
}

async function start() {
  const main = document.getElementById("api");
  let doc;
  try {
    const response = await fetch("/openapi.json", { headers: { Accept: "application/json" } });
    doc = await response.json();
  } catch (err) {
    main.replaceChildren(el("p", { class: "status error", text: "The OpenAPI document could not be loaded." }));
    return;
  }
  document.getElementById("rules-version").textContent = (doc.info && doc.info["x-rules-version"]) || "";
  const ops = [];
  for (const [path, methods] of Object.entries(doc.paths || {})) {
    for (const [method, op] of Object.entries(methods)) ops.push(operation(path, method, op));
  }
  const schemas = Object.entries((doc.components && doc.components.schemas) || {}).map(([n, s]) => schemaBlock(n, s));
  main.replaceChildren(
    el("p", { text: doc.info ? `${doc.info.title} ${doc.info.version}: ${doc.info.summary || ""}` : "" }),
    doc.info && doc.info.description ? el("p", { text: doc.info.description }) : null,
    ...ops,
    el("section", { class: "panel" }, el("h2", { text: "Schemas" }), schemas));
  document.body.dataset.ready = "true";
}

start();
