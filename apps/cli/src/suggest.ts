/** "Did you mean …?" for mistyped commands and options. */

/** Edits (insert, delete, replace, swap two neighbours) between two words: "deploi" → "deploy" is 1. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The candidates a person most likely meant by `input`: the nearest within a few edits (about one per three
 * letters), or those it begins (three letters or more). Empty when nothing is close: a wild guess helps no one.
 */
export function closest(input: string, candidates: Iterable<string>): string[] {
  const typed = input.toLowerCase();
  const allowed = Math.max(1, Math.floor(typed.length / 3));
  let best = Number.POSITIVE_INFINITY;
  let found: string[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === input) continue;
    const prefix = typed.length >= 3 && candidate.startsWith(typed);
    const distance = prefix ? 1 : editDistance(typed, candidate.toLowerCase());
    if (distance > allowed) continue;
    if (distance < best) [best, found] = [distance, [candidate]];
    else if (distance === best) found.push(candidate);
  }
  return found;
}

/** "; did you mean deploy?", "; did you mean deploy or deployments?", or "" when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>, show = (found: string) => found): string {
  const found = closest(input, candidates).map(show);
  if (found.length === 0) return "";
  const listed = found.length === 1 ? found[0] : `${found.slice(0, -1).join(", ")} or ${found.at(-1)}`;
  return `; did you mean ${listed}?`;
}
