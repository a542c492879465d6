//! The compiled-in word lists: attribution cues, titles and honorifics,
//! pronouns, name particles and common first names. Lookups are `match`es on
//! string slices, except the cues: asked of most words near a quote, they
//! are a hash table made once. The lists asked about most often sit behind
//! a `Gate` (`in_list!`), which refuses most words before the match.

use std::sync::OnceLock;

use super::attrib::HashMap;

/// `matches!(w, "a" | "b" | …)` for a list of words, behind a `Gate` made
/// from the same list when the program is compiled: most words asked
/// about are in no list, and the gate turns them away after one look-up
/// where the `match` compares the word with each listed word of its
/// length.
macro_rules! in_list {
    ($w:expr, $($word:literal)|+ $(,)?) => {{
        static GATE: $crate::check::lexicon::Gate =
            $crate::check::lexicon::Gate::new(&[&[$($word),+]]);
        let w: &str = $w;
        GATE.may_hold(w) && matches!(w, $($word)|+)
    }};
}
pub(crate) use in_list;

/// A quick test that a word is in none of some lists of words: a bit for
/// each length, first byte and last byte (the low five bits of each) that
/// a listed word has. A word whose bit is clear is in no list; one whose
/// bit is set has still to be looked up.
pub(crate) struct Gate([[u32; 32]; Gate::MAX_LEN + 1]);

impl Gate {
    /// No listed word is longer: a longer word is in no list.
    const MAX_LEN: usize = 15;

    pub const fn new(lists: &[&[&str]]) -> Gate {
        let mut bits = [[0u32; 32]; Gate::MAX_LEN + 1];
        let mut l = 0;
        while l < lists.len() {
            let mut i = 0;
            while i < lists[l].len() {
                let w = lists[l][i].as_bytes();
                assert!(!w.is_empty() && w.len() <= Gate::MAX_LEN);
                bits[w.len()][(w[0] & 31) as usize] |= 1 << (w[w.len() - 1] & 31);
                i += 1;
            }
            l += 1;
        }
        Gate(bits)
    }

    /// False when `w` is certainly in none of the lists.
    #[inline]
    pub fn may_hold(&self, w: &str) -> bool {
        let w = w.as_bytes();
        match (w.first(), w.last()) {
            (Some(&first), Some(&last)) if w.len() <= Gate::MAX_LEN => {
                self.0[w.len()][(first & 31) as usize] >> (last & 31) & 1 != 0
            }
            _ => false,
        }
    }
}

/// Grammatical gender or number a pronoun or a name carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
    /// "they": a group, a body, or a person of unstated gender.
    Plural,
    /// "it": a body or a document.
    Neuter,
}

/// How a cue word relates to its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// A finite verb: the speaker is its subject ("X said", "said X").
    Verb,
    /// A participle: the speaker is the sentence's subject ("…, calling it").
    Participle,
    /// A preposition: the speaker follows ("according to X").
    According,
}

/// Cue words that are finite verbs (`Cue::Verb`).
static CUE_VERBS: &[&str] = &[
    "said",
    // The present tense of features and profiles: `“…,” she quips`.
    "admits",
    "agrees",
    "boasts",
    "cautions",
    "complains",
    "concedes",
    "confirms",
    "counters",
    "exclaims",
    "jokes",
    "laments",
    "laughs",
    "maintains",
    "marvels",
    "mumbles",
    "murmurs",
    "muses",
    "mutters",
    "observes",
    "opines",
    "pleads",
    "quips",
    "retorts",
    "scoffs",
    "shrugs",
    "sighs",
    "smiles",
    "whispers",
    "wonders",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "asked",
    "asks",
    "explained",
    "explains",
    "noted",
    "notes",
    "wrote",
    "written",
    "writes",
    "stressed",
    "stresses",
    "argued",
    "argues",
    "claimed",
    "claims",
    "claim",
    "insisted",
    "insists",
    "declared",
    "declares",
    "announced",
    "warned",
    "warns",
    "recalled",
    "recalls",
    "continued",
    "continues",
    "replied",
    "replies",
    "responded",
    "answered",
    "acknowledged",
    "admitted",
    "admits",
    "conceded",
    "suggested",
    "suggests",
    "tweeted",
    "tweets",
    "posted",
    "stated",
    "states",
    "remarked",
    "observed",
    "emphasized",
    "emphasised",
    "emphasizes",
    "underscored",
    "affirmed",
    "asserted",
    "asserts",
    "maintained",
    "contended",
    "predicted",
    "promised",
    "vowed",
    "pledged",
    "called",
    "calls",
    "described",
    "describes",
    "dubbed",
    "labeled",
    "labelled",
    "praised",
    "criticized",
    "criticised",
    "blasted",
    "slammed",
    "accused",
    "charged",
    "complained",
    "joked",
    "quipped",
    "shouted",
    "yelled",
    "chanted",
    "sang",
    "sings",
    "reported",
    "reports",
    "reads",
    "cited",
    "concluded",
    "testified",
    "confirmed",
    "denied",
    "urged",
    "mused",
    "wondered",
    "lamented",
    "boasted",
    "bragged",
    "countered",
    "retorted",
    "elaborated",
    "agreed",
    "added:",
    "writing",
    "proclaimed",
    "exclaimed",
    "cautioned",
    "conceded:",
    "recounted",
    "insist",
    "argue",
    "promises",
    "vows",
    "predicts",
    "whispered",
    "cried",
    "screamed",
    "offered",
    "pleaded",
    "begged",
    "demanded",
    "mocked",
    "ridiculed",
    "announces",
    "posits",
    "posited",
    "clarified",
    "stresses:",
    "hinted",
    "echoed",
    "summed",
    "characterized",
    "branded",
    "touted",
    "hailed",
    "likened",
    "compared",
    "referred",
    "accuse",
    "call",
    "describe",
    "mock",
    "mocks",
    "tweet",
    "write",
    "add",
    "ask",
    "explain",
    "note",
    "warn",
    "deride",
    "derided",
    "quoted",
    "quotes",
    "lauded",
    "applauded",
    "condemned",
    "condemns",
    "denounced",
    "denounces",
    "dismissed",
    "rejected",
    "ruled",
    "rated",
    "deemed",
    "termed",
    "terms",
    "recounts",
    "responds",
    "thundered",
    "seethed",
    "scoffed",
    "sniped",
    "acknowledges",
    "publishes",
    "published",
    "sighed",
    "laughed",
    "texted",
    "emailed",
    "scolded",
    "yells",
    "urges",
    "shouts",
    "commented",
    "comments",
    "opined",
    "snapped",
    "read",
    "exhorted",
    "referenced",
    "invoked",
    "fumed",
    "attacked",
    "attacks",
    "groused",
    "marveled",
    "marvelled",
    "repeated",
    "repeats",
    "remembered",
    "murmured",
    "muttered",
    "mumbled",
    "grumbled",
    "pressed",
    "interjected",
    "interrupted",
    "objected",
    "protested",
];

