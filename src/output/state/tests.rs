//! Tests of the build state on disk: encoding, pieces, damage, a full disk.

use super::*;
use crate::publish::search::DocTerms;

/// A disk with room for `room` bytes.
struct SmallDisk {
    room: usize,
}

impl std::io::Write for SmallDisk {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.room == 0 {
            return Err(std::io::Error::from(std::io::ErrorKind::StorageFull));
        }
        let written = bytes.len().min(self.room);
        self.room -= written;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_state_that_does_not_fit_says_the_disk_is_full_not_that_it_cannot_be_encoded() {
    let state = BuildState {
        files: (0..20_000)
            .map(|i| crate::publish::state::FileState {
                path: format!("van-ban/2024/thong-bao-{i}/index.html"),
                fingerprint: i,
                key: 0,
                hash: i,
                stamp: Default::default(),
            })
            .collect(),
        ..BuildState::default()
    };
    // Room for the header only, and for the header and part of the body.
    for room in [100, 200_000] {
        let error = encode_into(SmallDisk { room }, &state, &|_, _| Ok(())).unwrap_err();
        assert!(super::super::space::is_out_of_space(&error), "{room}: {error:#}");
    }
    assert!(encode_into(SmallDisk { room: usize::MAX }, &state, &|_, _| Ok(())).is_ok());
}

#[test]
fn a_state_reads_back_and_damage_is_refused() {
    let dir = tempfile_dir("state");
    // Problems with help and without: each kind of field the state holds.
    let warning =
        crate::diag::Diagnostic::warning("content/a.md", 3, 1, crate::msg!("missing-key", key = "date"));
    let helped = warning.clone().with_help(crate::msg!("help-build-again"));
    let outcome =
        Outcome { notices: 7, diagnostics: vec![warning.clone(), helped.clone()], ..Outcome::default() };
    let state = BuildState { read_key: 42, inputs: 9, outcome: outcome.clone(), ..BuildState::default() };
    save(&dir, &state).unwrap();
    let opened = open(&dir).unwrap();
    assert_eq!((opened.inputs, &opened.outcome, opened.intact()), (9, &outcome, true));
    assert!(opened.unchanged(9) && !opened.unchanged(8));
    let whole = opened.read_rest().unwrap();
    assert_eq!((whole.read_key, whole.outcome), (42, outcome));
    let path = dir.join(STATE_FILE);
    let mut bytes = fs::read(&path).unwrap();
    // A byte of the rest changed so that it still decodes (the read key, 42, before no
    // links' shape, the empty search index, no indexes and the trailer): the checksum tells.
    let mut still_decodes = bytes.clone();
    let key_at = still_decodes.len() - 16 - 4;
    assert_eq!(still_decodes[key_at], 42);
    still_decodes[key_at] = 43;
    fs::write(&path, &still_decodes).unwrap();
    assert_eq!(load(&dir).unwrap_err(), Missing::Corrupt("its checksum does not match".into()));
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    fs::write(&path, &bytes).unwrap();
    assert!(matches!(load(&dir), Err(Missing::Corrupt(_))));
    fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    assert!(matches!(load(&dir), Err(Missing::Corrupt(_))));
    // Cut in its rest, past a whole summary: the summary alone says so.
    fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
    assert!(matches!(open(&dir), Err(Missing::Corrupt(_))));
    assert!(remove(&dir).unwrap());
    assert_eq!(load(&dir).unwrap_err(), Missing::None);
    fs::remove_dir_all(&dir).unwrap();
}

/// Pieces kept in memory, by name.
#[derive(Default)]
struct Memory(std::sync::Mutex<std::collections::HashMap<u64, Vec<u8>>>);

impl Memory {
    fn put(&self) -> impl Fn(u64, &[u8]) -> Result<()> + Sync + '_ {
        |name, bytes| {
            self.0.lock().unwrap().insert(name, bytes.to_vec());
            Ok(())
        }
    }
}

