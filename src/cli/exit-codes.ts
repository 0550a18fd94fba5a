/** 0 ran clean; 1 ran and some applicant reached the fail threshold; 2 could not run; 130/143 interrupted (128 + signal). */
export const EXIT_OK = 0;
export const EXIT_FOUND = 1;
export const EXIT_ERROR = 2;
export const EXIT_SIGINT = 130;
export const EXIT_SIGTERM = 143;
