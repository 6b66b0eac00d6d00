import { html, type Html } from "../html.ts";
import { csrfField, layout, type PageContext } from "../ui.ts";

/** What a destructive action asks before it runs: the question, its consequence, and the button that does it. */
export interface Confirmation {
  title: string;
  /** What will happen, in a sentence. */
  text: string;
  /** The button that goes ahead ("Remove domain"). */
  button: string;
  /** Where "Cancel" goes. */
  back: string;
}

/** A form field, as the action received it: to post again unchanged. */
type Posted = Record<string, string | string[] | undefined>;

function hiddenFields(fields: Posted): Html[] {
  return Object.entries(fields).flatMap(([name, value]) =>
    name === "_csrf" || name === "confirmed" || value === undefined
      ? []
      : [value].flat().map((v) => html`<input type="hidden" name="${name}" value="${v}">`),
  );
}

/**
 * The confirmation step of a destructive action, for browsers without JavaScript (with it, a dialog asks first
 * and the form arrives already confirmed): posts the same fields again with `confirmed=yes`.
 */
export function confirmPage(ctx: PageContext, action: string, fields: Posted, question: Confirmation): string {
  const go = html`<button class="btn danger" type="submit" data-action="confirm">${question.button}</button>`;
  const cancel = html`<a class="btn" href="${question.back}" data-action="cancel">Cancel</a>`;
  return layout(ctx, {
    title: question.title,
    body: html`<div class="card" data-confirmation><div class="cb">
      <h1>${question.title}</h1><p>${question.text}</p>
      <form method="post" action="${action}" class="actions">${csrfField(ctx)}${hiddenFields(fields)}
        <input type="hidden" name="confirmed" value="yes">${go}${cancel}</form>
    </div></div>`,
  });
}
