//! The build state on disk: `.gazette/state` and the pieces in `.gazette/pieces/` in the output
//! folder, swapped in with the files they describe, so they always belong to the output beside
//! them.
//!
//! The file opens with a header naming its format and the Gazette that wrote it (version and
//! source). Then come two parts, each checked by its length and XXH3 hash: the summary (the
//! digest of what the build was made of, what it reported, every file it wrote and the stamps
//! of the folders that hold them, see [`super::folders`], and the same of the output it
//! replaced, see [`super::previous`]), which a
//! build that finds nothing changed reads alone; and the rest (every notice as read, with
//! its references left encoded until a build needs them, see [`crate::saved::Deferred`];
//! what each document gives the search index's term shards; each notice's own links: all
//! three in pieces encoded and decoded in parallel, then the rest of the search index's
//! state), read by any other build. Each is a `postcard` encoding.
//!
//! The pieces are files of their own, `.gazette/pieces/HASH` (the XXH3 hash of their bytes, in
//! hexadecimal), which the rest names with their lengths: a build that changed a few notices
//! makes the same bytes for every other piece, and a piece it read from the output, checked,
//! is linked into the new output rather than written again (at a hundred thousand notices the
//! state is some 400 MB, of which an edit changes a few). A missing file or piece, a piece that
//! is not a plain file, another format or version, a wrong length or hash, or a part that does
//! not decode are all the same to a build: no state, so a full build. (References left encoded
//! are decoded later: the hash of the part they are in, and the writer's source, vouch for
//! them.) Output files the state remembers are kept only while they are exactly as written;
//! one changed by hand is made again.

use crate::message::Said as _;
use crate::msg;
use std::borrow::Cow;
use std::collections::HashSet;
use std::fs;
use std::io::{BufReader, Read as _, Write};
use std::path::Path;

use anyhow::{Context as _, Result};
use rayon::prelude::*;

use crate::archive::indexes::KeptIndexes;
use crate::archive::{KeptLinks, KeptNotice};
use crate::publish::search::{DocTermsKept, DocTermsPiece, SearchState};
use crate::publish::state::{
    BuildState, FileStamp, FileState, FolderStamp, FolderStamps, NoticeFile, Outcome, OutputListing,
    SourceState,
};

/// The state file inside the output folder.
pub const STATE_FILE: &str = ".gazette/state";
/// A state being written over the output's own, swapped in when whole.
const STATE_FILE_NEW: &str = ".gazette/state.new";
/// The folder of the pieces of the state's rest, each named by its hash.
const PIECES_DIR: &str = ".gazette/pieces";
const MAGIC: &[u8] = b"gazette build state\n";
/// Version of the layout of the state file; another one is not read.
const FORMAT: u32 = 18;
/// The Gazette that writes the state: its version and a hash of its source (and of the crate
/// versions of its `Cargo.lock`, see `build.rs`), since a build of other code may render the
/// same view differently, or encode the state otherwise.
const WRITER: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("GAZETTE_SOURCE_HASH"));

/// Why there is no state to build from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// There is no state file: the first build of this output, or one after `gazette clean`.
    None,
    /// The state was written by another Gazette or in another format.
    Stale(String),
    /// The state file or one of its pieces is damaged or missing.
    Corrupt(String),
}

/// A state file with its summary read, the rest left on disk until asked for.
pub struct Opened {
    /// The digest of what the build was made of; see [`Inputs::digest`](crate::publish::Inputs::digest).
    pub inputs: u64,
    pub outcome: Outcome,
    /// Every notice file as the build found it.
    pub notice_files: Vec<NoticeFile>,
    /// From when their stamps are not trusted by themselves.
    pub untrusted_from: i128,
    /// The output files it remembers that are still exactly as written.
    pub files: Vec<FileState>,
    /// The output files it remembers that are no longer as written (changed or removed by hand).
    pub altered: Vec<String>,
    /// The output's folders as the build left them.
    pub folders: FolderStamps,
    /// The output the build replaced (now beside it as `.NAME.previous`), as the state it was
    /// built with described it.
    pub replaced: Option<OutputListing>,
    rest: BufReader<fs::File>,
    /// Where the rest starts in the file.
    rest_at: u64,
    size: u64,
    /// The output folder, which holds the pieces of the rest.
    dir: std::path::PathBuf,
}

