//! The search index through the command line: the files exist, are split into pieces of a
//! bounded size, agree with their manifest, and the search page is linked and labelled.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use serde_json::Value;

/// Term shards hold some ten documents' worth of terms on average; none may be far above.
const TERM_SHARD_LIMIT: usize = 128 * 1024;
/// Document shards aim at about 6 KiB; none may be far above.
const DOC_SHARD_LIMIT: usize = 16 * 1024;

const SUBJECTS: [&str; 8] = [
    "công tác tổ chức cán bộ",
    "chuyển đổi số trong cơ quan đảng",
    "phòng, chống tham nhũng, tiêu cực",
    "xây dựng nông thôn mới",
    "cải cách hành chính",
    "bảo vệ môi trường lưu vực sông",
    "phát triển du lịch cộng đồng",
    "công tác dân vận",
];
const PLACES: [&str; 6] = ["Tân Lập", "Hòa Bình", "Đồng Tâm", "Phú Mỹ", "Yên Thế", "Quảng Phú"];
const TYPES: [(&str, &str); 4] = [("TB", "VPTU"), ("NQ", "TU"), ("KH", "TU"), ("CT", "TU")];

/// `count` notices over 2021–2024, numbered per type and year, each with a few paragraphs.
fn generated_archive(count: usize) -> TestArchive {
    let archive = TestArchive::new();
    archive.write("site.yaml", "title: Kho thử tìm kiếm\n");
    for i in 0..count {
        let (code, issuer_code) = TYPES[i % TYPES.len()];
        let year = 2021 + (i / TYPES.len()) % 4;
        let number = format!("{}-{code}/{issuer_code}", i / 16 + 1);
        let subject = SUBJECTS[i % SUBJECTS.len()];
        let place = PLACES[(i / 3) % PLACES.len()];
        let issuer =
            if issuer_code == "VPTU" { "Văn phòng Tỉnh ủy" } else { "Ban Thường vụ Tỉnh ủy" };
        let front = format!(
            "number: {number}\ntitle: Về {subject} tại huyện {place}, đợt {i}\nissuer: {issuer}\n\
             date: {year}-{:02}-{:02}\ntags: [{}]",
            i % 12 + 1,
            i % 28 + 1,
            SUBJECTS[(i + 3) % SUBJECTS.len()]
        );
        let mut body = String::new();
        for p in 0..6 {
            body.push_str(&format!(
                "**{}. Về {}:** Ủy ban nhân dân huyện {} báo cáo kết quả thực hiện {} trong quý {}, \
                 đạt {},{}% kế hoạch; đề nghị các xã tiếp tục {} và hoàn thành trước ngày {}/{}/{}.\n\n",
                p + 1,
                SUBJECTS[(i + p) % SUBJECTS.len()],
                PLACES[(i + p) % PLACES.len()],
                subject,
                p % 4 + 1,
                60 + (i * 7 + p) % 40,
                (i + p) % 10,
                SUBJECTS[(i * 3 + p) % SUBJECTS.len()],
                (i + p) % 28 + 1,
                p % 12 + 1,
                year
            ));
        }
        archive.write(&format!("content/{year}/{code}-{i}.md"), &notice(&front, &body));
    }
    archive
}

/// The data a file of the index hands to the page: `gazetteSearchData("NAME", DATA);`.
fn data_of(text: &str, name: &str) -> Value {
    let json = text
        .strip_prefix(&format!("gazetteSearchData(\"{name}\","))
        .and_then(|rest| rest.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("{name} is not a data script: {}", &text[..text.len().min(80)]));
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{name} holds no JSON: {e}"))
}

fn json(archive: &TestArchive, name: &str) -> Value {
    data_of(&archive.read(&format!("output/search/{name}.js")), name)
}

/// The files of one folder of the index, by shard number: (size in bytes, data).
fn shards(archive: &TestArchive, folder: &str) -> BTreeMap<usize, (usize, Value)> {
    let dir = archive.path(&format!("output/search/{folder}"));
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let entry = entry.unwrap();
            let name = entry.file_name().into_string().unwrap();
            let number: usize =
                name.strip_suffix(".js").and_then(|n| n.parse().ok()).expect("shard name N.js");
            let text = std::fs::read_to_string(entry.path()).unwrap();
            (number, (text.len(), data_of(&text, &format!("{folder}/{number}"))))
        })
        .collect()
}