/// Cue words that are participles (`Cue::Participle`).
static CUE_PARTICIPLES: &[&str] = &[
    "saying",
    "telling",
    "adding",
    "asking",
    "explaining",
    "noting",
    "stressing",
    "arguing",
    "claiming",
    "insisting",
    "declaring",
    "announcing",
    "warning",
    "recalling",
    "replying",
    "responding",
    "acknowledging",
    "admitting",
    "suggesting",
    "tweeting",
    "stating",
    "remarking",
    "emphasizing",
    "emphasising",
    "underscoring",
    "asserting",
    "calling",
    "describing",
    "labeling",
    "labelling",
    "praising",
    "criticizing",
    "blasting",
    "slamming",
    "accusing",
    "charging",
    "complaining",
    "joking",
    "quipping",
    "shouting",
    "chanting",
    "singing",
    "citing",
    "concluding",
    "testifying",
    "urging",
    "vowing",
    "promising",
    "predicting",
    "dubbing",
    "branding",
    "touting",
    "hailing",
    "mocking",
    "lamenting",
    "boasting",
    "pointing",
    "characterizing",
    "likening",
    "comparing",
    "referring",
    "deriding",
    "dismissing",
    "condemning",
    "denouncing",
    "lauding",
    "quoting",
    "terming",
    "decrying",
    "highlighting",
    "contending",
    "maintaining",
    "cautioning",
    "pleading",
    "commenting",
    "attacking",
];

/// Whether `w` (as written) is an attribution cue. The rules ask this of
/// most words near a quote, and a `match` over two hundred strings tries
/// them one after another: a hash look-up in a table made once is quicker.
pub(crate) fn cue(w: &str) -> Option<Cue> {
    // Most words are no cue, and the gate says so before they are hashed.
    if !CUE_GATE.may_hold(w) {
        return None;
    }
    static TABLE: OnceLock<HashMap<&'static str, Cue>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = HashMap::default();
        let all = CUE_VERBS
            .iter()
            .map(|w| (*w, Cue::Verb))
            .chain(CUE_PARTICIPLES.iter().map(|w| (*w, Cue::Participle)))
            .chain(ACCORDING.iter().map(|w| (*w, Cue::According)));
        for (w, c) in all {
            // The first list a word is in wins, as in a `match`.
            t.entry(w).or_insert(c);
        }
        t
    });
    table.get(w).copied()
}

/// The cue words that are a preposition (`Cue::According`).
static ACCORDING: &[&str] = &["according", "According"];

/// Every cue word's length and first and last bytes.
static CUE_GATE: Gate = Gate::new(&[CUE_VERBS, CUE_PARTICIPLES, ACCORDING]);

/// Trades and states of life that name a person, as a role before a name
/// (`Mechanic Tom Ashby`) or in a noun phrase (`a veteran medic`).
pub(crate) fn is_trade_noun(w: &str) -> bool {
    matches!(
        w,
        "pupil" | "fan" | "veteran" | "widow" | "medic" | "paramedic" | "mechanic" | "clerk"
    )
}

/// Nouns of a stretch of time, which a phrase after "a" may be instead of a
/// person (`said a day later`, `, a week after the verdict,`).
pub(crate) fn is_time_noun(w: &str) -> bool {
    matches!(
        w,
        "day"
            | "week"
            | "month"
            | "year"
            | "decade"
            | "moment"
            | "minute"
            | "hour"
            | "night"
            | "morning"
            | "time"
            | "few"
            | "couple"
    )
}

/// Words that introduce a title rather than speech ("a report titled …").
/// A kind of work that a quoted title can stand beside, set off by a
/// comma: `his new book, “…”`, `a report by the committee, “…”`.
pub(crate) fn is_work_noun(w: &str) -> bool {
    matches!(
        w,
        "book"
            | "memoir"
            | "novel"
            | "report"
            | "study"
            | "paper"
            | "essay"
            | "article"
            | "film"
            | "documentary"
            | "album"
            | "song"
            | "play"
            | "poem"
            | "podcast"
            | "series"
            | "bill"
            | "law"
            | "exhibition"
            | "plan"
            | "audit"
            | "chapter"
            | "episode"
            | "survey"
            | "manifesto"
            | "strategy"
    )
}

pub(crate) fn is_title_cue(w: &str) -> bool {
    matches!(
        w,
        "drama"
            | "thriller"
            | "comedy"
            | "opera"
            | "single"
            | "sitcom"
            | "anthology"
            | "exhibit"
            | "exhibition"
            | "novella"
            | "biography"
            | "painting"
            | "titled"
            | "entitled"
            | "headlined"
            | "headline"
            | "film"
            | "movie"
            | "book"
            | "novel"
            | "documentary"
            | "song"
            | "album"
            | "show"
            | "program"
            | "programme"
            | "series"
            | "episode"
            | "hearing"
            | "column"
            | "op-ed"
            | "essay"
            | "article"
            | "memoir"
            | "play"
            | "musical"
            | "poem"
            | "newsletter"
            | "podcast"
            | "ad"
            | "spot"
            | "campaign"
            | "slogan"
            | "nicknamed"
    )
}

/// Job titles and honorifics that come before a name and are not part of it.
pub(crate) fn is_title_word(w: &str) -> bool {
    in_list!(
        w,
        "President"
            | "Vice"
            | "Prime"
            | "Minister"
            | "Secretary"
            | "Senator"
            | "Sen"
            | "Sen."
            | "Rep"
            | "Rep."
            | "Gov"
            | "Gov."
            | "Governor"
            | "Mayor"
            | "Judge"
            | "Justice"
            | "Gen"
            | "Gen."
            | "General"
            | "Col."
            | "Lt."
            | "Sgt."
            | "Capt."
            | "Chairman"
            | "Chairwoman"
            | "Chair"
            | "Speaker"
            | "Leader"
            | "Director"
            | "Chief"
            | "Ambassador"
            | "Commissioner"
            | "Attorney"
            | "Pope"
            | "King"
            | "Queen"
            | "Prince"
            | "Princess"
            | "Dr"
            | "Dr."
            | "Mr"
            | "Mr."
            | "Mrs"
            | "Mrs."
            | "Ms"
            | "Ms."
            | "Miss"
            | "Prof."
            | "Professor"
            | "Rev."
            | "Reverend"
            | "Sir"
            | "Dame"
            | "Lord"
            | "Lady"
            | "Spokesman"
            | "Spokeswoman"
            | "Spokesperson"
            | "Candidate"
            | "Nominee"
            | "Former"
            | "Deputy"
            | "Acting"
            | "Assistant"
            | "Representative"
            | "Congressman"
            | "Congresswoman"
            | "Councilman"
            | "Councilwoman"
            | "Councillor"
            | "Councilor"
            | "Cllr"
            | "Cllr."
            // British police ranks, as papers there write them.
            | "DCI"
            | "DSI"
            | "DCS"
            | "PCSO"
            | "Sgt"
            | "Insp"
            | "Supt"
            | "Ch"
            | "Det"
            | "Executive"
            | "Superintendent"
            | "Sheriff"
            | "Officer"
            | "Nurse"
            | "Constable"
            | "Archbishop"
            | "Detective"
            | "Inspector"
            | "Sergeant"
            | "Captain"
            | "Lieutenant"
            | "Colonel"
            | "Major"
            | "Admiral"
            | "Coach"
            | "Analyst"
            | "Editor"
            | "Founder"
            | "CEO"
            | "Manager"
            | "Chancellor"
            | "Premier"
            | "Treasurer"
            | "Auditor-General"
            | "Taoiseach"
            | "Tánaiste"
            | "Administrator"
            | "Magistrate"
            | "Coroner"
            | "Principal"
            | "Headteacher"
            | "Vicar"
            | "Emir"
            | "Sheikh"
            | "Del."
            | "Delegate"
            | "Host"
            | "Anchor"
            | "Moderator"
            | "Dean"
            | "Provost"
            | "Trustee"
            | "Economist"
            | "Pastor"
            | "Bishop"
            | "Rabbi"
            | "Imam"
            | "Cardinal"
            | "Father"
            | "Sens."
            | "Reps."
            | "Govs."
            | "Sens"
            | "Reps"
            // Positions on a team, and roles in the arts, as sports and
            // arts pages write them before a name: `Midfielder Whitlock`.
            | "Midfielder"
            | "Striker"
            | "Goalkeeper"
            | "Winger"
            | "Playwright"
            | "Novelist"
            | "Critic"
    )
}

