import type { FieldErrors } from "../forms.ts";
import { html, type Html } from "../html.ts";
import { cardHead, csrfField, field, timeAgo, type PageContext } from "../ui.ts";

/** What the page may show of an app's repository credential: its kind and hint, never the secret. */
export interface CredentialView {
  kind: "TOKEN" | "DEPLOY_KEY";
  hint: string;
  updatedAt: Date;
}

const NONE = "None: the repository is cloned anonymously (or with the GitHub App, for repositories it covers).";
const KEY_HELP =
  "An SSH private key without a passphrase (ssh-keygen -t ed25519 -N '' -f key); its public half goes to the " +
  "repository's deploy keys. With a key the app may use an ssh URL (git@host:owner/repo.git).";

/** The Settings tab's card for a private repository's token or deploy key: set, replace, remove. */
export function credentialCard(
  ctx: PageContext,
  appName: string,
  credential: CredentialView | null,
  errors: FieldErrors,
): Html {
  const kind = credential?.kind === "TOKEN" ? "Token" : "Deploy key";
  const current = credential
    ? html`<p data-credential="${credential.kind}">${kind} <code>${credential.hint}</code>, set
        ${timeAgo(credential.updatedAt, ctx.now)}.</p>`
    : html`<p class="muted" data-credential="none">${NONE}</p>`;
  const keyError = errors.deployKey;
  const keyInvalid = keyError ? html`class="invalid" aria-invalid="true"` : "";
  const keyMessage = keyError
    ? html`<div class="err" data-error-for="deployKey">${keyError}</div>`
    : html`<div class="help">${KEY_HELP}</div>`;
  const remove = credential
    ? html`<form method="post" action="/apps/${appName}/credential/remove" class="inline"
        data-confirm="Remove ${appName}'s ${kind.toLowerCase()}?">${csrfField(ctx)}
        <button class="btn ghost" type="submit">Remove</button></form>`
    : "";
  const hint = "For a private repository; the secret is never shown again";
  return html`<div class="card" id="credential">${cardHead("Repository credential", hint)}<div class="cb">
    ${current}
    <form method="post" action="/apps/${appName}/credential" novalidate data-form="credential">${csrfField(ctx)}
      ${field({
        name: "token",
        label: "Token (HTTPS)",
        value: "",
        type: "password",
        errors,
        placeholder: "ghp_… or a host's access token",
      })}
      <div class="field"><label for="f-deployKey">Or a deploy key (SSH)</label>
        <textarea id="f-deployKey" name="deployKey" rows="4" spellcheck="false" autocomplete="off" ${keyInvalid}
          placeholder="-----BEGIN OPENSSH PRIVATE KEY-----"></textarea>${keyMessage}</div>
      <div class="formfoot"><button class="btn" type="submit">Save credential</button></div>
    </form>${remove}</div></div>`;
}
