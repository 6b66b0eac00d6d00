import { describe, expect, it } from "vitest";
import { parseBusySlots } from "../src/metrics/backend-stats.ts";

// Two `show stat <slot> 2 -1` answers one after the other, as the router asks for the slots it released.
const HEADER = "# pxname,svname,qcur,qmax,scur,smax,slim,stot";
const answers = [
  HEADER,
  "d3,BACKEND,0,0,2,4,,100",
  "",
  HEADER,
  "d7,BACKEND,0,0,0,4,,50",
  "",
  HEADER,
  "d9,BACKEND,1,1,0,4,,20",
  "d9,s0,0,0,0,2,,10",
].join("\n");

describe("released slots still in use", () => {
  it("a slot with a session or a queued request is busy; an idle one is not", () => {
    expect([...parseBusySlots(answers)].sort()).toEqual([3, 9]);
  });
});
