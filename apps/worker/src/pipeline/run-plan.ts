import type { VolumeMount } from "@pier/runtime";
import type { DomainSpec, RolloutPolicy } from "@pier/shared";
import type { DeploySettings } from "./repo-config.ts";

/** The settings a deployment's containers start and are checked with, however its image came to be. */
export type RunSettings = Pick<
  DeploySettings,
  "healthCheckPath" | "healthCheckTimeoutMs" | "memoryMb" | "cpus" | "replicas" | "autoscale" | "test"
>;

/**
 * What a deployment runs, before anything of it starts: an image built from its commit (build-stage.ts) or
 * production's image again (redeploy-stage.ts), with the settings, volumes and domains it goes live with.
 */
export interface RunPlan {
  /** The release it makes when it goes live. */
  kind: "DEPLOY" | "REDEPLOY";
  image: { imageId: string; tag: string; port: number };
  settings: RunSettings;
  mounts: VolumeMount[];
  /** pier.json's domains the app takes when it goes live; null: none recorded (the app's are left as they are). */
  domains: DomainSpec[] | null;
  /** The app's root directory the image was built from. */
  rootDir: string | null;
  /** pier.json's `rollout`: once the app has a production, this goes live as a gradual rollout's candidate. */
  rollout?: RolloutPolicy;
}
