//! Where the bigrams and pairs of the notices read stand (their positions, for phrases), kept
//! out of memory between reading the notices and writing the index: each thread's gathering
//! writes them, by bucket of term shards, to the run's temporary file (`publish::spill`), and
//! the index reads one group of buckets back at a time. What the positions are is
//! [`super::terms`]'; the phrase files made from them are [`super::shard_file`]'s.

use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::FxBuildHasher;

use super::compact::{deltas, put_varint, take_varint};
use crate::publish::spill::Spill;

/// Buckets of term shards: a bigram or pair is in bucket `term_hash mod BUCKETS`. A power of two, so
/// that for any number of shards (also powers of two) a shard's bigrams are in the buckets of
/// one group.
const BUCKETS: usize = 256;
/// Bytes a bucket collects before they are written out.
const FLUSH_AT: usize = 16 * 1024;

/// Bytes of records of one bucket: in memory, or in the file.
#[derive(Debug)]
enum Chunk {
    Memory(Vec<u8>),
    Written { at: u64, len: usize },
}

/// The places one thread (or, once merged, a run) gathers. A record is the bigram's or pair's
/// [`place_key`], the length and bytes of its name (empty for a bigram, named by its postings),
/// then as varints the slot of the notice, the number of positions, the first and the
/// difference of each from the one before.
#[derive(Debug, Default)]
pub struct Places {
    /// The run's temporary file; without one, chunks stay in memory.
    file: Option<Arc<Spill>>,
    /// By bucket: records not written out yet.
    open: Vec<Vec<u8>>,
    /// By bucket: the chunks written.
    chunks: Vec<Vec<Chunk>>,
}

/// What the places of a bigram or pair are recorded by: its [`super::term_hash`], which gives
/// its shard, then 32 bits of another hash, so that two of one shard are told apart.
pub fn place_key(term: &str, term_hash: u32) -> u64 {
    (u64::from(term_hash) << 32) | (crate::hash::bytes(term.as_bytes()) & 0xffff_ffff)
}

/// Places read back, of one term shard: by key, the name recorded (if any), and where it stands.
pub type ShardPlaces = HashMap<u64, (Option<Box<str>>, Placed), FxBuildHasher>;

/// Where one bigram or pair stands in the notices holding it: for each notice (by document id),
/// its positions, ascending, as a range of one list shared by all, so that a shard's places
/// take a few allocations rather than one for each notice of each bigram.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Placed {
    /// Document id, and the start and length of its positions.
    docs: Vec<(u32, u32, u32)>,
    positions: Vec<u32>,
}

impl Placed {
    /// Adds a notice with its positions.
    pub fn push(&mut self, doc: u32, positions: impl IntoIterator<Item = u32>) {
        let start = self.positions.len() as u32;
        self.positions.extend(positions);
        self.docs.push((doc, start, self.positions.len() as u32 - start));
    }

    /// Adds the notices of `other`.
    pub fn append(&mut self, other: Placed) {
        let offset = self.positions.len() as u32;
        self.positions.extend(other.positions);
        self.docs.extend(other.docs.into_iter().map(|(doc, start, len)| (doc, start + offset, len)));
    }

    /// Keeps the notices `renumber` gives a document id, under that id.
    pub fn renumber(&mut self, renumber: impl Fn(u32) -> Option<u32>) {
        self.docs.retain_mut(|(doc, _, _)| renumber(*doc).map(|new| *doc = new).is_some());
    }

    /// Puts the notices in id order.
    pub fn sort(&mut self) {
        // Mostly in order already, or two runs: a stable sort merges runs.
        if !self.docs.is_sorted_by_key(|(doc, _, _)| *doc) {
            self.docs.sort_by_key(|(doc, _, _)| *doc);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The notices and their positions, in the order they are kept.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &[u32])> + '_ {
        self.docs
            .iter()
            .map(|&(doc, start, len)| (doc, &self.positions[start as usize..(start + len) as usize]))
    }
}

impl Places {
    /// Places written to `file`, or kept in memory without one.
    pub fn new(file: Option<Arc<Spill>>) -> Places {
        Places { file, open: vec![Vec::new(); BUCKETS], chunks: (0..BUCKETS).map(|_| Vec::new()).collect() }
    }

    /// No places yet, kept in the same temporary file as these, or in memory as these are.
    pub fn sibling(&self) -> Places {
        Places::new(self.file.clone())
    }

    /// Records where the bigram or pair of `key` ([`place_key`]) and `name` stands in the
    /// notice of `slot`.
    pub fn add(&mut self, key: u64, name: &str, slot: u32, positions: &[u32]) {
        if self.open.is_empty() {
            *self = Places::new(self.file.take());
        }
        let bucket = (key >> 32) as usize & (BUCKETS - 1);
        let bytes = &mut self.open[bucket];
        bytes.extend_from_slice(&key.to_le_bytes());
        put_varint(bytes, name.len() as u64);
        bytes.extend_from_slice(name.as_bytes());
        put_varint(bytes, u64::from(slot));
        put_varint(bytes, positions.len() as u64);
        for delta in deltas(positions) {
            put_varint(bytes, u64::from(delta));
        }
        if bytes.len() >= FLUSH_AT {
            self.flush(bucket);
        }
    }

    /// Writes out the open records of `bucket`; they stay in memory if the file fails.
    fn flush(&mut self, bucket: usize) {
        let bytes = std::mem::take(&mut self.open[bucket]);
        if bytes.is_empty() {
            return;
        }
        let chunk = match &self.file {
            Some(file) => match file.append(&bytes) {
                Ok(at) => Chunk::Written { at, len: bytes.len() },
                Err(_) => Chunk::Memory(bytes),
            },
            None => Chunk::Memory(bytes),
        };
        self.chunks[bucket].push(chunk);
    }

