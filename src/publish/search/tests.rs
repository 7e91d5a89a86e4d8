//! Unit tests of the index: postings, shards and term shard files.

use super::shard_file::{postings_json, read_term_shard, term_shard_text};
use super::*;

#[test]
fn paths_are_ordered_with_their_numbers_read_as_numbers() {
    use std::cmp::Ordering::{Greater, Less};
    let cases = [
        ("content/2024/tb-9.md", "content/2024/tb-10.md", Less),
        ("content/2024/tb-10.md", "content/2024/tb-9.md", Greater),
        ("content/2024/qd-9-2024-qd-ubnd.md", "content/2024/qd-10-2024-qd-ubnd.md", Less),
        ("content/2024/bao-cao-115.md", "content/2024/cong-van-2.md", Less),
        ("content/2024/tb-2/index.md", "content/2024/tb-10.md", Less),
        // Near misses: the same number written otherwise, a prefix, letters after digits.
        ("content/2024/tb-09.md", "content/2024/tb-9.md", Less),
        ("content/2024/tb-9.md", "content/2024/tb-9a.md", Less),
        ("content/2024/tb.md", "content/2024/tb-1.md", Greater),
        ("content/2024/tb-1", "content/2024/tb-1.md", Less),
        ("content/2024/tb-01b.md", "content/2024/tb-1a.md", Greater),
        ("content/2024/thông-báo-9.md", "content/2024/thông-báo-10.md", Less),
    ];
    for (a, b, order) in cases {
        assert_eq!(path_order(a, b), order, "{a} against {b}");
        assert_eq!(path_order(b, a), order.reverse(), "{b} against {a}");
    }
    assert_eq!(path_order("content/tb-9.md", "content/tb-9.md"), std::cmp::Ordering::Equal);
}

#[test]
fn postings_are_grouped_by_weight_and_delta_coded() {
    let mut out = String::new();
    postings_json(&[(3 << 4) | 1, (5 << 4) | 4, (9 << 4) | 1, (12 << 4) | 1], &mut out);
    assert_eq!(out, "[[1,3,6,3],[4,5]]");
}

#[test]
fn terms_go_to_the_shard_their_hash_names() {
    // FNV-1a 32 of "" and of "a", as the algorithm defines them.
    assert_eq!(term_shard("", 1 << 31), 0x811c_9dc5 & ((1 << 31) - 1));
    assert_eq!(term_shard("a", 1 << 31), 0xe40c_292c & ((1 << 31) - 1));
    assert_eq!(term_shard_count(0), 16);
    assert_eq!(term_shard_count(160), 16);
    assert_eq!(term_shard_count(161), 32);
    assert_eq!(term_shard_count(10_000), 1024);
}

#[test]
fn exact_forms_are_written_by_their_folded_form_when_that_is_shorter() {
    let ids = |ids: &[u32], weight: u32| -> Postings { ids.iter().map(|id| (id << 4) | weight).collect() };
    let mut terms = PostingMap::default();
    terms.insert("lam".into(), ids(&[1, 2, 3, 4, 5, 9], 1));
    terms.insert("lâm".into(), ids(&[1, 2, 3, 4, 5, 9], 0));
    terms.insert("lam\u{300}".into(), ids(&[1, 2, 3, 5, 9], 0));
    terms.insert("lam\u{323}".into(), ids(&[2], 0));
    terms.insert("ß".into(), ids(&[7], 1));
    let text = term_shard_text(3, terms.clone());
    assert!(text.contains("\"lâm\":\"=\""), "{text}");
    assert!(text.contains("\"lam\u{300}\":{\"not\":[4]}"), "{text}");
    assert!(text.contains("\"lam\u{323}\":[[0,2]]"), "{text}");
    assert!(text.contains("\"ß\":[[1,7]]"), "a folded term is its own postings: {text}");
    assert_eq!(read_term_shard(&text, 3), Some(terms));
    // An exact form of a term the shard does not hold, or of itself, is not an index.
    assert_eq!(read_term_shard("gazetteSearchData(\"terms/3\",{\"lâm\":\"=\"});\n", 3), None);
    assert_eq!(read_term_shard("gazetteSearchData(\"terms/3\",{\"lam\":\"=\"});\n", 3), None);
}

#[test]
fn an_exact_form_is_in_the_shard_of_its_folded_form() {
    for (exact, folded) in [("lâm", "lam"), ("đảng", "dang"), ("ngươì", "nguoi")] {
        assert_eq!(term_shard(exact, 1024), term_shard(folded, 1024), "{exact}");
    }
}

#[test]
fn a_term_shard_reads_back_as_it_was_written() {
    let mut terms = PostingMap::default();
    terms.insert("to chuc".into(), vec![(3 << 4) | 1, (5 << 4) | 4, (9 << 4) | 1]);
    terms.insert("#year:2024".into(), vec![2 << 4, 7 << 4]);
    let text = term_shard_text(5, terms.clone());
    assert_eq!(read_term_shard(&text, 5), Some(terms));
    assert_eq!(read_term_shard(&text, 6), None, "another shard's file");
    assert_eq!(
        read_term_shard("gazetteSearchData(\"terms/5\",{\"a\":[[1]]});\n", 5).map(|t| t.len()),
        Some(1)
    );
    assert_eq!(read_term_shard("garbage", 5), None);
}

#[test]
fn documents_are_matched_with_their_old_ids_by_file_and_bytes() {
    let key = |path: &str, hash: u64| (path.to_string(), hash);
    let old = [key("a.md", 1), key("b.md", 2), key("c.md", 3), key("d.md", 4)];
    // The new documents' keys, and the old id each is matched with.
    type Case<'a> = (&'a [(&'a str, u64)], &'a [Option<u32>]);
    let cases: [Case; 6] = [
        // All in place.
        (&[("a.md", 1), ("b.md", 2), ("c.md", 3), ("d.md", 4)], &[Some(0), Some(1), Some(2), Some(3)]),
        // One edited: its bytes moved, its id is not kept.
        (&[("a.md", 1), ("b.md", 9), ("c.md", 3), ("d.md", 4)], &[Some(0), None, Some(2), Some(3)]),
        // One added before the others: they all move by one.
        (
            &[("0.md", 7), ("a.md", 1), ("b.md", 2), ("c.md", 3), ("d.md", 4)],
            &[None, Some(0), Some(1), Some(2), Some(3)],
        ),
        // One removed: those after it move back.
        (&[("a.md", 1), ("c.md", 3), ("d.md", 4)], &[Some(0), Some(2), Some(3)]),
        // Near misses: the same bytes under another name, the same name of other bytes.
        (&[("a2.md", 1), ("b.md", 3)], &[None, None]),
        // Two swapped: each found where the other was.
        (&[("b.md", 2), ("a.md", 1)], &[Some(1), Some(0)]),
    ];
    for (new, expected) in cases {
        assert_eq!(shards::same_docs(&old, new), expected, "{new:?}");
    }
    assert_eq!(shards::same_docs(&[], &[("a.md", 1)]), [None]);
}
