// A known, data-free condition of the input package (a missing root element, a part we cannot
// patch) or of the output (zip32 limits), thrown deliberately by the annotated-copy writer. Only
// these become `annotate-failed` for the user; their messages must never hold cell content.
// Anything else thrown while writing the copy is a bug of ours and is reported as an internal
// error, without its message (which may hold applicant data).

export class PackageError extends Error {
  override readonly name = 'PackageError';
}