impl Opened {
    /// Whether a build made of `inputs` would write the output as it is: the same inputs as
    /// the build that wrote it, and every file it wrote still there as written.
    pub fn unchanged(&self, inputs: u64) -> bool {
        self.intact() && self.inputs == inputs
    }

    /// The whole state, its rest read from the file and its pieces.
    pub fn read_rest(mut self) -> Result<BuildState, Missing> {
        let mut bytes = Vec::new();
        self.rest.read_to_end(&mut bytes).map_err(|e| Missing::Corrupt(e.to_string()))?;
        if bytes.len() < 16 {
            return Err(corrupt("cut short"));
        }
        let (body, trailer) = bytes.split_at(bytes.len() - 16);
        let pieces = PiecesIn(self.dir.join(PIECES_DIR));
        let (Rest { read_key, sources, links, search, indexes }, pieces_read) =
            decode_rest(checked(body, trailer)?, &pieces)?;
        Ok(BuildState {
            inputs: self.inputs,
            outcome: self.outcome,
            notice_files: self.notice_files,
            untrusted_from: self.untrusted_from,
            read_key,
            sources,
            files: self.files,
            folders: self.folders,
            replaced: self.replaced,
            links,
            search,
            indexes,
            pieces_read,
        })
    }
}

impl Opened {
    /// Whether every output file it remembers is still as written.
    pub fn intact(&self) -> bool {
        self.altered.is_empty()
    }

    /// The output as the state describes it: its files with their inodes, its folders' stamps.
    pub fn listing(&self) -> OutputListing {
        let files = self.files.iter().map(|file| (file.path.clone(), file.stamp.inode)).collect();
        OutputListing { files, folders: self.folders.clone() }
    }

    /// The size of the state file.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Writes the state of the output at `dir` again with `notice_files` in its summary, their
    /// stamps untrusted from `untrusted_from`, its rest copied as it is, and swaps it in: after
    /// a build that found nothing changed but the stamps of notice files saved again unchanged,
    /// so that the next one need not read them. The state is either the old or the new one at
    /// any instant.
    pub fn restamp(&self, dir: &Path, notice_files: &[NoticeFile], untrusted_from: i128) -> Result<()> {
        let path = dir.join(STATE_FILE);
        let new = dir.join(STATE_FILE_NEW);
        let written = (|| -> Result<()> {
            let mut out = fs::File::create(&new)?;
            let summary = Summary {
                inputs: self.inputs,
                outcome: &self.outcome,
                notice_files,
                untrusted_from,
                files: &self.files,
                folders: &self.folders,
                replaced: &self.replaced,
            };
            out.write_all(&head(&summary)?)?;
            let mut old = fs::File::open(&path)?;
            std::io::Seek::seek(&mut old, std::io::SeekFrom::Start(self.rest_at))?;
            std::io::copy(&mut old, &mut out)?;
            fs::rename(&new, &path)?;
            Ok(())
        })();
        if written.is_err() {
            let _ = fs::remove_file(&new);
        }
        written.said(|| msg!("io-cannot-write", path = path.display().to_string()))
    }
}

