// jszip has no typings for these two modules of its own; they are how it accepts data compressed elsewhere
// (JSZip#file takes a CompressedObject as is: jszip/lib/object.js, fileAdd).
declare module "jszip/lib/compressedObject.js" {
  export default class CompressedObject {
    constructor(compressedSize: number, uncompressedSize: number, crc32: number, compression: object, data: Uint8Array);
    compressedSize: number;
    uncompressedSize: number;
    crc32: number;
  }
}
declare module "jszip/lib/compressions.js" {
  export const STORE: object;
  export const DEFLATE: object;
}
