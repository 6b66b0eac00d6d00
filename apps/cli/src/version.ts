import cliPackage from "../package.json" with { type: "json" };

/** The CLI's version: its package's, so `pier --version` says what `npm install -g` installed. */
export const VERSION: string = cliPackage.version;
