// The editor's file format: Markdown with YAML front matter, written back so that every key the
// form did not change keeps its exact text (its quoting, line breaks and comments), and only
// the keys that changed are written anew. A reviewer's diff then shows just the edit.
//
// The YAML library is passed in (the `yaml` package from npm), so that this module runs both
// in the editor and in the tests under Node.

const OPENING = /^---\r?\n/;
const CLOSING = /^---[ \t]*$/m;
// The text of the file as it was read, kept with the entry's data under a name the
// configuration never uses (the CMS keeps keys it has no field for) and removed on saving.
const ORIGINAL = "__commons_front_matter";

export function frontMatterFormat(YAML) {
  function split(content) {
    if (!OPENING.test(content)) return { matter: "", body: content };
    const rest = content.replace(OPENING, "");
    const closing = CLOSING.exec(rest);
    if (!closing) return { matter: "", body: content };
    const after = rest.slice(closing.index + closing[0].length);
    return { matter: rest.slice(0, closing.index), body: after.replace(/^\r?\n/, "") };
  }

  // Each top-level key with the exact text that gives it, from the start of its line to the
  // start of the next key's line; text before the first key is the prefix.
  function blocks(matter) {
    const document = YAML.parseDocument(matter, { schema: "core", uniqueKeys: true });
    if (document.errors.length || !YAML.isMap(document.contents)) return null;
    const lineStart = (offset) => matter.lastIndexOf("\n", offset - 1) + 1;
    const pairs = document.contents.items;
    const starts = pairs.map((pair) => lineStart(pair.key.range[0]));
    return {
      prefix: matter.slice(0, starts[0] ?? matter.length),
      keys: pairs.map((pair, at) => ({
        key: String(pair.key.toJSON()),
        value: pair.value === null ? null : pair.value.toJSON(),
        text: matter.slice(starts[at], at + 1 < starts.length ? starts[at + 1] : matter.length),
      })),
    };
  }

  function canonical(value) {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
    }
    return value;
  }

  const same = (a, b) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
  // A field the form left blank; an empty list is kept, as a required list may be empty.
  const blank = (value) => value === undefined || value === null || value === "";

  function written(key, value) {
    return YAML.stringify({ [key]: value }, { lineWidth: 0, schema: "core" });
  }

  // Blank lines and comments at the end of a key's text belong to what follows it.
  function trailing(text) {
    const lines = text.split(/(?<=\n)/);
    let at = lines.length;
    while (at > 1 && /^\s*(#.*)?\r?\n?$/.test(lines[at - 1])) at -= 1;
    return lines.slice(at).join("");
  }

  function fromFile(content) {
    const { matter, body } = split(content);
    const data = matter.trim() ? YAML.parse(matter, { schema: "core" }) || {} : {};
    return { ...data, body, [ORIGINAL]: matter };
  }

  function toFile(data, sortedKeys = []) {
    const { body = "", [ORIGINAL]: original, ...fields } = data;
    const kept = original ? blocks(original) : null;
    const parts = [];
    const done = new Set();
    if (kept) {
      parts.push(kept.prefix);
      for (const { key, value, text } of kept.keys) {
        done.add(key);
        if (blank(fields[key])) continue;  // removed
        if (same(fields[key], value)) parts.push(text);
        else parts.push(written(key, fields[key]) + trailing(text));
      }
    }
    const order = [...sortedKeys, ...Object.keys(fields)];
    for (const key of order) {
      if (done.has(key) || blank(fields[key])) continue;
      done.add(key);
      parts.push(written(key, fields[key]));
    }
    let matter = parts.join("");
    if (matter && !matter.endsWith("\n")) matter += "\n";
    return `---\n${matter}---\n${body}`;
  }

  return { fromFile, toFile };
}