/// Reads the summary of the state of the output at `dir`, checking that each output file it
/// remembers is still the file that was written; files that are not are forgotten.
pub fn open(dir: &Path) -> Result<Opened, Missing> {
    let file = match fs::File::open(dir.join(STATE_FILE)) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Missing::None),
        Err(e) => return Err(Missing::Corrupt(e.to_string())),
    };
    let size = file.metadata().map_err(|e| Missing::Corrupt(e.to_string()))?.len();
    let mut rest = BufReader::with_capacity(1 << 20, file);
    // Bytes taken so far: where the rest starts, once the summary is taken.
    let mut taken = 0u64;
    let mut take = |n: u64| -> Result<Vec<u8>, Missing> {
        if n > size - taken {
            return Err(corrupt("cut short"));
        }
        let mut bytes = vec![0; n as usize];
        rest.read_exact(&mut bytes).map_err(|_| corrupt("cut short"))?;
        taken += n;
        Ok(bytes)
    };
    if take(MAGIC.len() as u64).ok().as_deref() != Some(MAGIC) {
        return Err(corrupt("not a build state"));
    }
    let format = u32::from_le_bytes(take(4)?.try_into().expect("four bytes"));
    if format != FORMAT {
        return Err(Missing::Stale(format!("state format {format}")));
    }
    let length = u32::from_le_bytes(take(4)?.try_into().expect("four bytes"));
    let version = String::from_utf8_lossy(&take(length.into())?).into_owned();
    if version != WRITER {
        return Err(Missing::Stale(format!("Gazette {version}")));
    }
    let length = u64::from_le_bytes(take(8)?.try_into().expect("eight bytes"));
    let summary = take(length)?;
    let mut trailer = length.to_le_bytes().to_vec();
    trailer.extend(take(8)?);
    let summary = checked(&summary, &trailer)?;
    let rest_at = taken;
    check_rest_length(rest.get_ref(), rest_at, size)?;
    let (inputs, outcome, notice_files, untrusted_from, files, folders, replaced): (
        u64,
        Outcome,
        Vec<NoticeFile>,
        i128,
        Vec<FileState>,
        FolderStamps,
        Option<ListingKept>,
    ) = decode_whole(summary)?;
    let replaced = replaced.map(|kept| kept.listing(&files, &folders)).transpose()?;
    let (files, altered): (Vec<FileState>, Vec<FileState>) =
        files.into_par_iter().partition(|file| FileStamp::of_file(&dir.join(&file.path)) == Some(file.stamp));
    let altered: Vec<String> = altered.into_iter().map(|file| file.path).collect();
    Ok(Opened {
        inputs,
        outcome,
        notice_files,
        untrusted_from,
        files,
        altered,
        folders,
        replaced,
        rest,
        rest_at,
        size,
        dir: dir.to_path_buf(),
    })
}

/// Checks that the rest, from `rest_at` to the end of the file of `size` bytes, is as long as
/// its trailer says, without reading it: a state cut short is found by a build that reads only
/// the summary too. (Damage inside the rest is found when the rest is read.)
fn check_rest_length(file: &fs::File, rest_at: u64, size: u64) -> Result<(), Missing> {
    let length = size.checked_sub(rest_at).filter(|n| *n >= 16).ok_or_else(|| corrupt("cut short"))? - 16;
    let mut trailer = [0u8; 8];
    read_at(file, &mut trailer, size - 16)?;
    if u64::from_le_bytes(trailer) != length {
        return Err(corrupt("cut short"));
    }
    Ok(())
}

#[cfg(unix)]
fn read_at(file: &fs::File, bytes: &mut [u8], at: u64) -> Result<(), Missing> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, at).map_err(|_| corrupt("cut short"))
}

#[cfg(not(unix))]
fn read_at(_: &fs::File, _: &mut [u8], _: u64) -> Result<(), Missing> {
    Ok(())
}

/// Reads the state of the output at `dir`; see [`open`].
pub fn load(dir: &Path) -> Result<BuildState, Missing> {
    open(dir)?.read_rest()
}

