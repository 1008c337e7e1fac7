// Text from the project (setting values, paths, module names) placed in Markdown: hovers, the
// checklist copied into pull requests. Nothing from the project may become markup: no link, no
// remote image, no HTML, no line break that starts a new block.

/** Plain text: every Markdown and HTML metacharacter escaped, line breaks as spaces. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()#+\-!|<>&~]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/** A code span holding `text` verbatim: a backtick fence longer than any run of backticks inside. */
export function codeSpan(text: string): string {
  const flat = oneLine(text);
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Line breaks (and other vertical space) as single spaces; control characters dropped. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029\v\f]/g, ' ').replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '');
}
