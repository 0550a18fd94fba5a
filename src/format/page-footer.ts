import type { Lang } from '../core/types.js';

/** Page footer of every sheet we write: 第x页 共y页 (Excel's &P / &N codes), centred. */
export const FOOTER: Record<Lang, string> = { zh: '&C第&P页 共&N页', en: '&CPage &P of &N' };