/// Honorifics that fix a gender.
pub(crate) fn honorific_gender(w: &str) -> Option<Gender> {
    match w {
        "Mr." | "Mr" | "Sir" | "Lord" | "King" | "Prince" | "Congressman" | "Spokesman"
        | "Chairman" | "Father" | "Councilman" => Some(Gender::Male),
        "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" | "Dame" | "Lady" | "Queen" | "Princess"
        | "Congresswoman" | "Spokeswoman" | "Chairwoman" | "Councilwoman" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender of a noun that describes a person in an appositive:
/// `Jo Bloggs, a retired fisherman, …`.
pub(crate) fn person_noun_gender(w: &str) -> Option<Gender> {
    match w {
        "man" | "boy" | "father" | "son" | "husband" | "brother" | "grandfather" | "uncle"
        | "nephew" | "businessman" | "fisherman" | "congressman" | "chairman" | "spokesman"
        | "councilman" | "policeman" | "gentleman" | "widower" | "stepfather" | "grandson"
        | "boyfriend" => Some(Gender::Male),
        "woman" | "girl" | "mother" | "daughter" | "wife" | "sister" | "grandmother" | "aunt"
        | "niece" | "businesswoman" | "congresswoman" | "chairwoman" | "spokeswoman"
        | "councilwoman" | "policewoman" | "lady" | "widow" | "stepmother" | "granddaughter"
        | "girlfriend" => Some(Gender::Female),
        _ => None,
    }
}

/// Capitalised words that start sentences or name things but are never part
/// of a person's name.
pub(crate) fn is_name_stop(w: &str) -> bool {
    in_list!(
        w,
        "The"
            | "A"
            | "An"
            | "Back"
            | "Ask"
            | "Upstairs"
            | "Downstairs"
            | "Nearby"
            | "Overnight"
            | "Afterward"
            | "Afterwards"
            | "Outside"
            | "Inside"
            | "Across"
            | "Along"
            | "Near"
            | "Behind"
            | "Beyond"
            | "Around"
            | "Throughout"
            | "Elsewhere"
            | "Without"
            | "Within"
            | "Several"
            | "But"
            | "And"
            | "Or"
            | "In"
            | "On"
            | "At"
            | "As"
            | "If"
            | "It"
            | "Its"
            | "It’s"
            | "It's"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "My"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "When"
            | "While"
            | "Where"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "After"
            | "Before"
            | "Since"
            | "Despite"
            | "According"
            | "However"
            | "Meanwhile"
            | "Still"
            | "Yet"
            | "So"
            | "Then"
            | "Now"
            | "Also"
            | "For"
            | "From"
            | "To"
            | "With"
            | "By"
            | "Of"
            | "Regarding"
            | "During"
            | "Asked"
            | "Speaking"
            | "Last"
            | "Next"
            | "Earlier"
            | "Later"
            | "Today"
            | "Yesterday"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan."
            | "Feb."
            | "Aug."
            | "Sept."
            | "Oct."
            | "Nov."
            | "Dec."
            | "Both"
            | "Many"
            | "Some"
            | "Most"
            | "All"
            | "One"
            | "Two"
            | "No"
            | "Not"
            | "Yes"
            | "Even"
            | "Only"
            | "Just"
            | "Although"
            | "Though"
            | "Because"
            | "Until"
            | "Unlike"
            | "Like"
            | "Under"
            | "Over"
            | "Among"
            | "Amid"
            | "Against"
            | "Instead"
            | "Indeed"
            | "Instead,"
            | "Once"
            | "Every"
            | "Each"
            | "Such"
            | "Another"
            | "Other"
            | "Others"
            | "Whether"
            | "Why,"
            | "Let"
            | "Do"
            | "Does"
            | "Did"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Will"
            | "Would"
            | "Can"
            | "Could"
            | "Should"
            | "Read"
            | "Watch"
            | "See"
            | "Please"
            | "Follow"
            | "Photo"
            | "Getty"
            | "Image"
            | "Credit"
            | "Updated"
    ) || pronoun_contraction(w)
}

/// `She’ll`, `He's`, `They’re`: a pronoun with a clipped verb, which a
/// capital at the start of a sentence must not turn into a name.
fn pronoun_contraction(w: &str) -> bool {
    // Most words have no apostrophe: a byte loop says so before the
    // character search (0xE2 starts `’`).
    if !w.bytes().any(|b| b == b'\'' || b == 0xE2) {
        return false;
    }
    let Some(i) = w.find(['’', '\'']) else {
        return false;
    };
    matches!(
        &w[..i],
        "He" | "She" | "They" | "We" | "I" | "You" | "It" | "That" | "There"
    ) && matches!(
        &w[i..].trim_start_matches(['’', '\'']),
        &("s" | "ll" | "re" | "d" | "ve" | "m")
    )
}

/// Particles that belong inside a name ("Ahmad al-Sharaa", "Ludwig van
/// Beethoven").
pub(crate) fn is_particle(w: &str) -> bool {
    in_list!(
        w,
        "al" | "el"
            | "van"
            | "von"
            | "de"
            | "da"
            | "di"
            | "du"
            | "del"
            | "della"
            | "der"
            | "den"
            | "la"
            | "le"
            | "bin"
            | "ibn"
            | "ben"
            | "abu"
            | "dos"
            | "das"
            | "ter"
            | "St."
            | "y"
            | "Jr."
            | "Sr."
            | "Jr"
            | "III"
    )
}

/// Pronouns that can be the subject of a cue.
pub(crate) fn pronoun(w: &str) -> Option<Gender> {
    match w {
        "he" | "He" | "him" | "his" => Some(Gender::Male),
        "she" | "She" | "her" => Some(Gender::Female),
        "they" | "They" => Some(Gender::Plural),
        "it" | "It" => Some(Gender::Neuter),
        _ => None,
    }
}

/// Words between a cue and its speaker that carry no name ("said Monday").
pub(crate) fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "earlier"
            | "later"
            | "recently"
            | "previously"
            | "also"
            | "then"
            | "again"
            | "once"
            | "repeatedly"
            | "simply"
            | "flatly"
            | "bluntly"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "last"
            | "this"
            | "week"
            | "month"
            | "year"
    )
}

