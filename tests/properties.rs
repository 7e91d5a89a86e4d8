//! Random input to the readers and grammars: random bytes and random YAML to the front-matter
//! reader, random Markdown to the body pass, random text to the citation grammar. None may
//! panic, and what they return must hold together (positions in range, spans in order).
//! Bounded in count and size so the suite stays fast; how time grows with size is measured by
//! `examples/edge_inputs.rs`, not here.

use gazette::cite::grammar::find_citations;
use gazette::config::SiteConfig;
use gazette::content::body as markdown;
use gazette::content::parse_notice;
use proptest::prelude::*;

/// Pieces of front-matter, right and wrong.
const YAML_PIECES: &[&str] = &[
    "number: ",
    "title: ",
    "issuer: ",
    "date: ",
    "signer:",
    "  name: ",
    "replaces: ",
    "tags: ",
    "draft: ",
    "based_on:\n",
    "  - ",
    "status: ",
    "x: ",
    "singer: ",
    "162-NQ/TU",
    "1234/QĐ-UBND",
    "2024-06-10",
    "2024-13-45",
    "Thông báo",
    "Nghị quyết số 5",
    "true",
    "null",
    "~",
    "[",
    "]",
    "{",
    "}",
    ",",
    ": ",
    "\"",
    "'",
    "\\",
    "\n",
    "\n  ",
    "\t",
    "#",
    "&a",
    "*a",
    "!!binary",
    "---",
    "...",
    "|",
    ">",
    "@2024",
    "\u{0}",
    "\u{FEFF}",
    "e\u{301}",
    "🙂",
    "  ",
];

/// Pieces of Markdown bodies.
const MARKDOWN_PIECES: &[&str] = &[
    "**1. Về kết quả:**",
    "**II. NHIỆM VỤ**",
    "## Mục",
    "# ",
    "\n\n",
    "\n",
    "- ",
    "1. ",
    "> ",
    "`",
    "```",
    "[a](notice:162-NQ/TU)",
    "[b](javascript:x)",
    "![c](data:x)",
    "<b>",
    "</b>",
    "<script>",
    "|a|b|\n|-|-|\n",
    "[^1]",
    "[^1]: chú thích",
    "~~",
    "*",
    "_",
    "Nghị quyết số 162-NQ/TU",
    "ngày 22/5/2024",
    "\u{E000}0\u{E001}",
    "\u{E002}",
    "&amp;",
    "&#x0;",
    "\u{0}",
    "Đề án 08-ĐA/TU",
    "https://x.vn/1-NQ/TU",
    "  ",
    "\t",
];

/// Pieces of running text around citations.
const TEXT_PIECES: &[&str] = &[
    "Nghị quyết",
    "Quyết định",
    "Quy định",
    "Kết luận",
    "số",
    "so",
    " ",
    ", ",
    " và ",
    "-",
    "/",
    " - ",
    " / ",
    "162",
    "08",
    "1234",
    "2020",
    "NQ",
    "nq",
    "QĐ",
    "QD",
    "TB",
    "KL",
    "ĐA",
    "TU",
    "tu",
    "UBND",
    "VPTU",
    "CP",
    "NĐ",
    "ngày",
    "tháng",
    "năm",
    "22/5/2024",
    "22 tháng 5 năm 2024",
    ".",
    ";",
    "(",
    ")",
    "Điều 3",
    "khoản 2",
    "https://",
    "www.",
    "\u{2013}",
    "\u{2044}",
    "\u{00A0}",
    "\u{200B}",
    "Đ",
    "đ",
    "e\u{301}",
    "ữ",
    "TUvề",
];

fn joined(pieces: &'static [&'static str], most: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(pieces), 0..most).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_notice_reader_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let problems = parse_notice("content/x.md", bytes, Vec::new(), &SiteConfig::default()).problems;
        for d in problems {
            prop_assert!(d.line >= 1 && d.column >= 1);
        }
    }

    #[test]
    fn the_notice_reader_takes_any_front_matter(yaml in joined(YAML_PIECES, 120), body in joined(MARKDOWN_PIECES, 40)) {
        let file = format!("---\n{yaml}\n---\n{body}\n");
        let lines = file.lines().count().max(1);
        let loaded = parse_notice("content/x.md", file.into_bytes(), Vec::new(), &SiteConfig::default());
        let (notice, problems) = (loaded.parsed, loaded.problems);
        for d in &problems {
            prop_assert!(d.line >= 1 && d.line <= lines + 1, "{d:?} in a file of {lines} lines");
        }
        if notice.is_some() {
            prop_assert!(problems.iter().all(|d| !d.is_error()));
        }
    }

    #[test]
    fn the_body_pass_takes_any_markdown(body in joined(MARKDOWN_PIECES, 200), raw in any::<bool>()) {
        let markdown::Rendered { body: rendered, html, .. } = markdown::render(&body, 10, raw);
        let lines = body.lines().count() + 10;
        for reference in rendered.references.iter() {
            prop_assert!(reference.line >= 10 && reference.line <= lines, "line {}", reference.line);
        }
        let anchors: std::collections::HashSet<&str> = rendered.toc.iter().map(|t| t.anchor.as_str()).collect();
        prop_assert_eq!(anchors.len(), rendered.toc.len(), "anchors are unique");
        let mut filled = String::new();
        markdown::fill_references(&html, &mut filled, |i| format!("«{i}"), |i| format!("{i}»"));
        let opened = filled.matches('«').count();
        prop_assert_eq!(opened, filled.matches('»').count(), "every reference opens and closes");
        prop_assert_eq!(opened, rendered.references.len());
    }

    #[test]
    fn the_citation_grammar_takes_any_text(text in joined(TEXT_PIECES, 300)) {
        let citations = find_citations(&text);
        let mut end = 0;
        for citation in &citations {
            prop_assert!(citation.span.start >= end, "spans overlap or go back");
            prop_assert!(text.is_char_boundary(citation.span.start) && text.is_char_boundary(citation.span.end));
            prop_assert!(citation.span.end <= text.len() && citation.span.start < citation.span.end);
            prop_assert!(!citation.number.key.is_empty());
            end = citation.span.end;
        }
    }
}
