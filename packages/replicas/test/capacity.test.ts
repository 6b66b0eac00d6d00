import { describe, expect, it } from "vitest";
import { admit } from "../src/capacity.ts";

describe("memory admission", () => {
  it("admits by what replicas need and what the machine has available, not by the limits of what runs", () => {
    // The machine: 24,105 MB, 69 app containers using 1,359 MiB in all (limits: 36,352 MB). Counting
    // limits, it had no room; counting what is available, a replica needing what this app's use does fits.
    const memory = { totalMb: 24_105, availableMb: 21_500 };
    const admission = admit(memory, 1_024, { mb: 40, source: "measured" }, 3);
    expect(admission).toEqual({ replicas: 3, heldBack: null });
  });

  it("says which figure held a scale-up back", () => {
    const admission = admit({ totalMb: 4_000, availableMb: 1_200 }, 1_024, { mb: 64, source: "limit" }, 5);
    expect(admission.replicas).toBe(2);
    expect(admission.heldBack).toBe(
      "not enough memory: 1200 MB available on the machine (of 4000 MB), 1024 MB kept in reserve " +
        "(PIER_RESERVED_MEMORY_MB), leaving 176 MB: room for 2 of 5 more replica(s) needing 64 MB each " +
        "(its memory limit: nothing measured yet)",
    );
  });

  it("admits nothing when the reserve is more than what is available", () => {
    const admission = admit({ totalMb: 4_000, availableMb: 900 }, 1_024, { mb: 32, source: "request" }, 1);
    expect(admission.replicas).toBe(0);
    expect(admission.heldBack).toContain("leaving 0 MB");
    expect(admission.heldBack).toContain("its memory request");
  });
});