/// Words that may sit between a subject and its cue ("X has also said").
pub(crate) fn is_aux(w: &str) -> bool {
    in_list!(
        w,
        "has"
            | "have"
            | "had"
            | "would"
            | "will"
            | "also"
            | "later"
            | "then"
            | "once"
            | "did"
            | "does"
            | "do"
            | "previously"
            | "recently"
            | "repeatedly"
            | "often"
            | "again"
            | "has also"
            | "once again"
            | "even"
            | "further"
            | "simply"
            | "just"
            | "not"
            | "never"
            | "still"
            | "may"
            | "might"
            | "could"
            | "can"
            | "was"
            | "is"
            | "had,"
            | "quickly"
            | "publicly"
            | "privately"
            | "openly"
            | "reportedly"
            | "first"
            | "famously"
            | "bluntly"
            | "flatly"
            | "angrily"
    )
}

/// Words that end a company's name: `Norvale Systems`, `Acme Corp.`.
pub(crate) fn is_company_word(w: &str) -> bool {
    in_list!(
        w.trim_end_matches(['.', ',']),
        "Inc"
            | "Corp"
            | "Corporation"
            | "Co"
            | "Company"
            | "Ltd"
            | "LLC"
            | "plc"
            | "PLC"
            | "Group"
            | "Holdings"
            | "Systems"
            | "Technologies"
            | "Industries"
            | "Motors"
            | "Airlines"
            | "Energy"
            | "Pharmaceuticals"
            | "Labs"
            | "Partners"
            | "Capital"
            | "Bank"
    )
}

/// Lower-case words that end a noun-phrase speaker when walking back from a
/// cue ("officials said", "a source close to the talks said").
pub(crate) fn is_determiner(w: &str) -> bool {
    in_list!(
        w,
        "a" | "an"
            | "the"
            | "another"
            | "one"
            | "two"
            | "three"
            | "those"
            | "these"
            | "several"
            | "some"
            | "many"
            | "other"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "A"
            | "An"
            | "The"
            | "Another"
            | "One"
            | "Two"
            | "Several"
            | "Some"
            | "Many"
            | "Other"
            | "Its"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "both"
            | "Both"
    )
}

/// Lower-case words that can head a speaker noun phrase.
pub(crate) fn is_speaker_noun(w: &str) -> bool {
    in_list!(
        w,
        "source"
            | "staff"
            | "spokespeople"
            | "sources"
            | "official"
            | "officials"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "aide"
            | "aides"
            | "adviser"
            | "advisers"
            | "advisor"
            | "advisors"
            | "analyst"
            | "analysts"
            | "expert"
            | "experts"
            | "presidency"
            | "ministry"
            | "government"
            | "campaign"
            | "police"
            // Ireland's police, always capitalised: `Gardaí said`.
            | "gardaí"
            | "gardai"
            | "witness"
            | "witnesses"
            | "residents"
            | "resident"
            | "critics"
            | "supporters"
            | "voters"
            | "voter"
            | "observers"
            | "lawmakers"
            | "lawmaker"
            | "diplomat"
            | "diplomats"
            | "organizers"
            | "protesters"
            | "company"
            | "agency"
            | "spokesmen"
            | "officer"
            | "officers"
            | "lawyer"
            | "lawyers"
            | "attorney"
            | "attorneys"
            | "doctor"
            | "doctors"
            | "economist"
            | "economists"
            | "researchers"
            | "researcher"
            | "scientist"
            | "scientists"
            | "documents"
            | "person"
            | "people"
            | "man"
            | "woman"
            | "member"
            | "members"
            | "leader"
            | "leaders"
            | "executive"
            | "executives"
            | "strategist"
            | "strategists"
            | "consultant"
            | "consultants"
            | "negotiator"
            | "negotiators"
            | "delegate"
            | "delegates"
            | "campaigner"
            | "campaigners"
            | "lobbyist"
            | "lobbyists"
            | "donor"
            | "donors"
            | "pollster"
            | "operative"
            | "staffer"
            | "staffers"
            | "insider"
            | "insiders"
            | "group"
            | "groups"
            | "judge"
            | "prosecutors"
            | "prosecutor"
            | "investigators"
            | "authorities"
            | "administration"
            | "committee"
            | "board"
            | "council"
            | "court"
            | "department"
            | "office"
            | "kremlin"
            | "host"
            | "anchor"
            | "moderator"
            | "reporter"
            | "reporters"
            | "candidate"
            | "nominee"
            | "senator"
            | "president"
            | "governor"
            | "mayor"
            | "minister"
            | "secretary"
            | "chairman"
            | "director"
            | "manager"
            | "founder"
            | "owner"
            | "teacher"
            | "student"
            | "students"
            | "parents"
            | "mother"
            | "father"
            | "wife"
            | "husband"
            | "daughter"
            | "son"
            | "friend"
            | "friends"
            | "co-workers"
            | "coworkers"
            | "colleagues"
            | "classmates"
            | "teammates"
            | "relatives"
            | "neighbors"
            | "neighbours"
            | "teachers"
            | "nurses"
            | "farmers"
            | "locals"
            | "villagers"
            | "passengers"
            | "survivors"
            | "families"
            | "neighbor"
            | "neighbour"
            | "worker"
            | "workers"
            | "employee"
            | "employees"
            | "fans"
            | "crowd"
            | "audience"
            | "activist"
            | "activists"
            | "commentator"
            | "columnist"
            | "writer"
            | "author"
            | "historian"
            | "professor"
            | "veteran"
            | "veterans"
            | "republicans"
            | "democrats"
            | "percent"
            | "majority"
            | "congressman"
            | "congresswoman"
            | "legislator"
            | "legislators"
            | "senators"
            | "governors"
            | "chairwoman"
            | "commissioner"
            | "sheriff"
            | "coach"
            | "ruling"
            | "article"
            | "opinion"
            | "order"
            | "indictment"
            | "verdict"
            | "story"
            | "transcript"
            | "notice"
    ) || is_document_noun(w)
}

/// A document or outlet that can be a quote's source: `the statement`, `a
/// letter`, `the newspaper`.
pub(crate) fn is_document_noun(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "report"
            | "letter"
            | "release"
            | "study"
            | "survey"
            | "poll"
            | "memo"
            | "document"
            | "filing"
            | "complaint"
            | "lawsuit"
            | "ad"
            | "website"
            | "post"
            | "tweet"
            | "message"
            | "email"
            | "note"
            | "editorial"
            | "paper"
            | "newspaper"
            | "magazine"
            | "network"
    )
}

/// Common first names with their usual gender: they choose between a "he"
/// and a "she" reading, and tell a person's name from a body's.
pub(crate) fn first_name_gender(w: &str) -> Option<Gender> {
    // Most capitalised words are no first name, and the gate says so
    // before they are hashed.
    if !FIRST_NAME_GATE.may_hold(w) {
        return None;
    }
    static TABLE: OnceLock<HashMap<&'static str, Gender>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = HashMap::default();
        for (list, g) in [(MALE_NAMES, Gender::Male), (FEMALE_NAMES, Gender::Female)] {
            for w in list {
                // The first list a name is in wins.
                t.entry(*w).or_insert(g);
            }
        }
        t
    });
    table.get(w).copied()
}

