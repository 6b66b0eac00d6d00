import { describe, expect, it } from "vitest";
import { serverSentEvents } from "../src/sse.ts";

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

describe("serverSentEvents", () => {
  it("reads events split anywhere across chunks, skips comments, and joins data lines", async () => {
    const events = [];
    const body = chunks(
      'event: line\ndata: {"line":"a"}\n\n: keepalive\n\nev',
      'ent: line\r\ndata: {"line":"b"}\r\n\r\ndata: one\ndata: two\n',
      "\nevent: end\ndata: {}\n\n",
    );
    for await (const event of serverSentEvents(body)) events.push(event);
    expect(events).toEqual([
      { event: "line", data: '{"line":"a"}' },
      { event: "line", data: '{"line":"b"}' },
      { event: "message", data: "one\ntwo" },
      { event: "end", data: "{}" },
    ]);
  });
});
