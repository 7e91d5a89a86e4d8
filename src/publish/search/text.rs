//! Text for matching: folding, tokens and bigrams, and the exact forms of words.
//!
//! Text is *folded*: lower case, canonical decomposition, every combining mark U+0300–U+036F
//! dropped (tones, breve, circumflex, horn), then `đ` → `d` (đ has no decomposition). So
//! "Tổ chức", "to chuc", NFD input and both tone placements (`hoà`/`hòa`, `uỷ`/`ủy`) meet.
//! Folded text is cut into *tokens*, the runs of alphabetic or numeric characters (syllables,
//! for Vietnamese); a token of ASCII digits loses its leading zeros (`08` → `8`), and a token
//! longer than [`MAX_TOKEN_CHARS`] is dropped. Two neighbouring tokens also make a *bigram*
//! (`"to chuc"`) when neither is all digits and only spaces and dashes stand between them.
//! The search script folds and cuts queries the same way. Which terms go in the index, and
//! how, is the index's.
//!
//! A word also has an *exact form*, for ranking the words a reader typed with their diacritics
//! above their folded twins ("Lâm" above "làm"): the word in lower case with its marks, each tone
//! mark (grave, acute, tilde, hook above, dot below) moved after the letters, recomposed (NFC).
//! Moving the tones makes both tone placements one form (`hoà` and `hòa` are `hoà`, `thuỷ` and
//! `thủy` are `thuỷ`) while the vowel marks (circumflex, breve, horn) and `đ` stay where they are.
//! [`word_runs`] and [`exact_of_run`] find the words of a text whose exact form is not their
//! folded form: a run of letters, digits and marks that folds to one token.

use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::FxBuildHasher;

/// Longest token kept, in characters.
pub const MAX_TOKEN_CHARS: usize = 32;

/// Folds text for matching: lower case, no marks, `đ` → `d`.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else if let Some(&code) = FOLDED_LATIN.get(c as usize - 0x80) {
            if let Some(one) = char::from_u32(code) {
                folded.push(one);
            } else if code == DROPPED {
                continue;
            } else {
                fold_char(c, &mut folded);
            }
        } else {
            fold_char(c, &mut folded);
        }
    }
    folded
}

/// Folds one character: its lower case, decomposed, without marks, `đ` as `d`.
fn fold_char(c: char, folded: &mut String) {
    for lower in c.to_lowercase() {
        unicode_normalization::char::decompose_canonical(lower, |part| {
            if !is_mark(part) {
                folded.push(if part == 'đ' { 'd' } else { part });
            }
        });
    }
}

/// In [`FOLDED_LATIN`]: the character folds to nothing.
const DROPPED: u32 = u32::MAX;
/// In [`FOLDED_LATIN`]: the character folds to several characters.
const SEVERAL: u32 = u32::MAX - 1;

/// [`fold_char`] of U+0080 to U+1EFF (Latin, combining marks, Vietnamese), computed once:
/// Vietnamese text is mostly these characters.
static FOLDED_LATIN: LazyLock<Vec<u32>> = LazyLock::new(|| {
    (0x80..0x1F00u32)
        .map(|code| {
            let mut out = String::new();
            if let Some(c) = char::from_u32(code) {
                fold_char(c, &mut out);
            }
            let mut chars = out.chars();
            match (chars.next(), chars.next()) {
                (None, _) => DROPPED,
                (Some(one), None) => one as u32,
                _ => SEVERAL,
            }
        })
        .collect()
});

/// Whether a character belongs to a run of [`word_runs`]: a letter, a digit or a mark.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if let Some(&word) = WORD_LATIN.get(c as usize - 0x80) {
        word
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

/// [`is_word_char`] of U+0080 to U+1EFF, computed once: the general lookup is slow, and
/// Vietnamese text is mostly these characters.
static WORD_LATIN: LazyLock<Vec<bool>> = LazyLock::new(|| {
    (0x80..0x1F00u32)
        .map(|code| char::from_u32(code).is_some_and(|c| c.is_alphanumeric() || is_mark(c)))
        .collect()
});

