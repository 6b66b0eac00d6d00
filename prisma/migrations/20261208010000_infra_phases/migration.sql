-- A replica that can't start for the engine's or the machine's reasons, not the app's: the engine
-- unreachable or failing, the deployment's image gone, the disk full. Not counted as the app's failures.
ALTER TYPE "ReplicaPhase" ADD VALUE 'ENGINE_UNAVAILABLE';
ALTER TYPE "ReplicaPhase" ADD VALUE 'IMAGE_MISSING';
ALTER TYPE "ReplicaPhase" ADD VALUE 'NO_SPACE';
