// Stands in for `pako` inside JSZip (which exceljs writes workbooks with) in dist/bundle/exceljs.cjs:
// deflate through Node's zlib instead of pure JavaScript, ~4× less time for the regional lists.
// JSZip drives it as a pako.Deflate: push(chunk, false)… then push([], true), output via onData.
// The entry is deflated whole at the last push: JSZip holds the workbook in memory anyway.
// Inflate (reading) is pako's own.
'use strict';
const zlib = require('zlib');
const pako = require('pako');

class Deflate {
  constructor(options) {
    this.level = options && typeof options.level === 'number' ? options.level : -1;
    this.chunks = [];
    this.onData = () => {};
  }

  push(data, last) {
    if (data.length > 0) this.chunks.push(Buffer.from(data.buffer ? new Uint8Array(data.buffer, data.byteOffset, data.length) : data));
    if (last) {
      const out = zlib.deflateRawSync(Buffer.concat(this.chunks), { level: this.level });
      this.chunks = [];
      this.onData(new Uint8Array(out.buffer, out.byteOffset, out.length));
    }
    return true;
  }
}

module.exports = { ...pako, Deflate };
