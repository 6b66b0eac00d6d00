export { bullmqConnection, connectRedis, type RedisErrorLog, type RedisRole } from "./connections.ts";
export { acquireLock, releaseLockOf, tryLock, type RedisLock } from "./lock.ts";
