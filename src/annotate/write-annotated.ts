import type { ApplicantResult, Lang } from '../core/types.js';
import type { RosterInput, RunResult } from '../report/run-result.js';
import { writeViaTemp } from '../output/atomic-write.js';
import { annotateFailed, annotateXlsx } from './annotate-xlsx.js';
import { UserError } from '../core/user-error.js';
import { PackageError } from '../ooxml/package-error.js';

/**
 * Writes the annotated copy of one roster: the user's workbook with our verdict columns, fills,
 * notes and two summary sheets (a CSV roster first becomes a workbook). Written to a temp file
 * and renamed into place, so a failure leaves no partial output.
 */
export async function writeAnnotatedCopy(args: {
  input: RosterInput;
  /** Every roster sheet of the file (default: `input` alone); `applicants` are all of theirs. */
  sheets?: RosterInput[];
  bytes: Uint8Array;
  applicants: ApplicantResult[];
  run: RunResult;
  outPath: string;
  lang: Lang;
  /** Progress: rows of the copy done so far. */
  onRows?(rows: number): void;
}): Promise<void> {
  const tool = `${args.run.tool.name} ${args.run.tool.version}`;
  let bytes = args.bytes;
  let input = args.input;
  if (input.kind !== 'xlsx') {
    // A CSV or a workbook read by SheetJS has no package to patch: its copy is made anew.
    // exceljs (hundreds of CommonJS modules) is loaded only then.
    const { rebuildAsXlsx } = await import('./csv-workbook.js');
    const { openRosterFile } = await import('../io/open-roster-file.js');
    const made = await rebuildAsXlsx(await openRosterFile(input.file, { bytes: Promise.resolve(args.bytes) }), input);
    bytes = made.bytes;
    input = made.input;
  }
  // A programming error of ours, kept so that writeViaTemp (which reports anything that is not a
  // UserError as a failed write) cannot hide it: it is rethrown unchanged, and the CLI prints its
  // short internal-error message — never its text, which may hold a name or an ID.
  let internal: { err: unknown } | undefined;
  try {
    await writeViaTemp(args.outPath, async (tmp) => {
      try {
        await annotateXlsx({ ...args, input, bytes }, tmp, tool);
      } catch (err) {
        // File-system errors (with a code) are reported by writeViaTemp; a known, data-free
        // condition of the package means the workbook could not be patched (not the disk's fault).
        if (err instanceof UserError || isSystemError(err)) throw err;
        if (err instanceof PackageError) throw annotateFailed(args.input.file, err);
        internal = { err };
        throw err;
      }
    });
  } catch (err) {
    if (internal) throw internal.err;
    throw err;
  }
}

/** A file-system error (ENOSPC, EACCES…), not one of Node's ERR_* programming errors. */
function isSystemError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