/// Men's first names, as news text writes them.
static MALE_NAMES: &[&str] = &[
    "Craig",
    "Glen",
    "Barry",
    "Ricky",
    "Vince",
    "Levi",
    "Brody",
    "Derrick",
    "Floyd",
    "Geoff",
    "Geoffrey",
    "Alasdair",
    "Shaun",
    "Rupert",
    "Harvey",
    "Jude",
    "Ezra",
    "Jasper",
    "Rufus",
    "Silas",
    "Randall",
    "Hussein",
    "Ibrahim",
    "Rashid",
    "Deshawn",
    "DeShawn",
    "Andre",
    "Jamar",
    "Terrell",
    "Amit",
    "Anil",
    "Sunil",
    "Matias",
    "Lorenzo",
    "Francesco",
    "Henri",
    "Francois",
    "François",
    "Jurgen",
    "Jürgen",
    "Dieter",
    "Erik",
    "Oleg",
    "Lucas",
    "Nico",
    "Jonas",
    "Lukas",
    "Hugo",
    "Emil",
    "Oskar",
    "Pavel",
    "Joost",
    "Bjorn",
    "Anders",
    "Mehmet",
    "Ahmet",
    "Ravi",
    "Santiago",
    "Andres",
    "Joao",
    "Rui",
    "Bruno",
    "Giorgi",
    "Irakli",
    "Levan",
    "John",
    "James",
    "Robert",
    "Michael",
    "William",
    "David",
    "Richard",
    "Joseph",
    "Thomas",
    "Charles",
    "Christopher",
    "Daniel",
    "Matthew",
    "Anthony",
    "Mark",
    "Donald",
    "Steven",
    "Paul",
    "Andrew",
    "Joshua",
    "Kenneth",
    "Kevin",
    "Brian",
    "George",
    "Timothy",
    "Ronald",
    "Edward",
    "Jason",
    "Jeffrey",
    "Ryan",
    "Jacob",
    "Gary",
    "Nicholas",
    "Eric",
    "Jonathan",
    "Stephen",
    "Larry",
    "Justin",
    "Scott",
    "Brandon",
    "Benjamin",
    "Samuel",
    "Gregory",
    "Frank",
    "Alexander",
    "Raymond",
    "Patrick",
    "Jack",
    "Dennis",
    "Jerry",
    "Tyler",
    "Aaron",
    "Jose",
    "Adam",
    "Henry",
    "Nathan",
    "Douglas",
    "Zachary",
    "Peter",
    "Kyle",
    "Walter",
    "Ethan",
    "Jeremy",
    "Harold",
    "Keith",
    "Roger",
    "Noah",
    "Gerald",
    "Carl",
    "Sean",
    "Arthur",
    "Lawrence",
    "Jesse",
    "Dylan",
    "Bryan",
    "Joe",
    "Billy",
    "Bruce",
    "Albert",
    "Willie",
    "Gabriel",
    "Logan",
    "Alan",
    "Juan",
    "Wayne",
    "Roy",
    "Ralph",
    "Randy",
    "Eugene",
    "Vincent",
    "Russell",
    "Elijah",
    "Louis",
    "Bobby",
    "Philip",
    "Johnny",
    "Barack",
    "Bernie",
    "Mike",
    "Ted",
    "Marco",
    "Jeb",
    "Newt",
    "Rudy",
    "Tim",
    "Bill",
    "Vladimir",
    "Dmitry",
    "Anton",
    "Ahmad",
    "Ahmed",
    "Mohammed",
    "Muhammad",
    "Ali",
    "Omar",
    "Hassan",
    "Ivan",
    "Sergei",
    "Sergey",
    "Boris",
    "Emmanuel",
    "Olaf",
    "Xi",
    "Recep",
    "Bashar",
    "Benjamin,",
    "Rex",
    "Reince",
    "Corey",
    "Steve",
    "Tom",
    "Jim",
    "Dan",
    "Ben",
    "Nick",
    "Matt",
    "Greg",
    "Jeff",
    "Doug",
    "Ken",
    "Rick",
    "Ron",
    "Jon",
    "Rand",
    "Lindsey",
    "Chris",
    "Mitch",
    "Harry",
    "Hugh",
    "Pete",
    "Kurt",
    "Lester",
    "Wolf",
    "Sean,",
    "Marc",
    "Hans",
    "Karl",
    "Pierre",
    "Jean-Claude",
    "Luis",
    "Carlos",
    "Miguel",
    "Pedro",
    "Jorge",
    "Antonio",
    "Francisco",
    "Mario",
    "Giuseppe",
    "Luca",
    "Marek",
    "Tomasz",
    "Curtis",
    "Marcus",
    "Felix",
    "Tony",
    "Travis",
    "Todd",
    "Troy",
    "Shane",
    "Derek",
    "Darren",
    "Dale",
    "Glenn",
    "Howard",
    "Ian",
    "Joel",
    "Leon",
    "Luke",
    "Martin",
    "Neil",
    "Oscar",
    "Owen",
    "Trevor",
    "Victor",
    "Warren",
    "Wesley",
    "Clarence",
    "Fred",
    "Frederick",
    "Gordon",
    "Herbert",
    "Hector",
    "Isaac",
    "Jake",
    "Jared",
    "Jimmy",
    "Julian",
    "Leonard",
    "Lloyd",
    "Malcolm",
    "Marvin",
    "Mitchell",
    "Nathaniel",
    "Norman",
    "Oliver",
    "Rafael",
    "Ramon",
    "Ricardo",
    "Roberto",
    "Rodney",
    "Ruben",
    "Seth",
    "Simon",
    "Spencer",
    "Stanley",
    "Theodore",
    "Tobias",
    "Tommy",
    "Vernon",
    "Xavier",
    "Abdul",
    "Hamid",
    "Karim",
    "Khalid",
    "Mahmoud",
    "Mustafa",
    "Yusuf",
    "Rahul",
    "Sanjay",
    "Arjun",
    "Vikram",
    "Hiroshi",
    "Kenji",
    "Takeshi",
    "Kwame",
    "Emeka",
    "Lars",
    "Sven",
    "Nils",
    "Dirk",
    "Klaus",
    "Wolfgang",
    "Friedrich",
    "Stefan",
    "Matteo",
    "Marcel",
    "Jacques",
    "Alain",
    "Didier",
    "Thierry",
    "Nicolas",
    "Igor",
    "Alexei",
    "Andrei",
    "Mikhail",
    "Yuri",
    "Viktor",
    "Volodymyr",
    "Diego",
    "Javier",
    "Alejandro",
    "Fernando",
    "Manuel",
    "Tiago",
    "Gustavo",
    "Andrés",
    "Raymond,",
    "Curtis,",
    "Marcus,",
    "Felix,",
    "Ray",
    "Brent",
    "Cody",
    "Edwin",
    "Henrik",
    "Dariusz",
    "Jens",
    "Pieter",
    "Piotr",
    "Giovanni",
    "Pablo",
    "Mateo",
    "Sergio",
    "Tariq",
    "Kofi",
    "Tunde",
    "Rohan",
    "Dmitri",
    "Nikolai",
    "Clint",
    "Dwayne",
    "Darnell",
    "Tyrone",
    "Malik",
    "Jamal",
    "Brett",
    "Chad",
    "Trent",
    "Dustin",
    "Colby",
    "Garrett",
    "Caleb",
    "Wyatt",
    "Nurlan",
    "Desmond",
    "Jerome",
    "Jaylen",
    "Tomas",
    "Elliot",
    "Reggie",
    "Wendell",
    "Clifford",
    "Lionel",
    "Percy",
    // British and Irish names, but not those that are as often a surname (Ross, Craig, Morgan, Lewis, Graham, Stuart), nor Jamie, as often a woman's.
    "Gareth",
    "Callum",
    "Rhys",
    "Declan",
    "Hamish",
    "Kieran",
    "Connor",
    "Aiden",
    "Aidan",
    "Liam",
    "Niall",
    "Ciaran",
    "Cian",
    "Eoin",
    "Seamus",
    "Padraig",
    "Darragh",
    "Oisin",
    "Fergus",
    "Angus",
    "Alistair",
    "Euan",
    "Ewan",
    "Gavin",
    "Graeme",
    "Iain",
    "Dougal",
    "Lachlan",
    "Rory",
    "Finlay",
    "Cormac",
    "Ronan",
    "Brendan",
    "Dermot",
    "Colm",
    "Gethin",
    "Dafydd",
    "Ieuan",
    "Huw",
    "Emlyn",
    "Aled",
    "Geraint",
    "Reece",
    "Clive",
    "Nigel",
    "Colin",
    "Robbie",
    "Alfie",
    "Archie",
    "Freddie",
    "Ollie",
    "Theo",
    "Toby",
    "Kian",
    "Cillian",
    "Tadhg",
    "Fionn",
    "Conor",
    "Eamon",
    "Ruairi",
];

