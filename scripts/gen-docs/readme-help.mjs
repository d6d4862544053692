// The CLI help blocks of the READMEs: a fenced block right after a marker line
//   <!-- help: codex-orchestrate --help -->
// holds exactly what that command line prints. gen-docs writes the blocks (`pnpm docs`) and `--check`
// names every block that differs, so a README cannot show a stale --help.

const BLOCK = /^(<!-- help: (.+?) -->\n```text\n)([\s\S]*?)(^```$)/gm;

/**
 * The README text with each marked block replaced by `render(argv)` (the command line split on spaces,
 * the bin name first); `blocks` counts them.
 */
export async function renderReadmeHelp(text, render) {
  const found = [...text.matchAll(BLOCK)];
  let out = '';
  let last = 0;
  for (const match of found) {
    const help = await render(match[2].trim().split(/\s+/));
    out += text.slice(last, match.index) + match[1] + help.replace(/\n*$/, '\n') + match[4];
    last = match.index + match[0].length;
  }
  return { text: out + text.slice(last), blocks: found.length };
}

/** A renderer over the bins of gen-docs (`{ name, main }`) with a capturing io. */
export function helpRenderer(bins, captureIo, normalize) {
  return async ([name, ...argv]) => {
    const bin = bins.find((candidate) => candidate.name === name);
    if (!bin) throw new Error(`gen-docs: README help marker names "${name}", which is no bin of this repository`);
    const io = captureIo();
    const code = await bin.main(argv, io);
    if (code !== 0 || !io.stdout) throw new Error(`gen-docs: "${[name, ...argv].join(' ')}" exited ${code}: ${io.stderr.trim()}`);
    return normalize(io.stdout);
  };
}
