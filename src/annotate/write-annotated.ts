import type { ApplicantResult, Lang } from '../core/types.js';
import type { RosterInput, RunResult } from '../report/run-result.js';
import { writeViaTemp } from '../output/atomic-write.js';
import { annotateFailed, annotateXlsx } from './annotate-xlsx.js';
import { UserError } from '../core/user-error.js';
import { csvToXlsx } from './csv-workbook.js';

/**
 * Writes the annotated copy of one roster: the user's workbook with our verdict columns, fills,
 * notes and two summary sheets (a CSV roster first becomes a workbook). Written to a temp file
 * and renamed into place, so a failure leaves no partial output.
 */
export async function writeAnnotatedCopy(args: {
  input: RosterInput;
  bytes: Uint8Array;
  applicants: ApplicantResult[];
  run: RunResult;
  outPath: string;
  lang: Lang;
}): Promise<void> {
  const tool = `${args.run.tool.name} ${args.run.tool.version}`;
  let bytes = args.bytes;
  let input = args.input;
  if (input.kind === 'csv') {
    const made = await csvToXlsx(args.bytes, input);
    bytes = made.bytes;
    input = made.input;
  }
  await writeViaTemp(args.outPath, async (tmp) => {
    try {
      await annotateXlsx({ ...args, input, bytes }, tmp, tool);
    } catch (err) {
      // File-system errors (with a code) are reported by writeViaTemp; anything else means the
      // workbook could not be patched, which is not the disk's fault.
      if (err instanceof UserError || (err as NodeJS.ErrnoException | undefined)?.code) throw err;
      throw annotateFailed(args.input.file, err);
    }
  });
}