impl Pieces for Memory {
    fn read(&self, piece: PieceRef) -> Result<Vec<u8>, Missing> {
        let bytes = self.0.lock().unwrap().get(&piece.name).cloned();
        piece.check(bytes.ok_or_else(|| corrupt("a piece is missing"))?)
    }
}

fn encode(state: &BuildState, pieces: &Memory) -> Vec<u8> {
    let mut body = Vec::new();
    encode_rest(&mut body, state, &pieces.put()).unwrap();
    body
}

#[test]
fn pieces_are_files_named_by_their_hash_and_one_missing_or_damaged_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let sources: Vec<SourceState> = (0..NOTICES_PER_PIECE + 1)
        .map(|i| SourceState {
            source: crate::content::SourceEntry {
                path: format!("content/{i:05}.md").into(),
                stamp: Default::default(),
                attachments: Vec::new(),
            },
            notice: None,
            problems: Vec::new(),
            broken: Some(format!("broken {i}")),
            draft: false,
        })
        .collect();
    let state = BuildState { read_key: 3, sources, ..BuildState::default() };
    save(dir.path(), &state).unwrap();
    let names = |dir: &Path| {
        let mut names: Vec<String> = fs::read_dir(dir.join(PIECES_DIR))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    };
    // Two pieces of notices: each a file named by its bytes' hash.
    let written = names(dir.path());
    assert_eq!(written.len(), 2);
    for name in &written {
        let bytes = fs::read(dir.path().join(PIECES_DIR).join(name)).unwrap();
        assert_eq!(*name, piece_name(crate::hash::bytes(&bytes)));
    }
    let read = load(dir.path()).unwrap();
    assert_eq!(read.sources.len(), NOTICES_PER_PIECE + 1);
    assert_eq!(
        read.pieces_read.iter().map(|&n| piece_name(n)).collect::<std::collections::BTreeSet<_>>().len(),
        2
    );
    assert!(written.iter().all(|name| read.pieces_read.iter().any(|&n| piece_name(n) == *name)));
    // The same state saved elsewhere: the same pieces.
    let again = tempfile::tempdir().unwrap();
    save(again.path(), &read).unwrap();
    assert_eq!(names(again.path()), written);
    // A piece that is a link to its very bytes, damaged, then missing: no state.
    let piece = dir.path().join(PIECES_DIR).join(&written[1]);
    #[cfg(unix)]
    {
        let elsewhere = again.path().join("copy");
        fs::copy(&piece, &elsewhere).unwrap();
        let kept = again.path().join("kept");
        fs::rename(&piece, &kept).unwrap();
        std::os::unix::fs::symlink(&elsewhere, &piece).unwrap();
        assert_eq!(load(dir.path()).err(), Some(corrupt("a piece does not match its name")));
        fs::remove_file(&piece).unwrap();
        fs::rename(&kept, &piece).unwrap();
        assert!(load(dir.path()).is_ok());
    }
    let mut bytes = fs::read(&piece).unwrap();
    bytes[0] ^= 1;
    fs::write(&piece, &bytes).unwrap();
    assert_eq!(load(dir.path()).unwrap_err(), corrupt("a piece does not match its name"));
    fs::remove_file(&piece).unwrap();
    assert_eq!(load(dir.path()).unwrap_err(), corrupt("a piece is missing"));
    // Removing the state removes its pieces, and only files named as pieces, and never
    // through a link put in place of their folder.
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().unwrap();
        let stray = outside.path().join(&written[0]);
        fs::write(&stray, "not Gazette's").unwrap();
        let linked = tempfile::tempdir().unwrap();
        fs::create_dir_all(linked.path().join(".gazette")).unwrap();
        fs::write(linked.path().join(STATE_FILE), "").unwrap();
        std::os::unix::fs::symlink(outside.path(), linked.path().join(PIECES_DIR)).unwrap();
        assert!(remove(linked.path()).unwrap());
        assert!(stray.exists());
    }
    fs::write(dir.path().join(PIECES_DIR).join("not-a-piece"), "x").unwrap();
    assert!(remove(dir.path()).unwrap());
    assert_eq!(names(dir.path()), ["not-a-piece"]);
    assert!(remove(again.path()).unwrap());
    assert!(!again.path().join(PIECES_DIR).exists());
}

