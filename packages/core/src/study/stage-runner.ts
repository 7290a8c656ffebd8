import { randomBytes } from 'node:crypto';
import { readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RgaeError } from '../errors/rgae-error.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { silentLogger, type Logger } from '../logging/logger.js';
import { stableHash } from './stable-hash.js';
import { makeFolder } from '../io/make-folder.js';

/** A finished stage's folder, JSON-safe summary and input hash. */
export interface StageResult<S = unknown> {
  name: string;
  dir: string;
  hash: string;
  summary: S;
  /** True when the stage was skipped because a completed result with the same hash existed. */
  cached: boolean;
}

export interface StageRunContext<C> {
  config: C;
  /** The run directory; a stage that publishes files at its top level (the report) writes there atomically. */
  runDir: string;
  /** Temporary folder the stage writes its files into; renamed to the stage folder on success. */
  outputDir: string;
  /** Folder that survives an interrupted attempt (checkpoints), removed once the stage completes. */
  workDir: string;
  upstream: Record<string, StageResult>;
  logger: Logger;
}

export interface StageDefinition<C, S = unknown> {
  name: string;
  /** Bump when the stage's computation changes, so results of the old code are not reused. */
  version: number;
  dependsOn: readonly string[];
  /** The part of the config this stage depends on; hashed together with the upstream hashes. */
  inputs(config: C): unknown;
  run(context: StageRunContext<C>): Promise<S>;
}

export interface RunStagesOptions<C> {
  runDir: string;
  config: C;
  logger?: Logger;
  /** Called when a stage starts and when it ends (cached or computed). */
  onStage?(event: { name: string; status: 'start' | 'cached' | 'done'; index: number; total: number; seconds?: number }): void;
}

interface StageRecord {
  name: string;
  hash: string;
  summary: unknown;
  completedAt: string;
}

/**
 * Runs stages in order. Each stage's hash covers its inputs, its version and its upstream hashes; a stage
 * whose completed record has the same hash is skipped. A stage writes into a temporary folder that is
 * renamed into place only after it succeeds, so an interrupted run leaves no half-written stage and the next
 * run resumes at the first stage that did not complete.
 */
export async function runStages<C>(stages: readonly StageDefinition<C>[], options: RunStagesOptions<C>): Promise<Record<string, StageResult>> {
  const logger = options.logger ?? silentLogger;
  const stagesDir = join(options.runDir, 'stages');
  await makeFolder(stagesDir);
  await removeTemporaryFolders(stagesDir);

  const results: Record<string, StageResult> = {};
  for (const [index, stage] of stages.entries()) {
    const missing = stage.dependsOn.filter((name) => !results[name]);
    if (missing.length > 0) {
      throw new RgaeError('INVALID_ARGUMENT', `Stage "${stage.name}" depends on ${missing.join(', ')}, which must run before it.`);
    }
    const upstream = Object.fromEntries(stage.dependsOn.map((name) => [name, results[name]]));
    const hash = stableHash({
      stage: stage.name,
      version: stage.version,
      inputs: stage.inputs(options.config),
      upstream: stage.dependsOn.map((name) => results[name].hash),
    });
    const dir = join(stagesDir, stage.name);
    const event = { name: stage.name, index, total: stages.length };

    const record = await readRecord(dir);
    if (record?.hash === hash) {
      results[stage.name] = { name: stage.name, dir, hash, summary: record.summary, cached: true };
      options.onStage?.({ ...event, status: 'cached' });
      continue;
    }

    options.onStage?.({ ...event, status: 'start' });
    const started = Date.now();
    const outputDir = join(stagesDir, `.${stage.name}.tmp-${randomBytes(4).toString('hex')}`);
    const workDir = join(options.runDir, 'work', `${stage.name}-${hash.slice(0, 16)}`);
    await makeFolder(outputDir);
    await makeFolder(workDir);

    const summary = await stage.run({ config: options.config, runDir: options.runDir, outputDir, workDir, upstream, logger });
    const completed: StageRecord = { name: stage.name, hash, summary, completedAt: new Date().toISOString() };
    await writeFileAtomic(join(outputDir, 'stage.json'), JSON.stringify(completed, null, 2) + '\n');
    await replaceFolder(outputDir, dir);
    await rm(workDir, { recursive: true, force: true });

    results[stage.name] = { name: stage.name, dir, hash, summary, cached: false };
    options.onStage?.({ ...event, status: 'done', seconds: (Date.now() - started) / 1000 });
  }
  await rm(join(options.runDir, 'work'), { recursive: true, force: true });
  return results;
}

async function readRecord(dir: string): Promise<StageRecord | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, 'stage.json'), 'utf8')) as StageRecord;
  } catch {
    return undefined;
  }
}

/** Moves `source` to `target`, replacing an older `target` through a rename so the swap is never partial. */
async function replaceFolder(source: string, target: string): Promise<void> {
  const old = `${target}.old-${randomBytes(4).toString('hex')}`;
  let hadOld = true;
  try {
    await rename(target, old);
  } catch {
    hadOld = false;
  }
  await rename(source, target);
  if (hadOld) await rm(old, { recursive: true, force: true });
}

async function removeTemporaryFolders(stagesDir: string): Promise<void> {
  for (const name of await readdir(stagesDir)) {
    if (/^\..+\.tmp-[0-9a-f]+$/.test(name) || /\.old-[0-9a-f]+$/.test(name)) {
      await rm(join(stagesDir, name), { recursive: true, force: true });
    }
  }
}
