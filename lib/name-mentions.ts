// Finds members' names in a text, for the Chatham House warning of the minutes editor. Pure: the
// editor runs it live as the convenor types, the server runs it again on save.

export type MemberName = {
  /** The member's full name as the series knows it. */
  name: string;
  /** The institution shown for the member, if any (scholars). */
  affiliation?: string | null;
};

export type NameMention = {
  /** The member whose name (or affiliation) the text mentions. */
  name: string;
  affiliation: string | null;
  /** What was found, as written in the text (first occurrence of each distinct term). */
  found: string[];
};

/**
 * Words of three letters or more that are also names (or parts of display names) but far more
 * often ordinary words: a part of a name that is one of these is only matched as part of the
 * whole name, never alone. Kept lower case.
 */
const COMMON_WORDS = new Set(
  (
    "the and for but not are was were will may can might must shall should would could has had have " +
    "his her its our their them they you your who whom what when where which while with from into onto " +
    "over under upon about after before again also just only very much more most some such than then " +
    "this that these those there here all any each few other own same too out off one two three new old " +
    // role and institution words that appear in display names
    "delegate delegates convenor convenors observer observers scholar scholars admin administrator " +
    "fixture demo user member members guest chair chairman chairwoman director minister ministry " +
    "department university institute institution center centre foundation council office embassy " +
    "government party parties session sessions series dialogue group team staff secretary ambassador " +
    "professor doctor general colonel captain major commander admiral senior junior deputy acting " +
    // months and days
    "january february march april june july august september october november december " +
    "monday tuesday wednesday thursday friday saturday sunday " +
    // English words that are also given names or surnames
    "will bill mark grant rich long young king park hope joy faith grace rose frank bush brown green " +
    "white black gray grey wood woods hall ford case lane fox wolf bird cook baker smith miller " +
    "carpenter mason hunter fisher porter turner walker rice little love moon sun song shin ban " +
    "summer winter autumn dawn rain storm stone hill field fields brook brooks bishop pope knight " +
    "judge chase cash gold silver price rock ray bell bond page day north south east west law " +
    "may sky star pierce victor earl duke prince baron noble guy sage sterling wade ward wells " +
    "best good hard strong short small large early late able rich free story river lake " +
    "dean marsh meadow bloom honey penny ruby pearl amber ivy iris lily violet jade crystal " +
    "honor"
  ).split(/\s+/),
);

const LETTER = /\p{L}/gu;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A case-insensitive pattern for `term` as a whole word (or words, any whitespace between). */
function wholeWords(term: string, flags = ""): RegExp {
  const body = term
    .trim()
    .split(/\s+/)
    .map(escapeRegExp)
    .join("\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, `iu${flags}`);
}

function letterCount(s: string): number {
  return s.match(LETTER)?.length ?? 0;
}

/**
 * The parts of a name that identify someone on their own: given names and surnames of three
 * letters or more that are not common words. A hyphenated given name (Min-seo) counts as one part.
 */
export function distinctiveNameParts(name: string): string[] {
  const parts = name
    .split(/\s+/)
    .map((p) => p.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((p) => p !== "");
  if (parts.length < 2) return [];
  return parts.filter((p) => letterCount(p) >= 3 && !COMMON_WORDS.has(p.toLowerCase()));
}

/**
 * Which members a text mentions: by whole name, by a distinctive given name or surname, or by
 * affiliation (as a whole). Case-insensitive, on word boundaries ("Hart" is not found in
 * "Hartford"). One entry per member, in the order the members were given.
 */
export function findNameMentions(text: string, members: readonly MemberName[]): NameMention[] {
  if (text.trim() === "") return [];
  const mentions: NameMention[] = [];
  for (const member of members) {
    const name = member.name.trim();
    if (name === "") continue;
    const affiliation = member.affiliation?.trim() || null;
    const found: string[] = [];
    // Whole phrases first; a part is then looked for only where the whole name is not.
    let rest = text;
    for (const phrase of [name, affiliation]) {
      if (!phrase || letterCount(phrase) < 3 || COMMON_WORDS.has(phrase.toLowerCase())) continue;
      const match = wholeWords(phrase).exec(rest);
      if (!match) continue;
      found.push(match[0]);
      rest = rest.replace(wholeWords(phrase, "g"), " ");
    }
    for (const part of distinctiveNameParts(name)) {
      const match = wholeWords(part).exec(rest);
      if (match && !found.some((f) => f.toLowerCase() === match[0].toLowerCase())) found.push(match[0]);
    }
    if (found.length > 0) mentions.push({ name, affiliation, found });
  }
  return mentions;
}
