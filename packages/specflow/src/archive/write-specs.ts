import { writeFileAtomic } from '@planwright/plan-schema';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ArchiveWriteError } from '../errors.js';

/** A spec file to write, with its text before (undefined when the write creates it). */
export interface SpecWrite {
  file: string;
  /** How to name the file in messages (its repository path). */
  label: string;
  text: string;
  original?: string;
}

/** Puts back every file written so far; returns the labels of those it could not restore. */
export type Undo = () => Promise<string[]>;

/**
 * Writes every file (each atomically) or none: when one write fails, the ones already written are
 * restored from their original text (created files and folders removed) and an ArchiveWriteError says
 * what failed and whether everything was put back. On success, returns the undo for a later failing step.
 */
export async function writeAllOrNothing(writes: SpecWrite[], what: string): Promise<Undo> {
  const done: { write: SpecWrite; createdDir?: string }[] = [];
  const undo: Undo = async () => {
    const failed: string[] = [];
    for (const { write, createdDir } of [...done].reverse()) {
      try {
        if (write.original !== undefined) await writeFileAtomic(write.file, write.original);
        else await rm(createdDir ?? write.file, { recursive: true, force: true });
      } catch {
        failed.push(write.label);
      }
    }
    return failed;
  };
  for (const write of writes) {
    try {
      const isNew = write.original === undefined;
      const createdDir = isNew ? await mkdir(dirname(write.file), { recursive: true }) : undefined;
      // Registered before writing, so that a folder made for a write that then fails is removed too.
      done.push(createdDir === undefined ? { write } : { write, createdDir });
      await writeFileAtomic(write.file, write.text);
    } catch (cause) {
      if (write.original !== undefined) done.pop();
      throw await undoneError(`${what}: writing ${write.label} failed (${reason(cause)})`, cause, undo);
    }
  }
  return undo;
}

/** The error for a step that failed after some files were written, after putting them back. */
export async function undoneError(message: string, cause: unknown, undo: Undo): Promise<ArchiveWriteError> {
  const restoreFailures = await undo();
  if (restoreFailures.length === 0) {
    return new ArchiveWriteError(`${message}; nothing was changed`, { cause, restoreFailures });
  }
  return new ArchiveWriteError(`${message}; could not restore ${restoreFailures.join(', ')}`, {
    cause,
    restoreFailures,
    hint: 'restore those files from version control',
  });
}

function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