/// Writes the state into the folder at `dir`, its pieces all written anew (over whatever
/// stands at their paths).
pub fn save(dir: &Path, state: &BuildState) -> Result<()> {
    let path = dir.join(STATE_FILE);
    fs::create_dir_all(dir.join(PIECES_DIR))
        .said(|| msg!("io-cannot-create", path = dir.display().to_string()))?;
    let pieces = PiecesIn(dir.join(PIECES_DIR));
    let file = fs::File::create(&path).said(|| msg!("io-cannot-write", path = path.display().to_string()))?;
    encode_into(file, state, &|name, bytes| pieces.write(name, bytes))
        .said(|| msg!("io-cannot-write", path = path.display().to_string()))
}

/// Writes the state into a staging folder, before it is swapped in: a piece the state was read
/// with from the output (`read`, by name) is linked from there, the others written.
pub fn save_staged(staging: &super::Staging, state: &BuildState, read: &HashSet<u64>) -> Result<()> {
    // After the staging folder is tidied: what it kept of a previous output is gone by then,
    // and what is saved here is not taken for it.
    debug_assert!(staging.is_sealed(), "the state is saved into a sealed staging folder");
    let path = staging.prepare(STATE_FILE)?;
    // A staging folder made from a previous output may hold that output's state: a new file,
    // never one written over.
    super::previous::make_way(&path).said(|| msg!("io-cannot-replace", path = path.display().to_string()))?;
    let file = fs::File::create(&path).said(|| msg!("io-cannot-write", path = path.display().to_string()))?;
    // A piece is put once, however many times a state holds it.
    let put_already = std::sync::Mutex::new(HashSet::new());
    let put = |name: u64, bytes: &[u8]| -> Result<()> {
        if !put_already.lock().unwrap_or_else(|e| e.into_inner()).insert(name) {
            return Ok(());
        }
        let relative = format!("{PIECES_DIR}/{}", piece_name(name));
        let path = staging.prepare(&relative)?;
        // The output's piece, read and checked by this build, when it is still a plain file of
        // that length (not a link put there since).
        let old = staging.old_path(&relative)?;
        let plain = || fs::symlink_metadata(&old).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
        write_anew(&path, |path| {
            if read.contains(&name) && plain() && fs::hard_link(&old, path).is_ok() {
                return Ok(());
            }
            fs::write(path, bytes)
        })
    };
    encode_into(file, state, &put).said(|| msg!("io-cannot-write", path = path.display().to_string()))
}

/// The name of the file of a piece whose bytes have hash `name`.
fn piece_name(name: u64) -> String {
    format!("{name:016x}")
}

/// Where the pieces of a state are read from: a folder of files named by their hashes.
struct PiecesIn(std::path::PathBuf);

impl PiecesIn {
    fn write(&self, name: u64, bytes: &[u8]) -> Result<()> {
        write_anew(&self.0.join(piece_name(name)), |path| fs::write(path, bytes))
    }
}

/// Makes the file at `path` with `make`, whatever stood there removed first: a file there may
/// be a hard link to another output's, so it is never written into in place.
fn write_anew(path: &Path, make: impl FnOnce(&Path) -> std::io::Result<()>) -> Result<()> {
    super::previous::make_way(path).said(|| msg!("io-cannot-replace", path = path.display().to_string()))?;
    make(path).said(|| msg!("io-cannot-write", path = path.display().to_string()))
}

impl Pieces for PiecesIn {
    fn read(&self, piece: PieceRef) -> Result<Vec<u8>, Missing> {
        let path = self.0.join(piece_name(piece.name));
        // A plain file of the piece's length, or no piece: a link or a longer file is not read.
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_file() && meta.len() == piece.length => {}
            Ok(_) => return Err(corrupt("a piece does not match its name")),
            Err(_) => return Err(corrupt("a piece is missing")),
        }
        let bytes = fs::read(&path).map_err(|_| corrupt("a piece is missing"))?;
        piece.check(bytes)
    }
}

/// What the rest says of one of its pieces: its length and the hash of its bytes, its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PieceRef {
    length: u64,
    name: u64,
}