#[test]
fn notices_in_many_pieces_read_back_in_order_and_bad_piece_lengths_are_refused() {
    let count = 2 * NOTICES_PER_PIECE + 7;
    let sources: Vec<SourceState> = (0..count)
        .map(|i| SourceState {
            source: crate::content::SourceEntry {
                path: format!("content/{i:05}.md").into(),
                stamp: crate::content::Stamp { size: i as u64, ..Default::default() },
                attachments: Vec::new(),
            },
            notice: None,
            problems: Vec::new(),
            broken: (i % 3 == 0).then(|| format!("broken {i}")),
            draft: i % 5 == 0,
        })
        .collect();
    let state = BuildState { read_key: 5, sources, ..BuildState::default() };
    let pieces = Memory::default();
    let body = encode(&state, &pieces);
    let Rest { read_key, sources, links, search, indexes } = decode_rest(&body, &pieces).unwrap().0;
    assert_eq!((read_key, sources.len(), links.is_none(), search.is_none()), (5, count, true, true));
    assert!(indexes.is_none());
    for (i, source) in sources.iter().enumerate() {
        assert_eq!(source.source.stamp.size, i as u64);
        assert_eq!(source.broken, state.sources[i].broken);
    }
    // The search index's terms by document, in pieces of their own, come back in order.
    let per_piece = crate::publish::search::DocTermsKept::PER_PIECE as u32;
    let doc_terms: Vec<DocTerms> = (0..2 * per_piece + 3).map(DocTerms::numbered).collect();
    let searched = BuildState { search: Some(SearchState::of_doc_terms(doc_terms.clone())), ..state.clone() };
    let with_terms = encode(&searched, &pieces);
    let (_, rest_of_pieces) = split_pieces(&with_terms).unwrap();
    assert_eq!(split_pieces(rest_of_pieces).unwrap().0.len(), 3);
    let Rest { sources, search, .. } = decode_rest(&with_terms, &pieces).unwrap().0;
    let search = search.unwrap();
    assert_eq!((sources.len(), search.doc_terms().to_vec()), (count, Some(doc_terms.clone())));
    // Read back, they are written again as they were read, as the same pieces.
    let again = BuildState { search: Some(search), ..state.clone() };
    assert_eq!(encode(&again, &pieces), with_terms);
    // Pieces that are not as many as the index's documents take are damage.
    let fewer =
        BuildState { search: Some(SearchState::of_doc_terms(doc_terms[..5].to_vec())), ..state.clone() };
    let mut fewer_body = encode(&fewer, &pieces);
    let (notice_pieces, _) = split_pieces(&fewer_body).unwrap();
    let at = 8 + 16 * notice_pieces.len();
    let with_terms_run = &with_terms[at..at + 8 + 16 * 3];
    fewer_body.splice(at..at + 8 + 16, with_terms_run.iter().copied());
    assert!(decode_rest(&fewer_body, &pieces).is_err());
    // Each notice's own links, in pieces of their own, come back in order with their shape.
    let kept: Vec<KeptNotice> = (0..count as u64)
        .map(|i| KeptNotice { source_hash: i, links: Default::default(), problems: Vec::new() })
        .collect();
    let linked = BuildState { links: Some(KeptLinks { shape: 77, notices: kept }), ..state.clone() };
    let with_links = encode(&linked, &pieces);
    let links = decode_rest(&with_links, &pieces).unwrap().0.links.unwrap();
    assert_eq!(links.shape, 77);
    assert!(links.notices.iter().map(|n| n.source_hash).eq(0..count as u64));
    // Three pieces of notices, then the rest: a piece count that runs past the end, a
    // length or name that is not the piece's, or a rest that does not decode, is damage.
    assert_eq!(split_pieces(&body).unwrap().0.len(), 3);
    let mut too_many = body.clone();
    too_many[..8].copy_from_slice(&9u64.to_le_bytes());
    assert!(matches!(decode_rest(&too_many, &pieces), Err(Missing::Corrupt(_))));
    let mut too_long = body.clone();
    too_long[8..16].copy_from_slice(&(body.len() as u64).to_le_bytes());
    assert!(matches!(decode_rest(&too_long, &pieces), Err(Missing::Corrupt(_))));
    let mut misnamed = body.clone();
    let name = u64::from_le_bytes(body[16..24].try_into().unwrap());
    misnamed[16..24].copy_from_slice(&(name ^ 1).to_le_bytes());
    assert!(matches!(decode_rest(&misnamed, &pieces), Err(Missing::Corrupt(_))));
    assert!(matches!(decode_rest(&body[..body.len() - 1], &pieces), Err(Missing::Corrupt(_))));
    let mut longer = body.clone();
    longer.push(0);
    assert!(matches!(decode_rest(&longer, &pieces), Err(Missing::Corrupt(_))));
    assert!(matches!(decode_rest(&body[..5], &pieces), Err(Missing::Corrupt(_))));
}

