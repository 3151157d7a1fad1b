// pitchlint's local page. Every piece of a draft is put in the page with textContent, never
// as markup, and the server's Content-Security-Policy runs no script but this file.
"use strict";

const $ = (id) => document.getElementById(id);
let current = { name: "draft.txt", editable: true, plain: true, last: null };
let timer = null;
const latest = { check: 0, rewrite: 0 }; // only the newest answer of each is shown: answers can arrive out of order

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const data = await response.json();
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
}

const RANK = { error: 3, warning: 2, info: 1 };

function highlighted(text, findings) {
  // the draft as text nodes, cut at every finding's edges: each piece that findings cover is
  // one <mark> naming all of them (data-rules), coloured by the most severe
  const pre = $("highlighted");
  pre.replaceChildren();
  const spans = findings.filter((f) => f.end > f.start);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((f) => [f.start, f.end])])].sort((a, b) => a - b);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const piece = text.slice(from, to);
    const covering = spans.filter((f) => f.start <= from && to <= f.end);
    if (!covering.length) {
      pre.append(document.createTextNode(piece));
      continue;
    }
    const worst = covering.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a));
    const mark = el("mark", piece, covering.every((f) => f.positive) ? "positive" : worst.severity);
    mark.title = covering.map((f) => `${f.rule}: ${f.message}`).join("\n");
    mark.dataset.rules = covering.map((f) => f.rule).join(" ");
    pre.append(mark);
  }
}

function applyEdits(text, edits) {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (const e of sorted) text = text.slice(0, e.start) + e.content + text.slice(e.end);
  return text;
}

function show(data) {
  current.last = data;
  current.editable = data.editable;
  current.plain = data.plain;
  $("result").hidden = false;
  $("skipped").textContent = data.skipped.join("\n");
  $("fix-all").disabled = !data.fixed;
  const report = data.reports[0];
  if (!report) {
    $("score").textContent = "";
    $("letter").textContent = "";
    $("findings").replaceChildren();
    $("highlighted").replaceChildren();
    $("breakdown").replaceChildren();
    return;
  }
  $("score").textContent = `${report.score}/100`;
  $("letter").textContent = report.grade;
  $("breakdown").replaceChildren(
    ...report.breakdown.map((p) => el("li", `${p.rule} ${p.points > 0 ? "-" : "+"}${Math.abs(p.points)}` + (p.count > 1 ? ` (x${p.count})` : "")))
  );
  highlighted(report.text, report.findings);
  const list = $("findings");
  list.replaceChildren();
  for (const f of report.findings) {
    const item = el("li");
    item.dataset.rule = f.rule;
    item.append(el("span", f.rule, "rule"), document.createTextNode(` ${f.severity} (line ${f.line}): ${f.message}`));
    if (f.advice) item.append(el("span", f.advice, "advice"));
    const why = el("button", "About this rule", "about");
    why.type = "button";
    why.dataset.rule = f.rule;
    why.addEventListener("click", () => ruleDocs(f.rule));
    item.append(document.createElement("br"), why);
    if (f.fix && data.editable) {
      const button = el("button", `Fix: ${f.fix.title} (${f.fix.applicability})`, "fix");
      button.type = "button";
      button.dataset.rule = f.rule;
      button.addEventListener("click", () => {
        $("draft").value = applyEdits($("draft").value, f.fix.edits);
        check();
      });
      item.append(" ", button);
    }
    list.append(item);
  }
}

async function ruleDocs(rule) {
  // the rule's page as `pitchlint rule ID` prints it, shown as text
  try {
    const response = await fetch(`/rules/${encodeURIComponent(rule)}`);
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || response.statusText);
    $("docs-rule").textContent = data.id;
    $("rule-docs").textContent = data.doc;
    $("docs").hidden = false;
  } catch (error) {
    $("status").textContent = `error: ${error.message}`;
  }
}

async function check() {
  clearTimeout(timer);
  const mine = ++latest.check;
  $("status").textContent = "checking...";
  try {
    const data = await post("/check", { text: $("draft").value, name: current.name });
    if (mine !== latest.check) return;
    show(data);
    $("status").textContent = "checked";
  } catch (error) {
    $("status").textContent = `error: ${error.message}`;
  }
}

async function rewrite() {
  const mine = ++latest.rewrite;
  $("status").textContent = "rewriting...";
  try {
    const data = await post("/rewrite", { text: $("draft").value, name: current.name });
    if (mine !== latest.rewrite) return;
    const first = data.rewrites[0];
    $("rewritten").hidden = !first;
    if (!first) return;
    // as sent now beside once filled, while the rewrite leaves {…} placeholders to fill
    $("rewrite-score").textContent = `${Math.round(first.score_before.score)} ${first.score_before.grade} -> ${first.score_after_text}`;
    $("rewrite-before").textContent = first.before;
    $("rewrite-after").textContent = first.after;
    const diff = $("rewrite-diff");
    diff.replaceChildren(
      ...first.diff.split("\n").map((line) => {
        const cls = line.startsWith("+") && !line.startsWith("+++") ? "diff-add" : line.startsWith("-") && !line.startsWith("---") ? "diff-del" : "";
        return el("div", line, cls);
      })
    );
    $("use-rewrite").disabled = !current.plain; // a rewrite is the draft's text, not an HTML file
    $("use-rewrite").onclick = () => {
      $("draft").value = first.after;
      check();
    };
    $("status").textContent = "rewritten";
  } catch (error) {
    $("status").textContent = `error: ${error.message}`;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const area = $("draft");
  $("check").addEventListener("click", check);
  $("rewrite").addEventListener("click", rewrite);
  $("fix-all").addEventListener("click", () => {
    if (current.last && current.last.fixed) {
      area.value = current.last.fixed;
      check();
    }
  });
  area.addEventListener("input", () => {
    current.name = current.name.endsWith(".eml") || current.name.match(/\.html?$/) ? current.name : "draft.txt";
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
  area.addEventListener("dragover", (event) => {
    event.preventDefault();
    area.classList.add("drop");
  });
  area.addEventListener("dragleave", () => area.classList.remove("drop"));
  area.addEventListener("drop", (event) => {
    event.preventDefault();
    area.classList.remove("drop");
    const file = event.dataTransfer.files[0];
    if (!file) return;
    file.text().then((text) => {
      current.name = file.name;
      area.value = text;
      check();
    });
  });
});