impl PieceRef {
    /// The bytes of the piece, when they are its length and have its hash.
    fn check(self, bytes: Vec<u8>) -> Result<Vec<u8>, Missing> {
        if bytes.len() as u64 != self.length || crate::hash::bytes(&bytes) != self.name {
            return Err(corrupt("a piece does not match its name"));
        }
        Ok(bytes)
    }
}

/// The pieces of a state, by name.
trait Pieces: Sync {
    fn read(&self, piece: PieceRef) -> Result<Vec<u8>, Missing>;
}

/// Where the pieces of a state being written go, by name, their bytes given.
type PutPiece<'a> = dyn Fn(u64, &[u8]) -> Result<()> + Sync + 'a;

/// What a build that finds nothing changed reads of the state.
struct Summary<'a> {
    inputs: u64,
    outcome: &'a Outcome,
    notice_files: &'a [NoticeFile],
    untrusted_from: i128,
    files: &'a [FileState],
    folders: &'a FolderStamps,
    replaced: &'a Option<OutputListing>,
}

/// The listing of the replaced output as the summary keeps it: where its paths are those of the
/// state's own files (or folders), in the same order, as they are after most builds, only its
/// inodes (or stamps), the summary holding every path once.
#[derive(serde::Serialize, serde::Deserialize)]
struct ListingKept {
    files: Aligned<u64>,
    folders: Aligned<FolderStamp>,
    untrusted_from: i128,
}

/// Values by path: by the paths of a list beside them, or with paths of their own.
#[derive(serde::Serialize, serde::Deserialize)]
enum Aligned<T> {
    SamePaths(Vec<T>),
    Paths(Vec<(String, T)>),
}

impl<T: Clone> Aligned<T> {
    /// `listed`, aligned with `own` paths when it has the same ones.
    fn new<'a>(listed: &[(String, T)], own: impl ExactSizeIterator<Item = &'a str>) -> Aligned<T> {
        if own.len() == listed.len() && own.zip(listed).all(|(own, (path, _))| own == path) {
            Aligned::SamePaths(listed.iter().map(|(_, value)| value.clone()).collect())
        } else {
            Aligned::Paths(listed.to_vec())
        }
    }

    /// The values with their paths, `own` giving them where they are aligned.
    fn listed<'a>(self, own: impl ExactSizeIterator<Item = &'a str>) -> Result<Vec<(String, T)>, Missing> {
        match self {
            Aligned::Paths(listed) => Ok(listed),
            Aligned::SamePaths(values) if values.len() == own.len() => {
                Ok(own.map(str::to_string).zip(values).collect())
            }
            Aligned::SamePaths(_) => Err(corrupt("a listing does not match its paths")),
        }
    }
}

impl ListingKept {
    fn new(listing: &OutputListing, files: &[FileState], folders: &FolderStamps) -> ListingKept {
        ListingKept {
            files: Aligned::new(&listing.files, files.iter().map(|file| file.path.as_str())),
            folders: Aligned::new(
                &listing.folders.folders,
                folders.folders.iter().map(|(path, _)| path.as_str()),
            ),
            untrusted_from: listing.folders.untrusted_from,
        }
    }

    fn listing(self, files: &[FileState], folders: &FolderStamps) -> Result<OutputListing, Missing> {
        Ok(OutputListing {
            files: self.files.listed(files.iter().map(|file| file.path.as_str()))?,
            folders: FolderStamps {
                folders: self.folders.listed(folders.folders.iter().map(|(path, _)| path.as_str()))?,
                untrusted_from: self.untrusted_from,
            },
        })
    }
}

