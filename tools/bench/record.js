// Records one benchmark's results as a section of docs/benchmarks.md, replacing that section only,
// so each benchmark script can be rerun on its own.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const DOC = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const HEADER = '# Benchmarks\n\nEach section is written by the script it names; rerun that script to refresh it.\n';

/** One line describing the machine: CPU model, cores, memory, Node version. */
export function machineDescription() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const memory = (totalmem() / 2 ** 30).toFixed(0);
  let gcc = 'gcc not found';
  try {
    gcc = execSync('gcc --version', { encoding: 'utf8' }).split('\n')[0];
  } catch {
    // gcc is optional: only the C reference benchmarks need it.
  }
  return `${cpu}, ${cpus().length} cores, ${memory} GiB, Node ${process.version}, ${gcc}`;
}

/**
 * Replaces (or appends) the section `id` of docs/benchmarks.md with `markdown`, headed by the title,
 * the date, the machine and the command that produced it. Written atomically.
 */
export function recordSection(id, { title, command, markdown }) {
  const start = `<!-- bench:${id}:start -->`;
  const end = `<!-- bench:${id}:end -->`;
  const body = [
    start,
    `## ${title}`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()}.`,
    `Command: \`${command}\``,
    '',
    markdown.trim(),
    end,
  ].join('\n');

  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : HEADER;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  const next = pattern.test(current) ? current.replace(pattern, body) : `${current.trimEnd()}\n\n${body}\n`;
  const temporary = `${DOC}.tmp`;
  writeFileSync(temporary, next);
  renameSync(temporary, DOC);
}