fn tempfile_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("gazette-{name}-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_replaced_outputs_listing_reads_back_with_its_paths_kept_once_when_they_are_the_outputs() {
    use crate::publish::state::{FolderStamp, OutputListing};
    let dir = tempfile_dir("replaced");
    let file = |path: &str, inode: u64| crate::publish::state::FileState {
        path: path.to_string(),
        fingerprint: 1,
        key: 0,
        hash: 2,
        stamp: FileStamp { inode, ..FileStamp::default() },
    };
    let stamp = |inode: u64| FolderStamp { inode, ..FolderStamp::default() };
    let files = vec![file("a/index.html", 1), file("b/index.html", 2), file("index.html", 3)];
    let folders =
        FolderStamps { folders: vec![("a".into(), stamp(10)), ("b".into(), stamp(11))], untrusted_from: 5 };
    let same_paths = OutputListing {
        files: vec![("a/index.html".into(), 21), ("b/index.html".into(), 22), ("index.html".into(), 23)],
        folders: FolderStamps {
            folders: vec![("a".into(), stamp(30)), ("b".into(), stamp(31))],
            untrusted_from: 7,
        },
    };
    let other_paths = OutputListing {
        files: vec![("a/index.html".into(), 21), ("index.html".into(), 23)],
        folders: FolderStamps { folders: vec![("c".into(), stamp(32))], untrusted_from: 8 },
    };
    let kept = ListingKept::new(&same_paths, &files, &folders);
    assert!(matches!((&kept.files, &kept.folders), (Aligned::SamePaths(_), Aligned::SamePaths(_))));
    let kept = ListingKept::new(&other_paths, &files, &folders);
    assert!(matches!((&kept.files, &kept.folders), (Aligned::Paths(_), Aligned::Paths(_))));
    for listing in [same_paths, other_paths] {
        let state = BuildState {
            files: files.clone(),
            folders: folders.clone(),
            replaced: Some(listing.clone()),
            ..BuildState::default()
        };
        save(&dir, &state).unwrap();
        let opened = open(&dir).unwrap();
        assert_eq!(opened.replaced.as_ref(), Some(&listing));
        assert_eq!(opened.folders, folders);
        assert_eq!(opened.read_rest().unwrap().replaced, Some(listing));
    }
    // Values aligned with paths that are not there: damage, not a listing.
    let short = Aligned::SamePaths(vec![1u64, 2]);
    assert!(short.listed(["x", "y", "z"].into_iter()).is_err());
}