/// The header and the summary, with its length and hash.
fn head(summary: &Summary) -> Result<Vec<u8>> {
    let Summary { inputs, outcome, notice_files, untrusted_from, files, folders, replaced } = summary;
    let version = WRITER.as_bytes();
    let mut header = Vec::from(MAGIC);
    header.extend_from_slice(&FORMAT.to_le_bytes());
    header.extend_from_slice(&(version.len() as u32).to_le_bytes());
    header.extend_from_slice(version);
    let replaced = replaced.as_ref().map(|listing| ListingKept::new(listing, files, folders));
    let summary =
        postcard::to_allocvec(&(inputs, outcome, notice_files, untrusted_from, files, folders, replaced))
            .context("cannot encode the build state")?;
    header.extend_from_slice(&(summary.len() as u64).to_le_bytes());
    header.extend_from_slice(&summary);
    header.extend_from_slice(&crate::hash::bytes(&summary).to_le_bytes());
    Ok(header)
}

/// Writes the state's header, summary and rest into `file`, the rest's pieces to `put`.
fn encode_into<W: Write>(mut file: W, state: &BuildState, put: &PutPiece) -> Result<()> {
    let summary = Summary {
        inputs: state.inputs,
        outcome: &state.outcome,
        notice_files: &state.notice_files,
        untrusted_from: state.untrusted_from,
        files: &state.files,
        folders: &state.folders,
        replaced: &state.replaced,
    };
    file.write_all(&head(&summary)?)?;
    let space = super::space::Space::default();
    let mut body =
        std::io::BufWriter::with_capacity(256 * 1024, crate::hash::Hashing::new(space.watch(&mut file)));
    if let Err(error) = encode_rest(&mut body, state, put) {
        if space.is_full() {
            return Err(std::io::Error::from(std::io::ErrorKind::StorageFull).into());
        }
        return Err(error);
    }
    let body = body.into_inner().map_err(|e| e.into_error())?;
    let (length, hash) = (body.length(), body.hash());
    file.write_all(&length.to_le_bytes())?;
    file.write_all(&hash.to_le_bytes())?;
    Ok(())
}

/// Notices in one piece of the rest: pieces are encoded and decoded in parallel.
const NOTICES_PER_PIECE: usize = 1000;
/// Writes the rest: the notices in pieces of [`NOTICES_PER_PIECE`] (see [`write_pieces`]), what
/// each document gives the search index's term shards in its pieces (see [`write_doc_terms`]),
/// each notice's own links in pieces of [`NOTICES_PER_PIECE`], then the read key, the shape
/// the links were made in, the rest of the search index's state and the indexes to the end,
/// encoded as written.
fn encode_rest(out: &mut impl Write, state: &BuildState, put: &PutPiece) -> Result<()> {
    write_pieces(out, &state.sources, NOTICES_PER_PIECE, put)?;
    write_doc_terms(out, state.search.as_ref().map_or(&[][..], |search| search.doc_terms().pieces()), put)?;
    write_pieces(out, state.links.as_ref().map_or(&[][..], |links| &links.notices), NOTICES_PER_PIECE, put)?;
    let shape = state.links.as_ref().map(|links| links.shape);
    // The encoder says "buffer full" for any failure to write; the caller tells a full disk.
    postcard::to_io(&(state.read_key, shape, &state.search, &state.indexes), out)
        .context("cannot encode the build state")?;
    Ok(())
}

/// The rest of a state, as [`encode_rest`] writes it.
struct Rest {
    read_key: u64,
    sources: Vec<SourceState>,
    links: Option<KeptLinks>,
    search: Option<SearchState>,
    indexes: Option<KeptIndexes>,
}

/// Writes `items` as the number of pieces, then for each piece of `per_piece` items its length
/// and name, the piece itself handed to `put`: encoded and hashed a few pieces at a time in
/// parallel, and put in order.
fn write_pieces<T: serde::Serialize + Sync>(
    out: &mut impl Write,
    items: &[T],
    per_piece: usize,
    put: &PutPiece,
) -> Result<()> {
    let chunks: Vec<&[T]> = items.chunks(per_piece).collect();
    write_piece_run(out, &chunks, encoded_chunk, put)
}

fn encoded_chunk<'p, T: serde::Serialize>(chunk: &'p &[T]) -> postcard::Result<(u64, Cow<'p, [u8]>)> {
    encoded(chunk)
}

