// Stands in for JSZip's CRC-32 (jszip/lib/crc32.js) in dist/bundle/exceljs.cjs: zlib's native crc32
// (Node ≥ 20.15) instead of a JavaScript table loop, which took ~0.3 s of a 200-roster folder's
// regional lists. Same value, returned signed as JSZip's own; strings are bytes (char code & 0xff).
'use strict';
const zlib = require('zlib');

module.exports =
  typeof zlib.crc32 !== 'function'
    ? require('jszip/lib/crc32.js')
    : function crc32(input, crc) {
        if (input === undefined || input === null || !input.length) return 0;
        let bytes;
        if (typeof input === 'string') bytes = Buffer.from(input, 'latin1');
        else if (ArrayBuffer.isView(input)) bytes = input;
        else bytes = Uint8Array.from(input);
        return zlib.crc32(bytes, (crc | 0) >>> 0) | 0;
      };
