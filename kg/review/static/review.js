// The review page: the facts in #kg-data as rows to tick ✓ or ✗, entities to retype or merge, and the
// decisions written as a corrections file (kg/correct/read.py reads it) that the page downloads.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const $ = (id) => document.getElementById(id);
  const PAGE = 200;                 // rows drawn at a time: a build of the year's news has tens of thousands
  const TYPES = new Map(data.types.map((t) => [t.type, t.name]));
  const verdicts = new Map();       // a fact's index → "accept" | "reject"
  const edits = new Map();          // "名称 (Type)" → {type, into}
  let limit = PAGE;
  let editing = null;

  const ref = (name, type) => `${name} (${type})`;
  // a JSON string is a YAML double-quoted scalar: any name, quotes and colons included, reads back as itself
  const quoted = (text) => JSON.stringify(text);
  const parts = (key) => { const m = /^(.*) \((\w+)\)$/.exec(key); return m ? {name: m[1], type: m[2]} : null; };

  function fill(select, items) {
    for (const [value, label] of items) select.add(new Option(label, value));
  }

  function matches(f, i) {
    const relation = $("relation").value, zone = $("zone").value, doc = $("document").value;
    return (!relation || f.relation === relation) && (!zone || f.zones.includes(zone)) &&
      (!doc || f.docs.includes(doc)) && (!$("unreviewed").checked || (!f.reviewer && !verdicts.has(i)));
  }

  function render() {
    const body = $("facts").tBodies[0];
    body.textContent = "";
    let shown = 0, total = 0;
    data.facts.forEach((f, i) => {
      if (!matches(f, i)) return;
      total += 1;
      if (shown < limit) { body.appendChild(row(f, i)); shown += 1; }
    });
    $("shown").textContent = `显示 ${shown} / ${total} 条`;
    $("more").hidden = shown >= total;
    const decided = verdicts.size + edits.size;
    $("decided").textContent = decided ? `${decided} 项决定待下载` : "尚未作出决定";
  }

  function cell(tr, className, ...children) {
    const td = tr.insertCell();
    td.className = className;
    td.append(...children);
    return td;
  }

  function entity(name, type) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "entity" + (edits.has(ref(name, type)) ? " changed" : "");
    button.dataset.entity = ref(name, type);
    const kind = document.createElement("span");
    kind.className = "type";
    kind.textContent = TYPES.get(type) || type;
    button.append(name, kind);
    button.addEventListener("click", () => openEditor(ref(name, type)));
    return button;
  }

  function row(f, i) {
    const tr = document.createElement("tr");
    tr.dataset.fact = i;
    tr.className = verdicts.get(i) === "accept" ? "accepted" : verdicts.get(i) === "reject" ? "rejected" : "";
    const relation = data.relations.find((r) => r.relation === f.relation);
    cell(tr, "confidence", f.confidence === null ? "—" : f.confidence.toFixed(2));
    cell(tr, "subject", entity(f.subject, f.subjectType));
    cell(tr, "relation", `${relation ? relation.name : f.relation}（${f.relation}）` + (f.role ? `：${f.role}` : ""));
    cell(tr, "object", f.object ? entity(f.object, f.objectType) : f.amount);
    const evidence = cell(tr, "evidence");
    for (const [text, doc] of f.evidence) {
      const p = document.createElement("div"), small = document.createElement("small");
      small.textContent = `—— ${doc}`;
      p.append(text, small);
      evidence.append(p);
    }
    if (f.more) evidence.append(`…另有 ${f.more} 句`);
    const verdict = cell(tr, "verdict");
    for (const [kind, mark, title] of [["accept", "✓", "正确"], ["reject", "✗", "错误"]]) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = kind;
      button.textContent = mark;
      button.title = title;
      button.addEventListener("click", () => decide(i, kind));
      verdict.append(button);
    }
    if (f.reviewer) {
      const note = document.createElement("div");
      note.className = "reviewed";
      note.textContent = `已审核：${f.reviewer}`;
      verdict.append(note);
    }
    return tr;
  }

  function decide(i, kind) {
    if (verdicts.get(i) === kind) verdicts.delete(i); else verdicts.set(i, kind);
    render();
  }

  function openEditor(key) {
    editing = key;
    const {type} = parts(key), edit = edits.get(key) || {};
    $("editing").textContent = key;
    $("retype").value = edit.type || type;
    $("merge-into").value = edit.into || "";
    $("editor-error").textContent = "";
    $("editor").showModal();
  }

  function applyEdit(event) {
    const {type} = parts(editing), into = $("merge-into").value.trim(), retype = $("retype").value;
    const target = into ? parts(into) : null;
    if (into && (!target || !TYPES.has(target.type) || into === editing)) {
      event.preventDefault();
      $("editor-error").textContent = "合并到另一实体，写作 名称 (Type)，如 " + data.entities[0];
      return;
    }
    if (!into && retype === type) edits.delete(editing);
    else edits.set(editing, {type: retype !== type ? retype : "", into});
    render();
  }

  // What an entity is called once the file's entity decisions are applied: facts are matched after them.
  function current(name, type) {
    const edit = edits.get(ref(name, type));
    if (!edit) return ref(name, type);
    return edit.into || ref(name, edit.type || type);
  }

  function yaml() {
    const by = quoted($("reviewer").value.trim() || "reviewer");
    const lines = ["# Decisions made on kg's review page: kg build applies them on every build",
      "# (kg build NEWS --corrections THIS_FILE, or append it to NEWS/corrections.yaml)."];
    for (const [key, edit] of [...edits].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (edit.into) lines.push(`- merge: ${quoted(key)}`, `  into: ${quoted(edit.into)}`, `  by: ${by}`);
      else if (edit.type) lines.push(`- retype: ${quoted(key)}`, `  to: ${edit.type}`, `  by: ${by}`);
    }
    for (const [i, kind] of [...verdicts].sort(([a], [b]) => a - b)) {
      const f = data.facts[i];
      const end = f.object ? `object: ${quoted(current(f.object, f.objectType))}` : `value: ${f.value}`;
      const role = f.role ? `, role: ${quoted(f.role)}` : "";
      lines.push(`- ${kind}: {subject: ${quoted(current(f.subject, f.subjectType))}, relation: ${f.relation}, ` +
                 `${end}${role}}`, `  by: ${by}`);
    }
    return lines.join("\n") + "\n";
  }

  function download() {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([yaml()], {type: "application/yaml"}));
    link.download = "corrections.yaml";
    document.body.append(link);
    link.click();
    link.remove();
  }

  fill($("relation"), data.relations.map((r) => [r.relation, `${r.name}（${r.relation}）`]));
  fill($("zone"), data.zones.map((z) => [z, z]));
  fill($("document"), data.documents.map((d) => [d, d]));
  fill($("retype"), data.types.map((t) => [t.type, `${t.name}（${t.type}）`]));
  for (const name of data.entities) $("entity-names").append(new Option(name));
  for (const id of ["relation", "zone", "document", "unreviewed"]) {
    $(id).addEventListener("change", () => { limit = PAGE; render(); });
  }
  $("more").addEventListener("click", () => { limit += PAGE; render(); });
  $("apply-edit").addEventListener("click", applyEdit);
  $("undo-edit").addEventListener("click", () => { edits.delete(editing); render(); });
  $("download").addEventListener("click", download);
  render();
  window.kgReview = {ready: true, data, verdicts, edits, yaml, decide, render};
})();