/// Combining diacritical marks: tones, breve, circumflex, horn and the rest of the block.
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// Tone marks: grave, acute, tilde, hook above, dot below.
fn is_tone(c: char) -> bool {
    matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
}

/// The exact form of a word: lower case, tone marks after the letters, NFC.
pub fn exact(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut letters = String::with_capacity(word.len() + 4);
    let mut tones = String::new();
    for c in word.chars().flat_map(char::to_lowercase).nfd() {
        if is_tone(c) { tones.push(c) } else { letters.push(c) }
    }
    letters.push_str(&tones);
    letters.nfc().collect()
}

/// The exact form of a run of letters, digits and marks (as [`word_runs`] gives them), when it
/// differs from its folded form and that is one token the index keeps.
pub fn exact_of_run(run: &str) -> Option<String> {
    let folded = fold(run);
    let one_token = !folded.is_empty()
        && folded.chars().all(char::is_alphanumeric)
        && folded.chars().count() <= MAX_TOKEN_CHARS;
    let exact = exact(run);
    (one_token && exact != folded).then_some(exact)
}

/// Calls `visit` with every run of letters, digits and marks of `text` that is not all ASCII
/// (a run of ASCII letters and digits is its own folded form), in order.
pub fn word_runs<'a>(text: &'a str, mut visit: impl FnMut(&'a str)) {
    let mut start = None;
    let mut ascii = true;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
                ascii = true;
            }
            ascii &= c.is_ascii();
        } else if let Some(from) = start.take()
            && !ascii
        {
            visit(&text[from..i]);
        }
    }
}

/// Calls `visit` with the exact form of every word of `text` (as written, not folded) whose
/// exact form is not its folded form, in order. The index meets runs through its own table of
/// forms; this is the plain statement of what it finds.
#[cfg(test)]
fn exact_words(text: &str, mut visit: impl FnMut(&str)) {
    word_runs(text, |run| {
        if let Some(exact) = exact_of_run(run) {
            visit(&exact);
        }
    });
}

/// One token of folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// What it makes with the token before it: a bigram, a pair (a number next to it, placed
    /// for phrases), or nothing (`Token`: it stands apart).
    pub kind: Kind,
    /// Whether a line ends between it and the token before (a paragraph, item or cell of the
    /// body: a line of the plain text).
    pub new_line: bool,
}

/// The tokens of folded text, in order.
pub fn tokenize(folded: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut gap_start = 0;
    // Whether there is a previous token, and whether it may open a bigram.
    let mut previous_kept = false;
    let mut previous_pairs = false;
    let mut rest = folded;
    let mut offset = 0;
    // Whether a line ended since the last token kept (also before an overlong token left out).
    let mut new_line = false;
    while let Some(start) = rest.find(char::is_alphanumeric) {
        let run = &rest[start..];
        let len = run.find(|c: char| !c.is_alphanumeric()).unwrap_or(run.len());
        let word = &run[..len];
        let gap = &folded[gap_start..offset + start];
        offset += start + len;
        gap_start = offset;
        rest = &folded[offset..];
        new_line |= gap.contains('\n');
        if word.chars().count() > MAX_TOKEN_CHARS {
            (previous_kept, previous_pairs) = (false, false);
            continue;
        }
        let numeric = word.bytes().all(|b| b.is_ascii_digit());
        let text = if numeric { strip_zeros(word) } else { word };
        let kind = match previous_kept && joins(gap) {
            false => Kind::Token,
            true if previous_pairs && !numeric => Kind::Bigram,
            true => Kind::Pair,
        };
        tokens.push(Token { text, kind, new_line: std::mem::take(&mut new_line) });
        (previous_kept, previous_pairs) = (true, !numeric);
    }
    tokens
}

