// Prisma 7 CLI configuration (prisma generate, prisma migrate deploy on machines that can download engines).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://pier:pier@127.0.0.1:5432/pier" },
});