/// Women's first names.
static FEMALE_NAMES: &[&str] = &[
    "Kylie",
    "Carole",
    "Tonya",
    "Vicki",
    "Vicky",
    "Maxine",
    "Pauline",
    "Edna",
    "Ethel",
    "Marjorie",
    "Thelma",
    "Wanda",
    "Felicity",
    "Keira",
    "Lacey",
    "Scarlett",
    "Tegan",
    "Amira",
    "Lakshmi",
    "Camille",
    "Manon",
    "Helga",
    "Katya",
    "Anastasia",
    "Halyna",
    "Marta",
    "Ilona",
    "Zofia",
    "Anja",
    "Sigrid",
    "Elif",
    "Ayse",
    "Zeynep",
    "Ananya",
    "Aiko",
    "Sakura",
    "Mariana",
    "Elisa",
    "Manana",
    "Tamar",
    "Mary",
    "Patricia",
    "Jennifer",
    "Linda",
    "Elizabeth",
    "Barbara",
    "Susan",
    "Jessica",
    "Sarah",
    "Karen",
    "Nancy",
    "Lisa",
    "Betty",
    "Margaret",
    "Sandra",
    "Ashley",
    "Kimberly",
    "Emily",
    "Donna",
    "Michelle",
    "Dorothy",
    "Carol",
    "Amanda",
    "Melissa",
    "Deborah",
    "Stephanie",
    "Rebecca",
    "Sharon",
    "Laura",
    "Cynthia",
    "Kathleen",
    "Amy",
    "Shirley",
    "Angela",
    "Helen",
    "Anna",
    "Brenda",
    "Pamela",
    "Nicole",
    "Emma",
    "Samantha",
    "Katherine",
    "Christine",
    "Debra",
    "Rachel",
    "Catherine",
    "Carolyn",
    "Janet",
    "Ruth",
    "Maria",
    "Heather",
    "Diane",
    "Julie",
    "Joyce",
    "Olivia",
    "Christina",
    "Lauren",
    "Joan",
    "Evelyn",
    "Judith",
    "Megan",
    "Cheryl",
    "Andrea",
    "Hannah",
    "Martha",
    "Jacqueline",
    "Frances",
    "Gloria",
    "Ann",
    "Teresa",
    "Kathryn",
    "Sara",
    "Janice",
    "Alice",
    "Madison",
    "Doris",
    "Abigail",
    "Julia",
    "Judy",
    "Grace",
    "Denise",
    "Amber",
    "Marilyn",
    "Beverly",
    "Danielle",
    "Theresa",
    "Sophia",
    "Marie",
    "Diana",
    "Brittany",
    "Natalie",
    "Isabella",
    "Charlotte",
    "Rose",
    "Alexis",
    "Kayla",
    "Hillary",
    "Chelsea",
    "Melania",
    "Ivanka",
    "Kellyanne",
    "Elizabeth,",
    "Nikki",
    "Sarah,",
    "Condoleezza",
    "Michele",
    "Huma",
    "Donna,",
    "Debbie",
    "Hope",
    "Kate",
    "Jill",
    "Angela,",
    "Theresa,",
    "Ursula",
    "Marine",
    "Giorgia",
    "Olena",
    "Yulia",
    "Svetlana",
    "Natalia",
    "Olga",
    "Irina",
    "Elena",
    "Fatima",
    "Aisha",
    "Layla",
    "Leila",
    "Sonya",
    "Veronica",
    "Adriana",
    "Ariana",
    "Nell",
    "Ava",
    "Mia",
    "Chloe",
    "Zoe",
    "Lucy",
    "Ella",
    "Ellen",
    "Eva",
    "Claire",
    "Clara",
    "Ingrid",
    "Greta",
    "Hanna",
    "Ines",
    "Ana",
    "Carmen",
    "Lucia",
    "Sofia",
    "Dolores",
    "Priya",
    "Mei",
    "Yuki",
    "Ayesha",
    "Nadia",
    "Rania",
    "Samira",
    "Keisha",
    "Tamika",
    "Latoya",
    "Kamala",
    "Nancy,",
    "Marsha",
    "Tammy",
    "Tina",
    "Wendy",
    "Paula",
    "Meghan",
    "Megyn",
    "Katy",
    "Kristen",
    "Erin",
    "Tanya",
    "Vanessa",
    "Monica",
    "Erica",
    "Valerie",
    "Sylvia",
    "Lois",
    "Irene",
    "Agnes",
    "Harriet",
    "Eleanor",
    "Margot",
    "Lena",
    "Jane",
    "Joanne",
    "Alison",
    "Allison",
    "Anne",
    "Annie",
    "Beth",
    "Bethany",
    "Brianna",
    "Caroline",
    "Cassandra",
    "Cecilia",
    "Colleen",
    "Courtney",
    "Dawn",
    "Eileen",
    "Elaine",
    "Elise",
    "Eliza",
    "Fiona",
    "Gabriela",
    "Gabrielle",
    "Gina",
    "Jasmine",
    "Jenna",
    "Jenny",
    "Joanna",
    "Jocelyn",
    "Josephine",
    "Juliet",
    "Katie",
    "Kathy",
    "Kristin",
    "Leah",
    "Lillian",
    "Lindsay",
    "Lorraine",
    "Louise",
    "Lydia",
    "Madeline",
    "Maggie",
    "Marcia",
    "Marian",
    "Maureen",
    "Maya",
    "Melanie",
    "Mildred",
    "Miranda",
    "Molly",
    "Nina",
    "Nora",
    "Norma",
    "Peggy",
    "Penelope",
    "Phyllis",
    "Rita",
    "Roberta",
    "Rosa",
    "Rosemary",
    "Sabrina",
    "Sally",
    "Sonia",
    "Stella",
    "Sue",
    "Tara",
    "Tiffany",
    "Vera",
    "Vivian",
    "Yvonne",
    "Zara",
    "Alisha",
    "Farah",
    "Naomi",
    "Ngozi",
    "Amina",
    "Zainab",
    "Yasmin",
    "Anya",
    "Tatiana",
    "Oksana",
    "Katarzyna",
    "Agnieszka",
    "Magdalena",
    "Beatriz",
    "Valentina",
    "Camila",
    "Daniela",
    "Paola",
    "Francesca",
    "Giulia",
    "Chiara",
    "Sophie",
    "Brigitte",
    "Birgit",
    "Astrid",
    "Freya",
    "Annika",
    "Siobhan",
    "Niamh",
    "Aoife",
    "Deirdre",
    "Bridget",
    "Patricia,",
    "Rebecca,",
    "Jane,",
    "Carla",
    "Helena",
    "Corinne",
    "Janelle",
    "Hanne",
    "Sofie",
    "Pilar",
    "Isabel",
    "Adaeze",
    "Chioma",
    "Akiko",
    "Anjali",
    "Deepa",
    "Sunita",
    "Natasha",
    "Tanisha",
    "Aileen",
    "Noreen",
    "Renee",
    "Imani",
    "Keiko",
    "Marisol",
    "Yolanda",
    "Rosalind",
    "Mabel",
    "Opal",
    "Tamsin",
    // British and Irish names (not Kelly or Kerry, as often a surname or a place, nor Nicola, a man's in Italy).
    "Ciara",
    "Sinead",
    "Roisin",
    "Orla",
    "Aisling",
    "Grainne",
    "Maeve",
    "Saoirse",
    "Caoimhe",
    "Eilidh",
    "Morag",
    "Kirsty",
    "Shona",
    "Isla",
    "Ailsa",
    "Catriona",
    "Mhairi",
    "Rhiannon",
    "Sian",
    "Bethan",
    "Cerys",
    "Ffion",
    "Carys",
    "Eleri",
    "Gwen",
    "Bronwen",
    "Hayley",
    "Stacey",
    "Leanne",
    "Gemma",
    "Tracey",
    "Mandy",
    "Beverley",
    "Gillian",
    "Poppy",
    "Imogen",
    "Phoebe",
    "Amelia",
    "Evie",
    "Millie",
    "Daisy",
    "Rosie",
    "Ellie",
    "Lily",
    "Tilly",
    "Philippa",
    "Camilla",
    "Fenella",
    "Aideen",
    "Nuala",
    "Eimear",
    "Clodagh",
    "Sorcha",
];

