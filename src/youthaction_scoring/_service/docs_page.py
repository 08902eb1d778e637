"""``GET /docs``: interactive documentation of the service, offline.

One self-contained page — no CDN, no script from elsewhere — that reads
``/openapi.json`` and, for each endpoint, shows its summary and parameters
and a form to call it: parameters, a body (typed, pasted or a file), a
token, and the answer with its status. It is served with a content security
policy that allows only itself and this service.
"""

from __future__ import annotations

from typing import Final

DOCS_CSP: Final = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
"""The page may run its own script and call this service, nothing else."""

DOCS_PAGE: Final = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>youthaction-scoring service · 接口文档</title>
<style>
body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:60rem;
padding:1rem}h1{font-size:1.4rem}section{border:1px solid #ccc;border-radius:6px;margin:1rem 0;
padding:.5rem 1rem}
code,pre,textarea{font:13px/1.4 ui-monospace,monospace}pre{background:#f6f6f6;overflow:auto;
max-height:24rem;padding:.5rem;white-space:pre-wrap}textarea{width:100%;height:8rem}
.m{font-weight:bold;display:inline-block;min-width:3.5rem}label{display:block;margin:.2rem 0}
input[type=text]{width:20rem}
</style></head><body>
<h1>youthaction-scoring · 评分服务接口 / scoring service</h1>
<p>本页离线可用：读取 <a href="/openapi.json">/openapi.json</a>，可直接调用各接口。
This page works offline: it reads <a href="/openapi.json">/openapi.json</a> and lets you
call each endpoint.</p>
<label>令牌 / bearer token（如服务要求 / if the service needs one）
<input type="text" id="token" autocomplete="off"></label>
<div id="ops">…</div>
<script>
"use strict";
const el = (tag, attrs = {}, ...kids) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const kid of kids) node.append(kid);
  return node;
};
async function call(path, method, params, form) {
  const query = new URLSearchParams();
  for (const p of params) {
    const v = form.querySelector(`[name="q-${p.name}"]`).value;
    if (v !== "") query.append(p.name, v);
  }
  const headers = {};
  const token = document.getElementById("token").value.trim();
  if (token) headers["Authorization"] = "Bearer " + token;
  let body;
  if (method === "post") {
    const file = form.querySelector("[name=file]").files[0];
    headers["Content-Type"] = form.querySelector("[name=type]").value;
    body = file ? file : form.querySelector("[name=body]").value;
  }
  const out = form.querySelector("pre");
  out.textContent = "…";
  try {
    const url = path + (query.toString() ? "?" + query : "");
    const answer = await fetch(url, {method: method.toUpperCase(), headers, body});
    const text = await answer.text();
    out.textContent = answer.status + " " + (answer.headers.get("content-type") || "") +
      "\\n\\n" + text.slice(0, 200000);
  } catch (error) {
    out.textContent = String(error);
  }
}
async function main() {
  const doc = await (await fetch("/openapi.json")).json();
  const ops = document.getElementById("ops");
  ops.textContent = "";
  ops.append(el("p", {}, doc.info.description));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const params = op.parameters || [];
      const form = el("form");
      for (const p of params) {
        form.append(el("label", {}, el("code", {}, p.name + (p.required ? " *" : "")), " ",
          el("input", {type: "text", name: "q-" + p.name}), " ", p.description || ""));
      }
      if (method === "post") {
        const type = el("select", {name: "type"});
        for (const media of Object.keys(op.requestBody.content)) {
          if (media !== "multipart/form-data") type.append(el("option", {}, media));
        }
        form.append(el("label", {}, "Content-Type ", type));
        form.append(el("textarea", {name: "body", placeholder: "JSON / JSON Lines"}));
        const file = el("input", {type: "file", name: "file"});
        form.append(el("label", {}, "或文件 / or a file: ", file));
      }
      const send = el("button", {type: "submit"}, "发送 / Send");
      form.append(send, el("pre"));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        call(path, method, params, form);
      });
      ops.append(el("section", {},
        el("h2", {}, el("span", {class: "m"}, method.toUpperCase()), " ", el("code", {}, path)),
        el("p", {}, op.summary + (op.description ? " — " + op.description : "")), form));
    }
  }
}
main().catch((error) => { document.getElementById("ops").textContent = String(error); });
</script></body></html>
"""
"""The page itself: static; it learns the endpoints from the OpenAPI document."""