    /// These places and those of `later`.
    pub fn merge(mut self, mut later: Places) -> Places {
        if later.open.is_empty() {
            return self;
        }
        if self.open.is_empty() {
            return later;
        }
        for bucket in 0..BUCKETS {
            later.flush(bucket);
            self.chunks[bucket].append(&mut later.chunks[bucket]);
        }
        self
    }

    /// Writes out what is still open; the places are then read back by [`Places::group`].
    pub fn finish(&mut self) {
        for bucket in 0..self.open.len() {
            self.flush(bucket);
        }
    }

    /// The places of the shards of group `group` of `groups`, for an index of `shards` term
    /// shards (`groups` = [`group_count`]): by shard of the group (`group`, `group + groups`,
    /// …, in that order), the places of the notices that `doc_of` gives a document id.
    pub fn group(
        &self,
        group: usize,
        shards: usize,
        doc_of: impl Fn(u32) -> Option<u32>,
        into: &mut [ShardPlaces],
    ) -> std::io::Result<()> {
        let groups = group_count(shards);
        let mut bytes = Vec::new();
        for bucket in (group..self.chunks.len()).step_by(groups) {
            for chunk in &self.chunks[bucket] {
                let data = match chunk {
                    Chunk::Memory(data) => data.as_slice(),
                    Chunk::Written { at, len } => {
                        bytes.resize(*len, 0);
                        let file = self.file.as_ref().expect("written chunks have a file");
                        file.read_at(*at, &mut bytes)?;
                        &bytes
                    }
                };
                read_records(data, |key, name, slot, positions| {
                    if let Some(doc) = doc_of(slot) {
                        let shard = (key >> 32) as usize & (shards - 1);
                        let entry = into[shard / groups].entry(key).or_default();
                        if entry.0.is_none() && !name.is_empty() {
                            entry.0 = Some(name.into());
                        }
                        entry.1.push(doc, positions.iter().copied());
                    }
                })
                .ok_or_else(|| std::io::Error::other("damaged places"))?;
            }
        }
        Ok(())
    }
}

/// How many groups the buckets fall into for an index of `shards` term shards: each group is
/// the buckets, and the shards, equal to it modulo this number.
pub fn group_count(shards: usize) -> usize {
    shards.min(BUCKETS)
}

fn read_records(mut data: &[u8], mut visit: impl FnMut(u64, &str, u32, &[u32])) -> Option<()> {
    let mut positions = Vec::new();
    while !data.is_empty() {
        let (key, rest) = data.split_first_chunk::<8>()?;
        data = rest;
        let mut at = 0;
        let name_len = take_varint(data, &mut at)? as usize;
        let name = std::str::from_utf8(data.get(at..at + name_len)?).ok()?;
        at += name_len;
        let slot = take_varint(data, &mut at)? as u32;
        let count = take_varint(data, &mut at)? as usize;
        positions.clear();
        let mut position = 0u32;
        for _ in 0..count {
            position = position.checked_add(take_varint(data, &mut at)? as u32)?;
            positions.push(position);
        }
        visit(u64::from_le_bytes(*key), name, slot, &positions);
        data = &data[at..];
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::search::term_hash;

    fn key(term: &str) -> u64 {
        place_key(term, term_hash(term))
    }

    #[test]
    fn places_come_back_by_shard_from_the_file_and_from_memory() {
        // More shards than buckets, so that a group holds several shards.
        let shards = 4 * BUCKETS;
        for file in [Some(Arc::new(Spill::new().unwrap())), None] {
            let mut first = Places::new(file.clone());
            first.add(key("to chuc"), "", 0, &[1, 9]);
            // Enough records for the bucket to be written out several times.
            for slot in 1..3000 {
                first.add(key("can bo"), "", slot, &[slot]);
            }
            let mut second = Places::new(file.clone());
            second.add(key("dieu 5"), "dieu 5", 3000, &[4, 6]);
            let mut all = first.merge(second);
            all.finish();

            let groups = group_count(shards);
            let mut found = HashMap::new();
            for group in 0..groups {
                let mut into = vec![ShardPlaces::default(); shards / groups];
                // Slot 5 is a notice the index leaves out; the others are documents 100 on.
                all.group(group, shards, |slot| (slot != 5).then_some(slot + 100), &mut into).unwrap();
                for (k, places) in into.into_iter().enumerate() {
                    for (key, (name, placed)) in places {
                        found.insert(key, (group + k * groups, name, placed));
                    }
                }
            }
            assert_eq!(found.len(), 3);
            let (shard, name, placed) = &found[&key("to chuc")];
            assert_eq!(*shard, term_hash("to chuc") as usize & (shards - 1));
            assert!(name.is_none());
            assert_eq!(placed.iter().collect::<Vec<_>>(), vec![(100, &[1u32, 9][..])]);
            let (_, _, placed) = &found[&key("can bo")];
            assert_eq!(placed.iter().count(), 2998);
            assert!(placed.iter().all(|(doc, positions)| doc != 105 && positions == [doc - 100]));
            let (_, name, placed) = &found[&key("dieu 5")];
            assert_eq!(name.as_deref(), Some("dieu 5"));
            assert_eq!(placed.iter().collect::<Vec<_>>(), vec![(3100, &[4u32, 6][..])]);
        }
    }
}