/// Writes the pieces of the documents' terms as [`write_pieces`] does: those read from the
/// last state as they were read, under their names, the others encoded and hashed.
fn write_doc_terms(out: &mut impl Write, doc_terms: &[DocTermsPiece], put: &PutPiece) -> Result<()> {
    write_piece_run(out, doc_terms, doc_terms_bytes, put)
}

fn doc_terms_bytes(piece: &DocTermsPiece) -> postcard::Result<(u64, Cow<'_, [u8]>)> {
    match piece {
        DocTermsPiece::Encoded { name, bytes, .. } => Ok((*name, bytes.as_slice().into())),
        DocTermsPiece::Made(items) => encoded(items),
    }
}

/// The bytes of a piece holding `items`, with their hash (its name).
fn encoded<T: serde::Serialize>(items: &[T]) -> postcard::Result<(u64, Cow<'static, [u8]>)> {
    postcard::to_allocvec(items).map(|bytes| (crate::hash::bytes(&bytes), bytes.into()))
}

/// Writes the number of `pieces`, then the length and name of each as `bytes` gives them, the
/// piece itself handed to `put`: a few pieces at a time, made in parallel, put in order.
fn write_piece_run<P: Sync>(
    out: &mut impl Write,
    pieces: &[P],
    bytes: impl for<'p> Fn(&'p P) -> postcard::Result<(u64, Cow<'p, [u8]>)> + Sync,
    put: &PutPiece,
) -> Result<()> {
    out.write_all(&(pieces.len() as u64).to_le_bytes())?;
    for batch in pieces.chunks(2 * rayon::current_num_threads()) {
        let made: Vec<(u64, Cow<[u8]>)> = batch
            .par_iter()
            .map(&bytes)
            .collect::<Result<_, _>>()
            .context("cannot encode the build state")?;
        for (name, piece) in &made {
            out.write_all(&(piece.len() as u64).to_le_bytes())?;
            out.write_all(&name.to_le_bytes())?;
        }
        made.par_iter().try_for_each(|(name, piece)| put(*name, piece))?;
    }
    Ok(())
}

/// The rest written by [`encode_rest`], its pieces read from `pieces` and decoded in parallel
/// (but for the documents' terms, read and kept as they are: see [`DocTermsKept`]),
/// and the names of the pieces read.
fn decode_rest(body: &[u8], pieces: &dyn Pieces) -> Result<(Rest, HashSet<u64>), Missing> {
    let (notice_pieces, left) = split_pieces(body)?;
    let (term_pieces, left) = split_pieces(left)?;
    let (link_pieces, last) = split_pieces(left)?;
    let ((last, sources), (doc_terms, links)) = rayon::join(
        || {
            rayon::join(
                || decode_whole::<(u64, Option<u64>, Option<SearchState>, Option<KeptIndexes>)>(last),
                || decode_pieces(&notice_pieces, pieces),
            )
        },
        || {
            rayon::join(
                || {
                    let read = term_pieces.par_iter().map(|&piece| Ok((piece.name, pieces.read(piece)?)));
                    read.collect::<Result<Vec<(u64, Vec<u8>)>, Missing>>()
                },
                || decode_pieces::<KeptNotice>(&link_pieces, pieces),
            )
        },
    );
    let (read_key, shape, search, indexes) = last?;
    let (sources, doc_terms, links) = (sources?, doc_terms?, links?);
    let search = match search {
        Some(search) => {
            let doc_terms = DocTermsKept::encoded(doc_terms, search.len())
                .ok_or_else(|| corrupt("search terms not of the index's documents"))?;
            Some(search.with_doc_terms(doc_terms))
        }
        None if doc_terms.is_empty() => None,
        None => return Err(corrupt("search terms without an index")),
    };
    let links = match shape {
        Some(shape) => Some(KeptLinks { shape, notices: links }),
        None if links.is_empty() => None,
        None => return Err(corrupt("links without their shape")),
    };
    let names = [notice_pieces, term_pieces, link_pieces].iter().flatten().map(|piece| piece.name).collect();
    Ok((Rest { read_key, sources, links, search, indexes }, names))
}