/// `0008` → `8`, `000` → `0`.
fn strip_zeros(digits: &str) -> &str {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() { &digits[digits.len() - 1..] } else { trimmed }
}

/// Whether two tokens with `gap` between them are one phrase: spaces and dashes only.
fn joins(gap: &str) -> bool {
    gap.chars().all(|c| matches!(c, '-' | '–' | '—') || (c.is_whitespace() && c != '\n'))
}

/// The places of a line of a text: a text of more than one line gives each line a run of
/// slots of this many places, enough for its tokens and [`LINE_GAP`], at a slot chosen by a hash
/// of the line and of how many copies of it came before (the first free run among `PROBES`
/// from there, the lines taken in order; past all slots if none), among four times as many
/// slots as the lines need, and at least 64. Words added to or taken from a line, or a line
/// added or taken, move the places of that line's words only (and, now and then, of a line
/// whose slot it takes), and so change only the phrase files of that line's bigrams and pairs.
/// A text of one line is placed from 0.
pub const LINE_PLACES: u32 = 64;

/// Places left free after the last token of a line's run, so that no quoted phrase the search
/// page takes (twelve words at most, with gaps where marks part them) runs from one line into
/// the line placed after it.
pub const LINE_GAP: u32 = 16;

/// Slots a line tries from the one it wants before it goes past them all: with a quarter of
/// the slots taken at most, a short line finds one among the first few.
const PROBES: usize = 64;

/// The tokens of folded text written into one buffer, one space apart, so that every token and
/// every bigram is a slice of it, with the place of each.
pub struct Terms {
    text: String,
    /// Start and end of each token in `text`, what it makes with the one before, and its place.
    tokens: Vec<(usize, usize, Kind, u32)>,
}

/// What a term of [`Terms`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Token,
    /// Two neighbouring tokens, neither all digits, with only spaces and dashes between.
    Bigram,
    /// Two neighbouring tokens with only spaces and dashes between, one of them all digits: not
    /// a term of the index, but placed for phrases.
    Pair,
}

impl Terms {
    pub fn new(folded: &str) -> Terms {
        let found = tokenize(folded);
        let mut text = String::with_capacity(folded.len());
        let mut tokens = Vec::with_capacity(found.len());
        // The first token of each line.
        let mut line_starts = Vec::new();
        for (i, token) in found.iter().enumerate() {
            if !text.is_empty() {
                text.push(' ');
            }
            if i == 0 || token.new_line {
                line_starts.push(i);
            }
            tokens.push((text.len(), text.len() + token.text.len(), token.kind, 0));
            text.push_str(token.text);
        }
        let mut terms = Terms { text, tokens };
        terms.place(&line_starts);
        terms
    }

    /// Gives the tokens places one after the other.
    fn place_in_order(&mut self) {
        for (i, token) in self.tokens.iter_mut().enumerate() {
            token.3 = u32::try_from(i).unwrap_or(u32::MAX);
        }
    }

