/** 0 ran clean; 1 ran and some applicant reached the fail threshold; 2 could not run. */
export const EXIT_OK = 0;
export const EXIT_FOUND = 1;
export const EXIT_ERROR = 2;
