/**
 * Docker multiplexes stdout/stderr of non-TTY containers into frames: 1 byte stream, 3 zero bytes,
 * 4 bytes big-endian length, then the payload. Returns the payloads concatenated as text.
 */
export function demuxDockerLogs(buffer: Buffer): string {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const stream = buffer[offset];
    const length = buffer.readUInt32BE(offset + 4);
    if (stream === undefined || stream > 2 || buffer[offset + 1] !== 0) {
      // Not framed (TTY container): the buffer is plain text.
      return buffer.toString("utf8");
    }
    parts.push(buffer.subarray(offset + 8, offset + 8 + length));
    offset += 8 + length;
  }
  return Buffer.concat(parts).toString("utf8");
}