    /// Gives every token its place (see [`LINE_PLACES`]).
    fn place(&mut self, line_starts: &[usize]) {
        if line_starts.len() < 2 {
            // One line (a title, a number, a tag): its tokens one after the other.
            self.place_in_order();
            return;
        }
        let lines: Vec<(usize, usize)> = line_starts
            .iter()
            .zip(line_starts.iter().skip(1).chain([&self.tokens.len()]))
            .map(|(&start, &end)| (start, end))
            .collect();
        let width = LINE_PLACES as usize;
        // Each line's run leaves LINE_GAP places free after its last token.
        let need = |(start, end): (usize, usize)| (end - start + LINE_GAP as usize).div_ceil(width);
        let needed: usize = lines.iter().map(|&line| need(line)).sum();
        // At least 64 slots: the few lines of a short text seldom meet, and their places stay
        // under 4,096 (three characters of a phrase file).
        let slots = (4 * needed).max(64).next_power_of_two();
        // Room for every line past the slots, should none find a free run among them.
        let fits = ((slots + needed) as u64) * u64::from(LINE_PLACES) <= u64::from(u32::MAX);
        if !fits {
            // Too many lines to place apart: one after the other.
            self.place_in_order();
            return;
        }
        let mut taken = vec![false; slots];
        // How many times each line's text came before: copies of a line want other slots.
        let mut copies: HashMap<&str, u64, FxBuildHasher> = HashMap::default();
        for (start, end) in lines {
            let need = need((start, end));
            let line = &self.text[self.tokens[start].0..self.tokens[end - 1].1];
            let copy = copies.entry(line).or_insert(0);
            let hash =
                crate::hash::bytes(line.as_bytes()).wrapping_add(copy.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            *copy += 1;
            let wanted = (hash % slots as u64) as usize;
            // The first free run of `need` slots among the next few from the one wanted, round
            // to the start; a line that finds none (a long one among many short ones, say) goes
            // past the slots.
            let free = |slot: usize| slot + need <= slots && !taken[slot..slot + need].contains(&true);
            let slot = (0..PROBES.min(slots))
                .map(|k| (wanted + k) % slots)
                .find(|&slot| free(slot))
                .unwrap_or(taken.len());
            if slot + need > taken.len() {
                taken.resize(slot + need, false);
            }
            taken[slot..slot + need].fill(true);
            for (k, token) in self.tokens[start..end].iter_mut().enumerate() {
                token.3 = (slot * width + k) as u32;
            }
        }
    }

    /// Calls `term` for every token, bigram and pair, in order, with the place of its first
    /// token (one more than the token before on its line; see [`LINE_PLACES`]) and its kind.
    /// Places ascend within a line, not from one line to the next.
    pub fn for_each<'a>(&'a self, mut term: impl FnMut(&'a str, u32, Kind)) {
        for (i, &(start, end, kind, place)) in self.tokens.iter().enumerate() {
            term(&self.text[start..end], place, Kind::Token);
            if kind != Kind::Token {
                term(&self.text[self.tokens[i - 1].0..end], place - 1, kind);
            }
        }
    }

    /// The places the text takes: one more than its last.
    pub fn places(&self) -> u32 {
        self.tokens.iter().map(|&(_, _, _, place)| place.saturating_add(1)).max().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn words(text: &str) -> Vec<String> {
        tokenize(&fold(text)).iter().map(|t| t.text.to_string()).collect()
    }

    fn terms(text: &str) -> Vec<String> {
        let mut terms = Vec::new();
        Terms::new(&fold(text)).for_each(|t, _, kind| {
            if kind != Kind::Pair {
                terms.push(t.to_string())
            }
        });
        terms
    }

    #[test]
    fn every_tone_mark_folds_away() {
        for (text, folded) in [
            ("a à á ả ã ạ", "a a a a a a"),
            ("ă ằ ắ ẳ ẵ ặ", "a a a a a a"),
            ("â ầ ấ ẩ ẫ ậ", "a a a a a a"),
            ("ê ề ế ể ễ ệ", "e e e e e e"),
            ("ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ", "o o o o o o o o o o o o"),
            ("ư ừ ứ ử ữ ự", "u u u u u u"),
            ("ì í ỉ ĩ ị ỳ ý ỷ ỹ ỵ", "i i i i i y y y y y"),
            ("Tổ chức cán bộ", "to chuc can bo"),
            ("NGHỊ QUYẾT", "nghi quyet"),
        ] {
            assert_eq!(fold(text), folded, "{text}");
        }
    }

    #[test]
    fn the_latin_table_folds_like_the_slow_path() {
        for code in 0x80..0x2000u32 {
            let Some(c) = char::from_u32(code) else { continue };
            let mut slow = String::new();
            fold_char(c, &mut slow);
            assert_eq!(fold(&c.to_string()), slow, "U+{code:04X}");
        }
    }

    #[test]
    fn the_latin_word_table_agrees_with_the_general_test() {
        for code in 0x80..0x2000u32 {
            let Some(c) = char::from_u32(code) else { continue };
            assert_eq!(is_word_char(c), c.is_alphanumeric() || is_mark(c), "U+{code:04X}");
        }
    }

    #[test]
    fn d_with_stroke_folds_to_d_in_both_cases() {
        assert_eq!(fold("Đảng đoàn ĐẢNG"), "dang doan dang");
        assert_eq!(fold("QĐ-UBND"), "qd-ubnd");
    }

    #[test]
    fn nfd_input_folds_like_nfc() {
        let nfc = "Ủy ban nhân dân tỉnh Lạng Sơn, Đảng bộ";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc, nfd);
        assert_eq!(fold(&nfd), fold(nfc));
        assert_eq!(fold(&nfd), "uy ban nhan dan tinh lang son, dang bo");
    }

    #[test]
    fn tone_placement_variants_meet() {
        for (old, new) in [("hoà", "hòa"), ("uỷ", "ủy"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Hoá", "Hóa")]
        {
            assert_ne!(old, new);
            assert_eq!(fold(old), fold(new), "{old} / {new}");
        }
        assert_eq!(fold("cấp uỷ hoà"), "cap uy hoa");
    }

    fn exact_forms(text: &str) -> Vec<String> {
        let mut forms = Vec::new();
        exact_words(text, |w| forms.push(w.to_string()));
        forms
    }

    #[test]
    fn exact_forms_keep_the_marks_and_meet_across_tone_placements() {
        assert_eq!(
            exact_forms("Đồng Lâm làm, Lam và ĐẢNG đang"),
            vec!["đông\u{300}", "lâm", "lam\u{300}", "và", "đang\u{309}", "đang"],
            "the tone follows the letters: it composes with a final vowel, else stays a mark"
        );
        for (old, new) in [("hoà", "hòa"), ("uỷ", "ủy"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Hoá", "hóa")]
        {
            assert_eq!(exact(old), exact(new), "{old} / {new}");
            assert_ne!(exact(old), fold(old));
        }
        // Vowel marks stay on their letter; the tone follows the letters.
        assert_eq!(exact("người"), "ngươì");
        assert_eq!(exact("Ư"), "ư");
        // NFD input, digits, plain ASCII and overlong words give no exact form.
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Tổ chức").collect();
        assert_eq!(exact_forms(&nfd), vec![exact("tổ"), exact("chức")]);
        assert_eq!(exact_forms("162-NQ/TU to chuc 2024"), Vec::<String>::new());
        assert_eq!(exact_forms(&"ă".repeat(MAX_TOKEN_CHARS + 1)), Vec::<String>::new());
        // Every exact form folds to the folded token of its word.
        for word in exact_forms("Ủy ban nhân dân tỉnh Quảng Nam, Đảng bộ, thuỷ lợi") {
            assert_eq!(tokenize(&fold(&word)).len(), 1, "{word}");
        }
    }

    #[test]
    fn syllables_and_bigrams() {
        assert_eq!(terms("Tổ chức cán bộ"), vec!["to", "chuc", "to chuc", "can", "chuc can", "bo", "can bo"]);
        // Sentence punctuation breaks a phrase; a dash does not.
        assert_eq!(terms("thời. Tổ"), vec!["thoi", "to"]);
        assert_eq!(terms("kinh tế - xã hội"), vec!["kinh", "te", "kinh te", "xa", "te xa", "hoi", "xa hoi"]);
        assert_eq!(terms("dòng\ndòng"), vec!["dong", "dong"]);
    }

    #[test]
    fn document_numbers_split_into_their_parts() {
        assert_eq!(words("162-NQ/TU"), vec!["162", "nq", "tu"]);
        assert_eq!(words("162 NQ TU"), vec!["162", "nq", "tu"]);
        assert_eq!(words("1234/QĐ-UBND"), vec!["1234", "qd", "ubnd"]);
        assert_eq!(words("30/2020/NĐ-CP"), vec!["30", "2020", "nd", "cp"]);
        assert_eq!(words("Đề án số 08-ĐA/TU"), vec!["de", "an", "so", "8", "da", "tu"]);
        assert_eq!(words("000"), vec!["0"]);
        // Numbers make no bigrams, and `/` parts none either.
        assert_eq!(terms("162-NQ/TU"), vec!["162", "nq", "tu"]);
        assert_eq!(terms("số 162"), vec!["so", "162"]);
    }

    #[test]
    fn pairs_with_digits_are_placed_but_are_no_terms() {
        let pairs = |text: &str| {
            let mut pairs = Vec::new();
            Terms::new(&fold(text)).for_each(|t, at, kind| {
                if kind == Kind::Pair {
                    pairs.push((t.to_string(), at));
                }
            });
            pairs
        };
        assert_eq!(
            pairs("khoản 2 Điều 5"),
            vec![("khoan 2".into(), 0), ("2 dieu".into(), 1), ("dieu 5".into(), 2)]
        );
        assert_eq!(pairs("ngày 15-3"), vec![("ngay 15".into(), 0), ("15 3".into(), 1)]);
        // Near misses: other punctuation, a line break, letters only, an overlong token between.
        assert!(pairs("Điều 5. Quy định").iter().all(|(t, _)| t != "5 quy"));
        assert_eq!(pairs("162-NQ/TU"), vec![("162 nq".into(), 0)]);
        assert!(pairs("số\n162").is_empty());
        assert!(pairs("tổ chức cán bộ").is_empty());
        let long = "1".repeat(MAX_TOKEN_CHARS + 1);
        assert!(pairs(&format!("số {long} 5")).is_empty());
    }

    /// The places of each token of a folded text, by line: (token, place).
    fn placed_lines(text: &str) -> Vec<Vec<(String, u32)>> {
        let folded = fold(text);
        let mut placed = Vec::new();
        Terms::new(&folded).for_each(|t, at, kind| {
            if kind == Kind::Token {
                placed.push((t.to_string(), at));
            }
        });
        let mut lines = Vec::new();
        let mut tokens = placed.into_iter();
        for line in folded.lines() {
            let count = tokenize(line).len();
            lines.push(tokens.by_ref().take(count).collect::<Vec<_>>());
        }
        lines.retain(|line| !line.is_empty());
        lines
    }

    #[test]
    fn each_line_is_placed_apart_so_an_edit_moves_its_own_line_only() {
        let before = "Giao ban tuần.\nVề việc họp.\nChuẩn bị hội nghị tổng kết.";
        let lines = placed_lines(before);
        assert_eq!(lines.len(), 3);
        for line in &lines {
            // One place apart within a line, from a multiple of LINE_PLACES.
            assert_eq!(line[0].1 % LINE_PLACES, 0, "{line:?}");
            assert!(line.windows(2).all(|w| w[1].1 == w[0].1 + 1), "{line:?}");
        }
        // Lines apart: no two lines share a run of places.
        let mut starts: Vec<u32> = lines.iter().map(|line| line[0].1).collect();
        starts.sort_unstable();
        starts.dedup();
        assert_eq!(starts.len(), 3);
        // Words added to a line, a line added or taken: the other lines keep their places,
        // but for one now and then whose slot the edited line takes (it moves to the next
        // free one).
        let paragraphs: Vec<String> =
            (1..=12).map(|i| format!("Đoạn thứ {i} của văn bản, nội dung {i}.")).collect();
        let lines_of =
            |paragraphs: &[String]| -> Vec<Vec<(String, u32)>> { placed_lines(&paragraphs.join("\n")) };
        let original = lines_of(&paragraphs);
        let mut moved = 0;
        for at in 0..paragraphs.len() {
            let mut added = paragraphs.clone();
            added.insert(at, "Một đoạn mới thêm vào.".to_string());
            let mut taken = paragraphs.clone();
            taken.remove(at);
            let mut grown = paragraphs.clone();
            grown[at].push_str(" Thêm một câu.");
            for (edited, kept) in [
                (lines_of(&added), original.clone()),
                (lines_of(&taken), [&original[..at], &original[at + 1..]].concat()),
                (lines_of(&grown), [&original[..at], &original[at + 1..]].concat()),
            ] {
                let others = kept.iter().filter(|line| !edited.contains(line)).count();
                assert!(others <= 1, "{others} lines moved by one edit at {at}");
                moved += others;
            }
        }
        assert!(moved <= 6, "{moved} lines moved by 36 edits");
        // One line is placed from 0.
        assert_eq!(placed_lines("Về việc họp")[0][0], ("ve".to_string(), 0));
        assert_eq!(Terms::new("").places(), 0);
        // A line longer than a run of places takes several runs, one after the other.
        let long = format!("{}\nVề", "giao ".repeat(65));
        let lines = placed_lines(&long);
        assert!(lines[0].windows(2).all(|w| w[1].1 == w[0].1 + 1));
        // The places a text takes cover every word of it: a line placed from 0 takes as many
        // as it has words; the long text, more than its first line and past its last word.
        assert_eq!(Terms::new(&fold("giao ban tuần")).places(), 3);
        let places = Terms::new(&fold(&long)).places();
        assert!(places > 65 && places > lines[1][0].1, "{places} places, {lines:?}");
        // A line break before a word too long to be a token still starts a line.
        let overlong = format!("giao ban\n{} về việc", "a".repeat(MAX_TOKEN_CHARS + 1));
        let folded = fold(&overlong);
        let mut places = Vec::new();
        Terms::new(&folded).for_each(|t, at, _| places.push((t.to_string(), at)));
        assert_eq!(places[3].1 % LINE_PLACES, 0, "{places:?}");
        assert_ne!(places[3].1, places[1].1 + 1, "{places:?}");
        // Other marks part words but keep them on their line.
        let mut marked = Vec::new();
        Terms::new(&fold("giao ban; về")).for_each(|t, at, _| marked.push((t.to_string(), at)));
        assert_eq!(marked[3], ("ve".to_string(), 2));
    }

    #[test]
    fn lines_many_alike_or_long_are_placed_apart_with_room_after_each() {
        // Two thousand cells saying the same, lines of 50 to 79 words, one of 700.
        let mut text: Vec<String> = vec!["Có".to_string(); 2000];
        text.extend((50..80).map(|n| vec!["giao ban"; n / 2].join(" ")));
        text.push(vec!["rà soát"; 350].join(" "));
        let lines = placed_lines(&text.join("\n"));
        assert_eq!(lines.len(), text.len());
        let mut runs: Vec<(u32, u32)> =
            lines.iter().map(|line| (line[0].1, line.last().unwrap().1)).collect();
        for line in &lines {
            assert!(line.windows(2).all(|w| w[1].1 == w[0].1 + 1), "one place apart within a line");
        }
        runs.sort_unstable();
        for pair in runs.windows(2) {
            // The next line starts past the last place of this one and the gap after it.
            assert!(pair[1].0 > pair[0].1 + LINE_GAP, "{pair:?}");
        }
    }

    #[test]
    fn overlong_tokens_are_dropped_and_break_phrases() {
        let long = "a".repeat(MAX_TOKEN_CHARS + 1);
        assert_eq!(terms(&format!("xin {long} chao")), vec!["xin", "chao"]);
        assert_eq!(words(&"b".repeat(MAX_TOKEN_CHARS)).len(), 1);
    }
}