/// Nouns that end in "-ly", as adverbs do: `a lawyer for the family`.
pub(crate) fn is_ly_noun(w: &str) -> bool {
    matches!(
        w,
        "family"
            | "assembly"
            | "ally"
            | "rally"
            | "supply"
            | "monopoly"
            | "anomaly"
            | "reply"
            | "homily"
            | "folly"
            | "tally"
            | "belly"
            | "bully"
    )
}

/// Every first name's length and first and last bytes.
static FIRST_NAME_GATE: Gate = Gate::new(&[MALE_NAMES, FEMALE_NAMES]);

/// Whether the word before a title or role says its holder is someone
/// else's deputy, or held it once: `Vice President`, `Prime Minister` for
/// "the minister", `the lieutenant governor`, `former Sen.`.
pub(crate) fn not_the_holder(w: &str) -> bool {
    matches!(
        w,
        "Vice"
            | "vice"
            | "Prime"
            | "prime"
            | "Deputy"
            | "deputy"
            | "Lieutenant"
            | "lieutenant"
            | "Lt."
            | "Former"
            | "former"
            | "ex-"
            | "Assistant"
            | "assistant"
            | "Associate"
            | "associate"
            | "Shadow"
            | "shadow"
            | "Junior"
            | "junior"
            | "Under"
            // Someone who held it before, or whom another replaces.
            | "then"
            | "outgoing"
            | "late"
            | "replace"
            | "replaced"
            | "replacing"
            | "succeed"
            | "succeeded"
            | "succeeding"
            | "fired"
            | "ousted"
            // Another post: `Attorney General Ann Lee` is no general.
            | "Attorney"
            | "Surgeon"
            | "Inspector"
            | "Solicitor"
    )
}

/// Initials that stand for a person's post, not a body: `the MP`, `the
/// CEO`.
pub(crate) fn is_role_acronym(w: &str) -> bool {
    matches!(
        w,
        "MP" | "MPs"
            | "PM"
            | "CEO"
            | "CFO"
            | "COO"
            | "CTO"
            | "CIO"
            | "MEP"
            | "MSP"
            | "MLA"
            | "MPP"
            | "VP"
            | "DA"
            | "AG"
            | "POTUS"
            | "FLOTUS"
            | "QC"
            | "KC"
            | "GP"
            | "TD"
            | "MHK"
    )
}

/// Surnames of the peoples who write the family name first (Chinese,
/// Korean, Vietnamese): `Tan Wei Ming` is Mr. Tan.
pub(crate) fn is_family_name_first(w: &str) -> bool {
    matches!(
        w,
        "Wang"
            | "Li"
            | "Zhang"
            | "Liu"
            | "Chen"
            | "Yang"
            | "Huang"
            | "Zhao"
            | "Wu"
            | "Zhou"
            | "Xu"
            | "Sun"
            | "Ma"
            | "Zhu"
            | "Hu"
            | "Guo"
            | "He"
            | "Lin"
            | "Luo"
            | "Gao"
            | "Zheng"
            | "Liang"
            | "Xie"
            | "Tang"
            | "Feng"
            | "Deng"
            | "Cao"
            | "Peng"
            | "Zeng"
            | "Xiao"
            | "Tian"
            | "Dong"
            | "Pan"
            | "Yuan"
            | "Cai"
            | "Jiang"
            | "Yu"
            | "Du"
            | "Ye"
            | "Cheng"
            | "Wei"
            | "Su"
            | "Lu"
            | "Ding"
            | "Ren"
            | "Shen"
            | "Yao"
            | "Jin"
            | "Xi"
            | "Tan"
            | "Lim"
            | "Lee"
            | "Ng"
            | "Ong"
            | "Goh"
            | "Teo"
            | "Chua"
            | "Koh"
            | "Kim"
            | "Park"
            | "Choi"
            | "Jung"
            | "Jeong"
            | "Kang"
            | "Cho"
            | "Yoon"
            | "Jang"
            | "Han"
            | "Oh"
            | "Seo"
            | "Shin"
            | "Kwon"
            | "Hwang"
            | "Ahn"
            | "Hong"
            | "Yoo"
            | "Moon"
            | "Nguyen"
            | "Tran"
            | "Le"
            | "Pham"
            | "Hoang"
            | "Phan"
            | "Vu"
            | "Vo"
            | "Dang"
            | "Bui"
            | "Ho"
            | "Ngo"
            | "Duong"
            | "Ly"
    )
}