/// The items of the pieces named in `refs`, each piece read and decoded on its own, in order.
fn decode_pieces<T: serde::de::DeserializeOwned + Send>(
    refs: &[PieceRef],
    pieces: &dyn Pieces,
) -> Result<Vec<T>, Missing> {
    let decoded = refs
        .par_iter()
        .map(|&piece| decode_whole::<Vec<T>>(&pieces.read(piece)?))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(decoded.into_iter().flatten().collect())
}

/// The pieces of a run written by [`write_pieces`], by length and name, and what follows them.
fn split_pieces(body: &[u8]) -> Result<(Vec<PieceRef>, &[u8]), Missing> {
    let (count, mut left) = take_length(body)?;
    // Each piece takes sixteen bytes to name: a count past what is left is damage.
    if count > (left.len() / 16) as u64 {
        return Err(corrupt("cut short"));
    }
    let mut pieces = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let (length, after) = take_length(left)?;
        let (name, after) = take_length(after)?;
        pieces.push(PieceRef { length, name });
        left = after;
    }
    Ok((pieces, left))
}

/// A value that is the whole of `bytes`: bytes left over are damage too.
fn decode_whole<'a, T: serde::Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, Missing> {
    match postcard::take_from_bytes(bytes) {
        Ok((value, [])) => Ok(value),
        Ok(_) => Err(corrupt("bytes left over")),
        Err(e) => Err(Missing::Corrupt(e.to_string())),
    }
}

fn take_length(bytes: &[u8]) -> Result<(u64, &[u8]), Missing> {
    let (length, after) = bytes.split_first_chunk::<8>().ok_or_else(|| corrupt("cut short"))?;
    Ok((u64::from_le_bytes(*length), after))
}

/// Removes the state of the output at `dir`, its pieces with it; true when there was one.
pub fn remove(dir: &Path) -> Result<bool> {
    let said = |path: &Path| msg!("io-cannot-remove", path = path.display().to_string());
    let removed = match fs::remove_file(dir.join(STATE_FILE)) {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(e).said(|| said(&dir.join(STATE_FILE))),
    };
    // Only files named as pieces are, and the folder when that leaves it empty; a folder put
    // there as a link (or the state's own folder) is not followed.
    let pieces = dir.join(PIECES_DIR);
    let is_folder = |path: &Path| fs::symlink_metadata(path).is_ok_and(|meta| meta.is_dir());
    if !is_folder(&dir.join(crate::publish::layout::STATE_DIR)) || !is_folder(&pieces) {
        return Ok(removed);
    }
    let Ok(entries) = fs::read_dir(&pieces) else { return Ok(removed) };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let is_piece =
            name.to_str().is_some_and(|n| n.len() == 16 && n.bytes().all(|b| b.is_ascii_hexdigit()));
        if is_piece && entry.file_type().is_ok_and(|kind| kind.is_file()) {
            fs::remove_file(entry.path()).said(|| said(&entry.path()))?;
        }
    }
    let _ = fs::remove_dir(&pieces);
    Ok(removed)
}

fn corrupt(what: &str) -> Missing {
    Missing::Corrupt(what.to_string())
}

/// `bytes`, when the trailer (their length and hash) says they are whole.
fn checked<'a>(bytes: &'a [u8], trailer: &[u8]) -> Result<&'a [u8], Missing> {
    let length = u64::from_le_bytes(trailer[..8].try_into().expect("eight bytes"));
    let hash = u64::from_le_bytes(trailer[8..16].try_into().expect("eight bytes"));
    if length != bytes.len() as u64 {
        return Err(corrupt("cut short"));
    }
    if crate::hash::bytes(bytes) != hash {
        return Err(corrupt("its checksum does not match"));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests;
