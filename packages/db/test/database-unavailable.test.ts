// Real errors, no mocks: an unreachable server, sessions ended by pg_terminate_backend (what a restart
// does to them), and a query the database refuses.
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient, isDatabaseUnavailable } from "@pier/db";

const databaseUrl = process.env.DATABASE_URL ?? "postgresql://pier:pier@127.0.0.1:5432/pier";

const closedPort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const failureOf = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error("expected the query to fail");
    },
    (error: unknown) => error,
  );

describe("isDatabaseUnavailable", () => {
  const prisma = createPrismaClient(databaseUrl);
  const admin = createPrismaClient(databaseUrl);
  afterAll(() => Promise.all([prisma.$disconnect(), admin.$disconnect()]));

  const terminate = (pid: number) => admin.$executeRaw`SELECT pg_terminate_backend(${pid}::int)`;
  const backendPid = async (client: Pick<typeof prisma, "$queryRaw">) =>
    (await client.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`)[0]!.pid;

  it("is true when nothing listens at the database's address", async () => {
    const unreachable = createPrismaClient(`postgresql://pier@127.0.0.1:${await closedPort()}/pier`);
    try {
      expect(isDatabaseUnavailable(await failureOf(unreachable.app.count()))).toBe(true);
    } finally {
      await unreachable.$disconnect();
    }
  });

  it("is true for a query whose session the server ends (57P01, as in a restart)", async () => {
    const pid = await backendPid(prisma);
    const sleeping = failureOf(prisma.$queryRaw`SELECT pg_sleep(10)`);
    // The sleep runs on the connection just used: the pool hands back its one idle client.
    await expect
      .poll(
        async () =>
          (
            await admin.$queryRaw<
              Array<{ n: number }>
            >`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${pid}::int AND query LIKE '%pg_sleep%'`
          )[0]!.n,
      )
      .toBe(1);
    await terminate(pid);
    expect(isDatabaseUnavailable(await sleeping)).toBe(true);
  });

  it("is true for a transaction whose connection died under it", async () => {
    const error = await failureOf(
      prisma.$transaction(async (tx) => {
        const pid = await backendPid(tx);
        await terminate(pid);
        await expect
          .poll(
            async () =>
              (
                await admin.$queryRaw<
                  Array<{ n: number }>
                >`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${pid}::int`
              )[0]!.n,
          )
          .toBe(0);
        await tx.app.count();
      }),
    );
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("is false for a query the database refuses, and for errors that are not the database's", async () => {
    expect(isDatabaseUnavailable(await failureOf(prisma.$queryRaw`SELECT * FROM no_such_table`))).toBe(false);
    expect(isDatabaseUnavailable(new Error("build failed"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