/// Nationality and regional adjectives ("Russian analyst", "Syrian
/// President"): they describe a person but are not part of a name.
pub(crate) fn is_nationality(w: &str) -> bool {
    in_list!(
        w,
        "American"
            | "Albanian"
            | "Andorran"
            | "Angolan"
            | "Argentinian"
            | "Azerbaijani"
            | "Bahraini"
            | "Bangladeshi"
            | "Barbadian"
            | "Belizean"
            | "Beninese"
            | "Bhutanese"
            | "Bolivian"
            | "Bosnian"
            | "Botswanan"
            | "Bruneian"
            | "Burkinabe"
            | "Burundian"
            | "Cambodian"
            | "Cameroonian"
            | "Chadian"
            | "Congolese"
            | "Cypriot"
            | "Djiboutian"
            | "Ecuadorian"
            | "Eritrean"
            | "Fijian"
            | "Gabonese"
            | "Gambian"
            | "Guatemalan"
            | "Honduran"
            | "Icelandic"
            | "Ivorian"
            | "Kosovar"
            | "Kyrgyz"
            | "Laotian"
            | "Liberian"
            | "Luxembourgish"
            | "Macedonian"
            | "Malagasy"
            | "Malawian"
            | "Maldivian"
            | "Malian"
            | "Maltese"
            | "Mauritanian"
            | "Mauritian"
            | "Moldovan"
            | "Mongolian"
            | "Montenegrin"
            | "Mozambican"
            | "Namibian"
            | "Nepalese"
            | "Nepali"
            | "Nicaraguan"
            | "Nigerien"
            | "Omani"
            | "Panamanian"
            | "Paraguayan"
            | "Rwandan"
            | "Salvadoran"
            | "Samoan"
            | "Singaporean"
            | "Slovak"
            | "Slovakian"
            | "Slovenian"
            | "Somalian"
            | "Surinamese"
            | "Swazi"
            | "Tajik"
            | "Tanzanian"
            | "Togolese"
            | "Tongan"
            | "Turkmen"
            | "Ugandan"
            | "Uruguayan"
            | "Uzbek"
            | "Zambian"
            | "Zimbabwean"
            | "Yazidi"
            | "Uyghur"
            | "Uighur"
            | "Tibetan"
            | "Chechen"
            | "Basque"
            | "Catalan"
            | "Flemish"
            | "Walloon"
            | "Scandinavian"
            | "Balkan"
            | "Baltic"
            | "Persian"
            | "Pashtun"
            | "Tamil"
            | "Russian"
            | "Syrian"
            | "British"
            | "French"
            | "German"
            | "Chinese"
            | "Japanese"
            | "Korean"
            | "Israeli"
            | "Palestinian"
            | "Iranian"
            | "Iraqi"
            | "Turkish"
            | "Egyptian"
            | "Saudi"
            | "Lebanese"
            | "Jordanian"
            | "Ukrainian"
            | "Polish"
            | "Italian"
            | "Spanish"
            | "Mexican"
            | "Canadian"
            | "Indian"
            | "Pakistani"
            | "Afghan"
            | "Australian"
            | "Brazilian"
            | "Dutch"
            | "Swedish"
            | "Norwegian"
            | "Danish"
            | "Finnish"
            | "Irish"
            | "Scottish"
            | "Welsh"
            | "English"
            | "Greek"
            | "Cuban"
            | "Venezuelan"
            | "Colombian"
            | "Argentine"
            | "Chilean"
            | "Nigerian"
            | "Kenyan"
            | "African"
            | "European"
            | "Asian"
            | "Arab"
            | "Kurdish"
            | "Belgian"
            | "Swiss"
            | "Austrian"
            | "Hungarian"
            | "Czech"
            | "Romanian"
            | "Serbian"
            | "Croatian"
            | "Bulgarian"
            | "Libyan"
            | "Tunisian"
            | "Moroccan"
            | "Algerian"
            | "Yemeni"
            | "Qatari"
            | "Emirati"
            | "Kuwaiti"
            | "Taiwanese"
            | "Vietnamese"
            | "Thai"
            | "Filipino"
            | "Indonesian"
            | "Malaysian"
            | "Burmese"
            | "Portuguese"
            | "Peruvian"
            | "Latvian"
            | "Lithuanian"
            | "Estonian"
            | "Georgian"
            | "Armenian"
            | "Belarusian"
            | "Kazakh"
            | "Somali"
            | "Ethiopian"
            | "Sudanese"
            | "Ghanaian"
            | "Senegalese"
            | "Haitian"
            | "Jamaican"
            | "Latino"
            | "Hispanic"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A gate lets through every word of its lists and turns away words
    /// that differ from each of them in length, first or last letter.
    #[test]
    fn a_gate_holds_its_words_and_refuses_others() {
        static SMALL: Gate = Gate::new(&[&["said", "According"], &["x"]]);
        for w in ["said", "According", "x"] {
            assert!(SMALL.may_hold(w), "{w}");
        }
        for w in ["", "sai", "saidd", "told", "sail", "According,", "y", "xx"] {
            assert!(!SMALL.may_hold(w), "{w}");
        }
        for w in CUE_VERBS.iter().chain(CUE_PARTICIPLES).chain(ACCORDING) {
            assert!(CUE_GATE.may_hold(w), "{w}");
        }
        for w in MALE_NAMES.iter().chain(FEMALE_NAMES) {
            assert!(FIRST_NAME_GATE.may_hold(w), "{w}");
        }
        assert!(in_list!("Dr", "Mr" | "Dr"));
        assert!(!in_list!("Ms", "Mr" | "Dr"));
    }

    /// A first name has its list's gender, the men's list first for a name
    /// in both; a surname, a place or a name's lower-case twin has none.
    #[test]
    fn first_names_have_their_lists_gender() {
        for w in MALE_NAMES {
            assert_eq!(first_name_gender(w), Some(Gender::Male), "{w}");
        }
        for w in FEMALE_NAMES {
            assert_eq!(first_name_gender(w), Some(Gender::Female), "{w}");
        }
        for w in ["Smith", "Georgia", "Moscow", "john", "", "Christopherson"] {
            assert_eq!(first_name_gender(w), None, "{w}");
        }
    }

    /// The table answers as the `match` it replaced did: each listed word
    /// is its list's kind of cue (the verbs' list first, for a word in
    /// both), "according" is `According`, and nothing else is a cue, not
    /// even a listed word in capitals, with a colon or a letter more or
    /// less, nor any other word of the team's sample articles. (Checked
    /// once against the old `match`, word for word, on these same words.)
    #[test]
    fn cue_table_answers_as_the_lists_say() {
        let listed = |w: &str| CUE_VERBS.contains(&w) || CUE_PARTICIPLES.contains(&w);
        for w in CUE_VERBS {
            assert_eq!(cue(w), Some(Cue::Verb), "{w}");
        }
        for w in CUE_PARTICIPLES.iter().filter(|w| !CUE_VERBS.contains(w)) {
            assert_eq!(cue(w), Some(Cue::Participle), "{w}");
        }
        for w in ACCORDING {
            assert_eq!(cue(w), Some(Cue::According), "{w}");
        }
        let mut others: Vec<String> = crate::check::sample_articles()
            .iter()
            .flat_map(|t| t.split_whitespace().map(String::from).collect::<Vec<_>>())
            .collect();
        for w in CUE_VERBS.iter().chain(CUE_PARTICIPLES) {
            others.push(w.to_uppercase());
            others.push(format!("{w}s"));
            others.push(format!("{w}:"));
            others.push(w[1..].to_string());
        }
        others.extend(["", "a", "accordingly"].map(String::from));
        for w in others
            .iter()
            .filter(|w| !listed(w) && !ACCORDING.contains(&w.as_str()))
        {
            assert_eq!(cue(w), None, "{w:?}");
        }
        assert!(others.len() > 1000, "the samples are read");
    }
}