/// A term folded as the build folds it: lower case, no marks U+0300–U+036F, `đ` → `d`.
fn fold(term: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    term.to_lowercase()
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// The shard of a term, as the search script computes it: FNV-1a 32 of the UTF-8 bytes of its
/// folded form.
fn shard_of(term: &str, shards: usize) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in fold(term).bytes() {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    hash as usize % shards
}

/// Document ids of a postings list, with their weights.
fn postings(list: &Value) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    for group in list.as_array().unwrap() {
        let group = group.as_array().unwrap();
        let weight = group[0].as_u64().unwrap();
        let mut id = 0;
        for (i, value) in group[1..].iter().enumerate() {
            id = if i == 0 { value.as_u64().unwrap() } else { id + value.as_u64().unwrap() };
            out.push((id, weight));
        }
    }
    out
}

#[test]
fn the_index_is_split_into_bounded_shards_that_agree_with_the_manifest() {
    let archive = generated_archive(320);
    archive.build_ok(&[]);
    let manifest = json(&archive, "manifest");
    assert_eq!(manifest["format"], 4);
    assert_eq!(manifest["docs"], 320);
    assert!(manifest["version"].as_str().is_some_and(|v| v.len() == 16), "{manifest}");
    let shard_count = manifest["term_shards"].as_u64().unwrap() as usize;
    assert_eq!(shard_count, 32, "320 documents, some ten a shard, a power of two");

    let terms = shards(&archive, "terms");
    assert_eq!(terms.keys().copied().collect::<Vec<_>>(), (0..shard_count).collect::<Vec<_>>());
    let mut all_terms: BTreeMap<String, Value> = BTreeMap::new();
    for (number, (size, shard)) in &terms {
        assert!(*size <= TERM_SHARD_LIMIT, "terms/{number}.js has {size} bytes");
        for (term, list) in shard.as_object().unwrap() {
            assert_eq!(shard_of(term, shard_count), *number, "term {term:?} is in the wrong shard");
            all_terms.insert(term.clone(), list.clone());
        }
    }

    let size = manifest["doc_shard_size"].as_u64().unwrap() as usize;
    let docs = shards(&archive, "docs");
    assert_eq!(docs.len(), 320usize.div_ceil(size), "{size} documents a shard");
    let mut records = Vec::new();
    for (number, (size, shard)) in &docs {
        assert!(*size <= DOC_SHARD_LIMIT, "docs/{number}.js has {size} bytes");
        records.extend(shard.as_array().unwrap().iter().cloned());
    }
    assert_eq!(records.len(), 320);
    for record in &records {
        let url = record["url"].as_str().unwrap();
        assert!(archive.exists(&format!("output/{url}index.html")), "{url}");
        for key in ["number", "type", "title", "issuer", "date", "excerpt"] {
            assert!(record[key].as_str().is_some_and(|v| !v.is_empty()), "{key} of {record}");
        }
    }
    // Oldest first: a new notice takes the next id.
    let dates: Vec<&str> = records.iter().map(|r| r["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "documents are not oldest first");

    // Folded syllables, bigrams, number parts with their flag, and filter terms.
    for term in ["to", "chuc", "to chuc", "can bo", "chuyen doi", "tham nhung", "hoa binh", "nq", "vptu"] {
        assert!(all_terms.contains_key(term), "no term {term:?}");
    }
    // Exact forms: words as written, by the notices of their folded form where that is shorter.
    for term in all_terms.keys().filter(|t| !t.is_ascii()) {
        let folded = fold(term);
        assert_ne!(&folded, term, "unfolded term {term:?} left");
        assert!(all_terms.contains_key(&folded), "exact form {term:?} without its folded form");
        let entry = &all_terms[term];
        assert!(
            entry == "=" || entry["not"].is_array() || postings(entry).iter().all(|(_, w)| *w == 0),
            "{term:?}: {entry}"
        );
    }
    for term in ["tổ", "số", "cơ"] {
        assert!(all_terms.contains_key(term), "no exact form {term:?}");
    }
    let number_of = |id: u64| records[id as usize]["number"].as_str().unwrap().to_string();
    let own_number: BTreeSet<String> = postings(&all_terms["nq"])
        .into_iter()
        .filter(|(_, w)| w & 8 != 0)
        .map(|(id, _)| number_of(id))
        .collect();
    assert!(!own_number.is_empty() && own_number.iter().all(|n| n.contains("-NQ/")), "{own_number:?}");
    let year_2022 = postings(&all_terms["#year:2022"]);
    assert_eq!(year_2022.len(), 80);
    assert!(
        year_2022.iter().all(|(id, _)| records[*id as usize]["date"].as_str().unwrap().starts_with("2022"))
    );
    assert_eq!(postings(&all_terms["#type:nghi-quyet"]).len(), 80);
    assert_eq!(postings(&all_terms["#issuer:van-phong-tinh-uy"]).len(), 80);
}

/// The numbers of a phrase file's string: five bits a character, lowest first; the first 32
/// characters of the code end a number, the last 32 are followed by more.
fn phrase_numbers(code: &str) -> Vec<u64> {
    const CODE: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut numbers = Vec::new();
    let (mut number, mut shift) = (0u64, 0);
    for c in code.chars() {
        let digit = CODE.find(c).unwrap_or_else(|| panic!("{c:?} is not a digit of the code")) as u64;
        number |= (digit % 32) << shift;
        if digit < 32 {
            numbers.push(number);
            (number, shift) = (0, 0);
        } else {
            shift += 5;
        }
    }
    assert_eq!(shift, 0, "a number cut short in {code:?}");
    numbers
}

/// Where a bigram stands, from its phrase file's string: by document id, its positions.
fn places(code: &Value) -> BTreeMap<u64, Vec<u64>> {
    let numbers = phrase_numbers(code.as_str().expect("a string of the code"));
    let mut places = BTreeMap::new();
    let (mut doc, mut at) = (0, 0);
    while at < numbers.len() {
        doc += numbers[at];
        let count = numbers[at + 1] as usize;
        let mut position = 0;
        let positions = numbers[at + 2..at + 2 + count]
            .iter()
            .map(|delta| {
                position += delta;
                position
            })
            .collect();
        places.insert(doc, positions);
        at += 2 + count;
    }
    places
}

#[test]
fn phrase_files_say_where_every_bigram_of_their_shard_stands() {
    let archive = generated_archive(120);
    // One notice whose places are known: the title's words, then the body's.
    archive.write(
        "content/hop.md",
        &notice(
            "number: 77-TB/VPTU\ntitle: Về việc họp\nissuer: Văn phòng Tỉnh ủy\ndate: 2025-01-02",
            "Họp giao ban. Về việc họp giao ban tuần.",
        ),
    );
    archive.build_ok(&[]);
    let shard_count = json(&archive, "manifest")["term_shards"].as_u64().unwrap() as usize;
    let terms = shards(&archive, "terms");
    let phrases = shards(&archive, "phrases");
    assert_eq!(phrases.keys().collect::<Vec<_>>(), terms.keys().collect::<Vec<_>>());
    for (number, (_, phrase_shard)) in &phrases {
        let term_shard = terms[number].1.as_object().unwrap();
        let placed = phrase_shard.as_object().unwrap();
        // Every bigram is placed; so are pairs with a number, which are no terms.
        for bigram in term_shard.keys().filter(|t| t.contains(' ') && !t.starts_with('#')) {
            assert!(placed.contains_key(bigram), "{bigram:?} of terms/{number}.js is not placed");
        }
        for (pair, code) in placed {
            assert_eq!(shard_of(pair, shard_count), *number);
            let decoded = places(code);
            assert!(decoded.values().all(|p| !p.is_empty() && p.windows(2).all(|w| w[0] < w[1])));
            let docs: Vec<u64> = decoded.keys().copied().collect();
            if term_shard.contains_key(pair) {
                let mut held: Vec<u64> = postings(&term_shard[pair]).iter().map(|(id, _)| *id).collect();
                held.sort_unstable();
                assert_eq!(docs, held, "{pair:?}: places and postings name the same notices");
            } else {
                assert!(pair.split(' ').any(|t| t.bytes().all(|b| b.is_ascii_digit())), "{pair:?}");
            }
        }
    }

    // The newest notice has the last id.
    let of = |bigram: &str| -> Vec<u64> {
        let code = &phrases[&shard_of(bigram, shard_count)].1[bigram];
        places(code).remove(&120).unwrap_or_else(|| panic!("{bigram:?} not placed in the new notice"))
    };
    let [title, body] = of("ve viec")[..] else { panic!("{:?}", of("ve viec")) };
    assert_eq!(of("viec hop"), vec![title + 1, body + 1]);
    let [first, second] = of("hop giao")[..] else { panic!("{:?}", of("hop giao")) };
    assert!(title < first && first < body, "title, then body");
    assert_eq!(second, body + 2);
    assert_eq!(of("giao ban"), vec![first + 1, body + 3]);
    assert_eq!(of("ban tuan"), vec![body + 4]);
    // A full stop parts the words: "ban ve" is no bigram.
    assert!(!phrases[&shard_of("ban ve", shard_count)].1.as_object().unwrap().contains_key("ban ve"));
    // The notice's number: "77-TB" is a pair (a dash between), "TB/VPTU" none.
    let [number_at] = of("77 tb")[..] else { panic!("{:?}", of("77 tb")) };
    assert!(number_at < title, "the number comes first");
    assert!(!phrases[&shard_of("tb vptu", shard_count)].1.as_object().unwrap().contains_key("tb vptu"));
}

#[test]
fn an_edit_of_a_paragraph_leaves_the_places_of_the_others_as_they_were() {
    let archive = generated_archive(30);
    let write = |first_paragraph: &str| {
        archive.write(
            "content/hop.md",
            &notice(
                "number: 78-TB/VPTU\ntitle: Về việc họp\nissuer: Văn phòng Tỉnh ủy\ndate: 2025-01-03",
                &format!("{first_paragraph}\n\nChuẩn bị hội nghị tổng kết.\n\n- Rà soát số liệu quý"),
            ),
        );
    };
    let placed = |bigram: &str| {
        let shard_count = json(&archive, "manifest")["term_shards"].as_u64().unwrap() as usize;
        let phrases = shards(&archive, "phrases");
        places(&phrases[&shard_of(bigram, shard_count)].1[bigram])
            .remove(&30)
            .expect("placed in the new notice")
    };
    write("Họp giao ban.");
    archive.build_ok(&[]);
    let (before, item) = (placed("tong ket"), placed("so lieu"));
    let [meeting] = placed("giao ban")[..] else { panic!() };
    // Each paragraph and item is placed from a multiple of 64, apart from the others.
    assert_eq!(before[0] % 64, 4, "{before:?}");
    assert!(
        before[0] / 64 != meeting / 64 && item[0] / 64 != before[0] / 64,
        "{meeting} {before:?} {item:?}"
    );
    write("Họp giao ban tuần này, nghe báo cáo.");
    archive.build_ok(&[]);
    assert_eq!(placed("tong ket"), before);
    assert_eq!(placed("so lieu"), item);
    // A paragraph added before the others leaves their places too (the edited paragraph's own
    // places move with it).
    let edited = placed("giao ban");
    write("Kính gửi các đơn vị.\n\nHọp giao ban tuần này, nghe báo cáo.");
    archive.build_ok(&[]);
    assert_eq!(placed("tong ket"), before);
    assert_eq!(placed("so lieu"), item);
    assert_eq!(placed("giao ban"), edited);
    // A footnote's mark and a hard line break part words on their line.
    write("Theo Kết luận số 64-KL/TU[^1], Ban Tuyên giáo\\\nhọp giao ban tuần.\n\n[^1]: Ghi chú.");
    archive.build_ok(&[]);
    let [conclusion] = placed("64 kl")[..] else { panic!() };
    assert_eq!(placed("ban tuyen"), [conclusion + 3], "64 kl tu ban tuyen");
    assert_eq!(placed("tuyen giao"), [conclusion + 4]);
    assert_eq!(placed("giao ban"), [conclusion + 7], "giao, hop, giao ban");
    // The index updated is the index built afresh.
    let updated = snapshot(&archive.path("output/search"));
    archive.build_ok(&["--full"]);
    assert_eq!(updated, snapshot(&archive.path("output/search")));
}

#[test]
fn the_index_is_the_same_on_every_build() {
    let archive = generated_archive(60);
    archive.build_ok(&[]);
    let first = snapshot(&archive.path("output/search"));
    // A full build makes every file again; an incremental one would keep them as they were.
    archive.build_ok(&["--full"]);
    assert_eq!(first, snapshot(&archive.path("output/search")));
}

#[test]
fn the_search_page_is_linked_labelled_and_says_it_needs_javascript() {
    let archive = generated_archive(12);
    archive.build_ok(&[]);
    let home = archive.page("output/index.html");
    assert_eq!(attrs(&home, ".site-nav a.nav-search", "href"), vec!["search/index.html"]);
    assert_eq!(attrs(&home, "form.home-search", "action"), vec!["search/index.html"]);
    assert_eq!(attrs(&home, "form.home-search input", "name"), vec!["q"]);
    let notice = archive.page("output/van-ban/2021/ke-hoach-1-kh-tu/index.html");
    assert_eq!(attrs(&notice, ".site-nav a.nav-search", "href"), vec!["../../../search/index.html"]);

    let page = archive.page("output/search/index.html");
    assert_eq!(text(&page, "h1"), "Tìm kiếm văn bản");
    assert!(
        archive
            .read("output/search/index.html")
            .contains("<noscript><p class=\"search-nojs\">Chức năng tìm kiếm cần JavaScript")
    );
    assert_eq!(attrs(&page, "script", "src"), vec!["../search.js"]);
    assert!(archive.exists("output/search.js"));
    assert_eq!(attrs(&page, "#search", "data-index"), vec!["../search/"]);
    assert_eq!(attrs(&page, "#search", "data-suffix"), vec!["index.html"]);
    let years = attrs(&page, "select[name=year] option", "value");
    assert_eq!(years, vec!["", "2023", "2022", "2021"]);
    let types = texts(&page, "select[name=type] option");
    assert_eq!(types[0], "Mọi loại văn bản");
    assert!(types.contains(&"Nghị quyết (3)".to_string()), "{types:?}");
    assert_eq!(
        attrs(&page, "#search", "data-closest-heading"),
        vec!["Văn bản gần nhất (không chứa đủ các từ đã gõ)"]
    );
    assert_eq!(attrs(&page, "#search", "data-twins-heading"), vec!["Chứa các từ này nhưng khác dấu"]);

    archive.write("site.yaml", "title: Test archive\nlanguage: en\n");
    archive.build_ok(&["--base-url", "https://congbao.example.vn/"]);
    let page = archive.page("output/search/index.html");
    assert_eq!(text(&page, "h1"), "Search notices");
    assert_eq!(
        attrs(&page, "#search", "data-closest-heading"),
        vec!["Closest notices (not holding every word typed)"]
    );
    assert_eq!(
        attrs(&page, "#search", "data-no-exact"),
        vec!["No notice holds the words with the diacritics as typed."]
    );
    assert!(archive.read("output/search/index.html").contains("Search needs JavaScript"));
    assert_eq!(attrs(&page, "#search", "data-suffix"), vec![""]);
    assert_eq!(attrs(&page, "#search", "data-index"), vec!["https://congbao.example.vn/search/"]);
    let home = archive.page("output/index.html");
    assert_eq!(attrs(&home, ".site-nav a.nav-search", "href"), vec!["https://congbao.example.vn/search/"]);
}

#[test]
fn a_theme_with_its_own_labels_still_gets_the_search_labels() {
    let archive = generated_archive(4);
    archive.write("site.yaml", "title: Kho thử\ntheme: trang\n");
    archive.write("themes/trang/labels.yaml", "vi:\n  home: Nhà\n  search:\n    submit: Tra cứu\n");
    archive.build_ok(&[]);
    let page = archive.page("output/search/index.html");
    assert_eq!(texts(&page, ".site-nav a")[0], "Nhà");
    assert_eq!(text(&page, "h1"), "Tìm kiếm văn bản");
    assert_eq!(text(&page, "#search-form button"), "Tra cứu");
}

#[test]
fn an_index_updated_after_edits_is_the_index_built_afresh() {
    // Edits that move exact forms between all, most and few of their folded form's notices:
    // "Đồng Tâm" becomes "đông tâm" in one notice, "Hòa Bình" "hoà bình" (the same exact forms)
    // in another, and a third is removed.
    let archive = generated_archive(60);
    archive.build_ok(&[]);
    let edit = |file: &str, from: &str, to: &str| {
        let text = archive.read(file);
        assert!(text.contains(from), "{file} has no {from:?}");
        archive.write(file, &text.replace(from, to));
    };
    edit("content/2023/TB-8.md", "Đồng Tâm", "đông tâm");
    edit("content/2022/NQ-5.md", "Hòa Bình", "hoà bình");
    std::fs::remove_file(archive.path("content/2022/KH-6.md")).unwrap();
    archive.build_ok(&[]);
    let updated = snapshot(&archive.path("output/search"));

    let fresh = TestArchive::new();
    for (name, bytes) in snapshot(&archive.path("content")) {
        fresh.write_bytes(&format!("content/{name}"), &bytes);
    }
    fresh.write("site.yaml", &archive.read("site.yaml"));
    fresh.build_ok(&[]);
    let afresh = snapshot(&fresh.path("output/search"));
    assert_eq!(updated.len(), afresh.len());
    for ((name, bytes), (fresh_name, fresh_bytes)) in updated.iter().zip(&afresh) {
        assert_eq!(name, fresh_name);
        assert!(bytes == fresh_bytes, "{name} differs from the index built afresh");
    }
}
