//! Compact forms of what the index keeps between reading the notices and writing its files:
//! a term's posting list as varint deltas, and what a document gives the term shards (the set
//! of its shards, and a digest of its entries). Both are kept for every notice of a build, so
//! their size is the index's share of a build's memory.

use std::sync::Arc;

/// The postings of one term, ids ascending: for each, the LEB128 varint of
/// `(id − previous id) << 4 | weight` (the first id is taken from 0). Most terms are in many
/// notices, so most postings take one byte instead of four.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PostingList {
    bytes: Vec<u8>,
    /// The last id pushed.
    last: u32,
}

impl PostingList {
    /// Adds a posting; `id` must be above every id already in the list.
    pub fn push(&mut self, id: u32, weight: u8) {
        debug_assert!(self.bytes.is_empty() || id > self.last, "ids ascending");
        let delta = if self.bytes.is_empty() { id } else { id - self.last };
        put_varint(&mut self.bytes, (u64::from(delta) << 4) | u64::from(weight & 15));
        self.last = id;
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The postings, `(id, weight)`, ids ascending.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u8)> + '_ {
        let mut at = 0;
        let mut id = 0u32;
        let mut first = true;
        std::iter::from_fn(move || {
            let value = take_varint(&self.bytes, &mut at)?;
            let delta = (value >> 4) as u32;
            id = if first { delta } else { id + delta };
            first = false;
            Some((id, (value & 15) as u8))
        })
    }

    /// Appends the postings of `later`, whose ids all come after this list's (as the notices
    /// of a later run of files do); a list that does not is merged posting by posting.
    pub fn append(&mut self, later: PostingList) {
        if later.is_empty() {
            return;
        }
        if self.is_empty() {
            *self = later;
            return;
        }
        let mut at = 0;
        let first = take_varint(&later.bytes, &mut at).expect("a list that is not empty");
        let first_id = (first >> 4) as u32;
        if first_id <= self.last {
            let mut all: Vec<(u32, u8)> = self.iter().chain(later.iter()).collect();
            all.sort_unstable();
            all.dedup_by_key(|(id, _)| *id);
            *self = PostingList::default();
            for (id, weight) in all {
                self.push(id, weight);
            }
            return;
        }
        self.push(first_id, (first & 15) as u8);
        self.bytes.extend_from_slice(&later.bytes[at..]);
        self.last = later.last;
    }

    /// Gives back the room the list grew into but does not use.
    pub fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
    }
}

/// A set of term shards (numbers below a power of two, `count`), in the shortest of three
/// forms: a bitset of `count` bits; the shard numbers ascending as varint deltas, when shards
/// are many more than a document's terms; or their gaps in a Rice code (see [`rice`]), which
/// takes about half a bitset for the thousand-odd shards of a long notice among thousands.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ShardSet(#[serde(with = "crate::saved::as_bytes")] Arc<[u8]>);

const BITSET: u8 = 0;
const LIST: u8 = 1;
const RICE: u8 = 2;

impl ShardSet {
    /// The set of `shards`, each below `count`.
    pub fn new(mut shards: Vec<u32>, count: usize) -> ShardSet {
        shards.sort_unstable();
        shards.dedup();
        ShardSet::of_ascending(shards, count)
    }

    /// The set of `shards`, distinct, ascending and each below `count`.
    fn of_ascending(shards: Vec<u32>, count: usize) -> ShardSet {
        let mut list = vec![LIST];
        let mut previous = 0;
        for &shard in &shards {
            put_varint(&mut list, u64::from(shard - previous));
            previous = shard;
        }
        let bitset_len = 1 + count.div_ceil(8);
        let rice = rice(&shards, count);
        if list.len() <= bitset_len.min(rice.len()) {
            return ShardSet(list.into());
        }
        if rice.len() < bitset_len {
            return ShardSet(rice.into());
        }
        let mut bits = vec![0u8; bitset_len];
        bits[0] = BITSET;
        for shard in shards {
            bits[1 + shard as usize / 8] |= 1 << (shard % 8);
        }
        ShardSet(bits.into())
    }

    /// Calls `visit` with each shard of the set, ascending.
    pub fn for_each(&self, mut visit: impl FnMut(usize)) {
        match self.0.split_first() {
            Some((&BITSET, bits)) => {
                for (i, &byte) in bits.iter().enumerate() {
                    for bit in 0..8 {
                        if byte & (1 << bit) != 0 {
                            visit(i * 8 + bit);
                        }
                    }
                }
            }
            Some((&RICE, code)) => read_rice(code, visit),
            Some((_, list)) => {
                let mut at = 0;
                let mut shard = 0u64;
                while let Some(delta) = take_varint(list, &mut at) {
                    shard += delta;
                    visit(shard as usize);
                }
            }
            None => {}
        }
    }

    /// The set for `count` shards, fewer than this set was made for (both powers of two): a
    /// term in shard `s` of many is in shard `s mod count` of fewer.
    pub fn fold_to(&self, count: usize) -> ShardSet {
        let mut shards = Vec::new();
        self.for_each(|s| shards.push((s & (count - 1)) as u32));
        ShardSet::new(shards, count)
    }
}

/// Distinct numbers ascending, below `count`, in a Rice code: the tag, the parameter `k`, the
/// count of numbers (a varint), then for each its gap (its distance from one more than the
/// number before; for the first, the number itself) as the gap's quotient by 2^k in unary (ones,
/// then a zero) and its `k` low bits. Bits fill each byte from its lowest. `k` is chosen from
/// the mean gap, near the best for numbers spread evenly at random, as term shards are.
fn rice(ascending: &[u32], count: usize) -> Vec<u8> {
    let mean_gap = count / ascending.len().max(1);
    let k = (mean_gap * 69 / 100).max(1).ilog2().min(24);
    let mut code = vec![RICE, k as u8];
    put_varint(&mut code, ascending.len() as u64);
    let mut bits = Bits { bytes: code, used: 8 };
    let mut next = 0;
    for &n in ascending {
        let gap = n - next;
        next = n + 1;
        for _ in 0..gap >> k {
            bits.push(true);
        }
        bits.push(false);
        for bit in 0..k {
            bits.push(gap >> bit & 1 == 1);
        }
    }
    bits.bytes
}

/// Calls `visit` with each number of a [`rice`] code (without its tag), ascending; a code cut
/// short ends where it is cut.
fn read_rice(code: &[u8], mut visit: impl FnMut(usize)) {
    // A parameter no code is written with is damage: nothing is read.
    let Some((&k, rest)) = code.split_first().filter(|(k, _)| **k <= 24) else { return };
    let mut at = 0;
    let Some(count) = take_varint(rest, &mut at) else { return };
    let bytes = &rest[at..];
    let mut place = 0usize;
    let mut bit = || {
        let byte = bytes.get(place / 8)?;
        place += 1;
        Some(byte >> ((place - 1) % 8) & 1 == 1)
    };
    let mut next = 0usize;
    for _ in 0..count {
        let mut gap = 0usize;
        loop {
            match bit() {
                Some(true) => gap += 1 << k,
                Some(false) => break,
                None => return,
            }
        }
        for low in 0..k {
            match bit() {
                Some(one) => gap |= usize::from(one) << low,
                None => return,
            }
        }
        visit(next + gap);
        next += gap + 1;
    }
}

/// Bits written into bytes, each byte filled from its lowest bit.
struct Bits {
    bytes: Vec<u8>,
    /// Bits used of the last byte (8: a new byte is started for the next bit).
    used: u32,
}

impl Bits {
    fn push(&mut self, one: bool) {
        if self.used == 8 {
            self.bytes.push(0);
            self.used = 0;
        }
        if one {
            *self.bytes.last_mut().expect("a byte was pushed") |= 1 << self.used;
        }
        self.used += 1;
    }
}

/// Numbers ascending as their first, then the difference of each from the one before.
pub(super) fn deltas(ascending: &[u32]) -> impl Iterator<Item = u32> + '_ {
    ascending.iter().scan(0, |previous, &n| Some(n - std::mem::replace(previous, n)))
}

/// Writes `value` as an LEB128 varint.
pub(super) fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads an LEB128 varint at `at`, moving past it; `None` at the end or in a cut varint.
pub(super) fn take_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
        shift += 7;
    }
}

/// How many buckets each half of a [`DocTerms`] digest has (a power of two): a term is in
/// bucket `term_hash mod DIGEST_BUCKETS`, so a bucket is the same part of every term shard's
/// terms whatever the number of shards.
pub const DIGEST_BUCKETS: usize = 64;

/// The two files of a term shard: its terms' postings, and where its bigrams stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShardFile {
    Terms,
    Phrases,
}

/// What a document gives the term shards: the shards its terms are in, and by bucket of terms
/// the sum of the stable hashes of its postings there (term and weight), then by bucket the
/// sum of those of its places (term, whether it has a posting, and positions). Two versions of a document with one id
/// whose bucket sums agree give every shard of that bucket the same entries, so an edit makes
/// again only the files of the shards of the buckets it changed: words moved in a paragraph
/// change where they stand, not their weights.
///
/// Its parts are shared, not copied, by a clone: a build that keeps most documents takes their
/// terms from the last build's state without copying a hundred megabytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DocTerms {
    pub shards: ShardSet,
    #[serde(with = "words_as_bytes")]
    digest: Arc<[u64]>,
}

/// Words kept as their little-endian bytes, eight a word: a digest's sums are as long as
/// their hashes, which a variable-length encoding would make longer, one number at a time.
mod words_as_bytes {
    use serde::{Deserializer, Serializer, de::Error as _};
    use std::sync::Arc;

    pub fn serialize<S: Serializer>(words: &[u64], serializer: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = words.iter().flat_map(|word| word.to_le_bytes()).collect();
        serializer.serialize_bytes(&bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<[u64]>, D::Error> {
        let bytes = deserializer.deserialize_bytes(crate::saved::as_bytes::Bytes)?;
        let (words, rest) = bytes.as_chunks::<8>();
        if !rest.is_empty() {
            return Err(D::Error::invalid_length(bytes.len(), &"a multiple of eight bytes"));
        }
        Ok(words.iter().map(|word| u64::from_le_bytes(*word)).collect())
    }
}

impl DocTerms {
    /// One told apart from others by `n`, for tests of what keeps them.
    #[cfg(test)]
    pub fn numbered(n: u32) -> DocTerms {
        DocTerms {
            shards: ShardSet::new(vec![n % 64], 64),
            digest: vec![u64::from(n); 2 * DIGEST_BUCKETS].into(),
        }
    }

    /// The same entries for `count` shards, fewer than they were gathered for.
    pub fn fold_to(&self, count: usize) -> DocTerms {
        DocTerms { shards: self.shards.fold_to(count), digest: self.digest.clone() }
    }

    /// Calls `visit` with each shard, of `count`, and file of it, that the entries of `self`
    /// and `other` may differ in: every shard either is in whose bucket the two digests differ,
    /// for that file.
    pub fn each_shard_changed(
        &self,
        other: &DocTerms,
        count: usize,
        mut visit: impl FnMut(usize, ShardFile),
    ) {
        // With fewer shards than buckets, a shard holds the terms of several buckets.
        let period = count.min(DIGEST_BUCKETS);
        let mut changed = [vec![false; period], vec![false; period]];
        if self.digest.len() != 2 * DIGEST_BUCKETS || other.digest.len() != 2 * DIGEST_BUCKETS {
            changed.iter_mut().for_each(|file| file.fill(true));
        } else {
            let digests = self.digest.iter().zip(other.digest.iter());
            for (at, _) in digests.enumerate().filter(|(_, (a, b))| a != b) {
                changed[at / DIGEST_BUCKETS][at & (period - 1)] = true;
            }
        }
        let mut seen = [vec![false; count], vec![false; count]];
        for set in [&self.shards, &other.shards] {
            set.for_each(|shard| {
                // A shard past the count is damage, not a shard to make again.
                if shard >= count {
                    return;
                }
                for (which, file) in [ShardFile::Terms, ShardFile::Phrases].into_iter().enumerate() {
                    if changed[which][shard & (period - 1)]
                        && !std::mem::replace(&mut seen[which][shard], true)
                    {
                        visit(shard, file);
                    }
                }
            });
        }
    }
}

/// Makes a [`DocTerms`] from a document's entries, given one at a time.
pub struct DocTermsBuilder {
    /// The number of term shards of the index.
    count: usize,
    /// The shards of its terms, a bit each: set as terms come, without a list to sort after.
    shards: Vec<u64>,
    digest: [u64; 2 * DIGEST_BUCKETS],
    bytes: Vec<u8>,
}

impl DocTermsBuilder {
    /// For an index of `count` term shards.
    pub fn new(count: usize) -> Self {
        DocTermsBuilder {
            count,
            shards: vec![0; count.div_ceil(64)],
            digest: [0; 2 * DIGEST_BUCKETS],
            bytes: Vec::with_capacity(256),
        }
    }

    /// Adds one entry: a term with its [`term_hash`](super::term_hash), its weight (none for a
    /// term that is only placed) and its places.
    pub fn add(&mut self, term: &str, hash: u32, weight: Option<u8>, positions: &[u32]) {
        let shard = hash as usize & (self.count - 1);
        self.shards[shard / 64] |= 1 << (shard % 64);
        let bucket = hash as usize & (DIGEST_BUCKETS - 1);
        // Its posting, in the first half: term and weight.
        if let Some(weight) = weight {
            self.entry(term, &[weight]);
            self.digest[bucket] = self.digest[bucket].wrapping_add(crate::hash::bytes(&self.bytes));
        }
        // Its places, in the second: term, whether it has a posting (which names it in the
        // file), and positions.
        if !positions.is_empty() {
            self.entry(term, &[u8::from(weight.is_some())]);
            for position in positions {
                self.bytes.extend_from_slice(&position.to_le_bytes());
            }
            let bucket = DIGEST_BUCKETS + bucket;
            self.digest[bucket] = self.digest[bucket].wrapping_add(crate::hash::bytes(&self.bytes));
        }
    }

    /// Starts the bytes of an entry: the term's length first, so that no two entries are
    /// written as the same bytes, the term, then `then`.
    fn entry(&mut self, term: &str, then: &[u8]) {
        self.bytes.clear();
        self.bytes.extend_from_slice(&(term.len() as u32).to_le_bytes());
        self.bytes.extend_from_slice(term.as_bytes());
        self.bytes.extend_from_slice(then);
    }

    pub fn finish(self) -> DocTerms {
        let mut shards = Vec::new();
        for (word, &bits) in self.shards.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                shards.push((word * 64) as u32 + bits.trailing_zeros());
                bits &= bits - 1;
            }
        }
        DocTerms { shards: ShardSet::of_ascending(shards, self.count), digest: Arc::from(self.digest) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_documents_terms_are_kept_as_byte_strings_and_read_back() {
        let mut builder = DocTermsBuilder::new(64);
        builder.add("to chuc", 7, Some(3), &[1, 2]);
        builder.add("can bo", 40, None, &[4]);
        let terms = builder.finish();
        let bytes = postcard::to_allocvec(&terms).unwrap();
        let shards = postcard::to_allocvec(&terms.shards).unwrap();
        // The shards as they are, then the digest's 1,024 bytes after their length (two bytes).
        assert_eq!(bytes.len(), shards.len() + 2 + 8 * 2 * DIGEST_BUCKETS);
        assert_eq!(postcard::from_bytes::<DocTerms>(&bytes).unwrap(), terms);
        // A digest that is not whole words is damage.
        let mut cut = shards.clone();
        cut.push(7);
        cut.extend([0; 7]);
        assert!(postcard::from_bytes::<DocTerms>(&cut).is_err());
        let mut empty = shards;
        empty.push(0);
        assert_eq!(postcard::from_bytes::<DocTerms>(&empty).unwrap().digest.len(), 0);
    }

    #[test]
    fn postings_read_back_in_order_and_lists_append() {
        let mut a = PostingList::default();
        for (id, w) in [(0, 3), (1, 12), (200, 1), (70_000, 15)] {
            a.push(id, w);
        }
        assert_eq!(a.iter().collect::<Vec<_>>(), vec![(0, 3), (1, 12), (200, 1), (70_000, 15)]);
        let mut b = PostingList::default();
        b.push(70_001, 2);
        b.push(80_000, 4);
        let mut joined = a.clone();
        joined.append(b.clone());
        assert_eq!(joined.iter().map(|p| p.0).collect::<Vec<_>>(), vec![0, 1, 200, 70_000, 70_001, 80_000]);
        joined.push(80_001, 1);
        assert_eq!(joined.iter().last(), Some((80_001, 1)));
        // Out of order: merged, ids ascending.
        let mut out_of_order = b;
        out_of_order.append(a);
        assert_eq!(
            out_of_order.iter().map(|p| p.0).collect::<Vec<_>>(),
            vec![0, 1, 200, 70_000, 70_001, 80_000]
        );
    }

    #[test]
    fn shard_sets_hold_their_shards_in_either_form() {
        let few = ShardSet::new(vec![9000, 3, 3, 16_383], 16_384);
        assert_eq!(few.0[0], LIST);
        let mut seen = Vec::new();
        few.for_each(|s| seen.push(s));
        assert_eq!(seen, vec![3, 9000, 16_383]);
        let many = ShardSet::new((0..64).map(|s| s * 2).collect(), 128);
        assert_eq!(many.0[0], BITSET);
        let mut seen = Vec::new();
        many.for_each(|s| seen.push(s));
        assert_eq!(seen, (0..64).map(|s| s * 2).collect::<Vec<_>>());
        let mut folded = Vec::new();
        few.fold_to(16).for_each(|s| folded.push(s));
        assert_eq!(folded, vec![3, 8, 15]);
        let mut none = Vec::new();
        ShardSet::default().for_each(|s| none.push(s));
        assert!(none.is_empty());
    }

    #[test]
    fn shard_sets_of_every_size_read_back_and_take_the_shortest_form() {
        // Shards spread at random, as a notice's terms are, from none to all of them.
        let mut seed = 12_345u64;
        let mut random = |below: u32| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as u32 % below
        };
        for (count, size) in
            [(16_384, 0), (16_384, 1), (16_384, 40), (16_384, 1500), (16_384, 9000), (64, 64)]
        {
            let shards: Vec<u32> = if size == count as usize {
                (0..count).collect()
            } else {
                (0..size).map(|_| random(count)).collect()
            };
            let mut expected = shards.clone();
            expected.sort_unstable();
            expected.dedup();
            let set = ShardSet::new(shards, count as usize);
            let mut seen = Vec::new();
            set.for_each(|s| seen.push(s as u32));
            assert_eq!(seen, expected, "{size} of {count}");
            let bitset = 1 + (count as usize).div_ceil(8);
            let list = ShardSet(
                std::iter::once(LIST)
                    .chain(deltas(&expected).flat_map(|d| {
                        let mut bytes = Vec::new();
                        put_varint(&mut bytes, u64::from(d));
                        bytes
                    }))
                    .collect(),
            );
            let shortest = bitset.min(list.0.len()).min(rice(&expected, count as usize).len());
            assert_eq!(set.0.len(), shortest, "{size} of {count}");
            let mut folded = Vec::new();
            set.fold_to(16).for_each(|s| folded.push(s as u32));
            let mut expected_folded: Vec<u32> = expected.iter().map(|s| s % 16).collect();
            expected_folded.sort_unstable();
            expected_folded.dedup();
            assert_eq!(folded, expected_folded, "{size} of {count}, folded");
        }
        // A long notice's thousand-odd shards among 16,384 take the Rice code, about half a bitset.
        let long = ShardSet::new((0..1500).map(|_| random(16_384)).collect(), 16_384);
        assert_eq!(long.0[0], RICE);
        assert!(long.0.len() < 1200, "{}", long.0.len());
        // A code cut short gives what it holds, and no more.
        let mut whole = Vec::new();
        long.for_each(|s| whole.push(s));
        let mut cut = Vec::new();
        ShardSet(long.0[..long.0.len() / 2].into()).for_each(|s| cut.push(s));
        assert!(!cut.is_empty() && cut.len() < whole.len() && whole.starts_with(&cut));
        // Damage the checksum did not catch: a parameter no code has reads as nothing, and a
        // shard past the count is not one to make again.
        let mut read = Vec::new();
        ShardSet(vec![RICE, 64, 1, 0xff, 0xff].into()).for_each(|s| read.push(s));
        assert!(read.is_empty(), "{read:?}");
        let past = DocTerms {
            shards: ShardSet::new(vec![5000], 16_384),
            digest: vec![1; 2 * DIGEST_BUCKETS].into(),
        };
        let mut changed = Vec::new();
        past.each_shard_changed(&DocTerms::default(), 64, |s, _| changed.push(s));
        assert!(changed.is_empty(), "{changed:?}");
    }

    /// A document's entries, each `(term hash, what the entry is)`, for `count` shards.
    fn doc_terms(entries: &[(u32, &str)], count: usize) -> DocTerms {
        let mut builder = DocTermsBuilder::new(count);
        for &(hash, term) in entries {
            builder.add(term, hash, Some(1), &[hash]);
        }
        builder.finish()
    }

    /// The shards whose files changed, with both files.
    fn changed(old: &DocTerms, new: &DocTerms, count: usize) -> Vec<usize> {
        let (terms, phrases) = changed_files(old, new, count);
        assert_eq!(terms, phrases, "entries whose weight and places change alike");
        terms
    }

    /// The shards whose term files changed, and those whose phrase files did.
    fn changed_files(old: &DocTerms, new: &DocTerms, count: usize) -> (Vec<usize>, Vec<usize>) {
        let (mut terms, mut phrases) = (Vec::new(), Vec::new());
        old.each_shard_changed(new, count, |s, file| match file {
            ShardFile::Terms => terms.push(s),
            ShardFile::Phrases => phrases.push(s),
        });
        terms.sort_unstable();
        phrases.sort_unstable();
        (terms, phrases)
    }

    #[test]
    fn an_edit_changes_the_shards_of_the_buckets_it_touched_and_no_others() {
        let count = 256;
        let old = doc_terms(&[(3, "a"), (67, "b"), (200, "c"), (1000, "d")], count);
        // Nothing changed: no shard.
        assert_eq!(changed(&old, &old.clone(), count), Vec::<usize>::new());
        // The entries in one order or another are the same entries.
        let reordered = doc_terms(&[(1000, "d"), (200, "c"), (67, "b"), (3, "a")], count);
        assert_eq!(changed(&old, &reordered, count), Vec::<usize>::new());
        // "b" (hash 67, bucket 3) changed: the shards of bucket 3 that either version is in,
        // 3 and 67, and no other.
        let edited = doc_terms(&[(3, "a"), (67, "b2"), (200, "c"), (1000, "d")], count);
        assert_eq!(changed(&old, &edited, count), vec![3, 67]);
        // A term added in a shard of a bucket that changed nowhere else.
        let added = doc_terms(&[(3, "a"), (67, "b"), (200, "c"), (1000, "d"), (130, "e")], count);
        assert_eq!(changed(&old, &added, count), vec![130]);
        // A term gone: its shard, though the new version is not in it.
        let removed = doc_terms(&[(3, "a"), (67, "b"), (200, "c")], count);
        assert_eq!(changed(&old, &removed, count), vec![1000 & (count - 1)]);
    }

    #[test]
    fn a_word_moved_changes_where_terms_stand_and_a_weight_changed_their_postings() {
        let count = 256;
        let entries = |b: (Option<u8>, &[u32])| {
            let mut builder = DocTermsBuilder::new(count);
            builder.add("a", 3, Some(2), &[1, 9]);
            builder.add("b", 70, b.0, b.1);
            builder.add("c", 200, None, &[4]);
            builder.finish()
        };
        let old = entries((Some(1), &[5]));
        // "b" moved: the phrase file of its shard only.
        assert_eq!(changed_files(&old, &entries((Some(1), &[6])), count), (vec![], vec![70]));
        // "b" weighs more where it stood: the term file only.
        assert_eq!(changed_files(&old, &entries((Some(3), &[5])), count), (vec![70], vec![]));
        // "b" no longer has a posting, only places: both (a pair is named in the phrase file).
        assert_eq!(changed_files(&old, &entries((None, &[5])), count), (vec![70], vec![70]));
        // A digest of the former layout, one half: every shard, both files.
        let former = DocTerms { digest: old.digest[..DIGEST_BUCKETS].into(), ..old.clone() };
        assert_eq!(changed_files(&former, &old, count), (vec![3, 70, 200], vec![3, 70, 200]));
    }

    #[test]
    fn with_fewer_shards_than_buckets_a_shard_holds_several_buckets() {
        let count = 16;
        let old = doc_terms(&[(3, "a"), (40, "b"), (5, "c")], count);
        // "b" is in bucket 40 and shard 8.
        let edited = doc_terms(&[(3, "a"), (40, "b2"), (5, "c")], count);
        assert_eq!(changed(&old, &edited, count), vec![8]);
        // Folded from more shards, the digest still tells the same.
        let (wide_old, wide_new) =
            (doc_terms(&[(3, "a"), (40, "b")], 256), doc_terms(&[(3, "a"), (40, "x")], 256));
        assert_eq!(changed(&wide_old.fold_to(16), &wide_new.fold_to(16), 16), vec![8]);
    }

    proptest::proptest! {
        /// A document's shards gathered as bits are the set its terms' shards make, listed,
        /// sorted and without repeats, as before bits: the same bytes in the state.
        #[test]
        fn shards_gathered_as_bits_are_the_sorted_set(
            hashes in proptest::collection::vec(proptest::prelude::any::<u32>(), 0..300),
            power in 4u32..14,
        ) {
            let count = 1usize << power;
            let mut builder = DocTermsBuilder::new(count);
            for &hash in &hashes {
                builder.add("t", hash, Some(1), &[]);
            }
            let listed: Vec<u32> = hashes.iter().map(|hash| hash & (count as u32 - 1)).collect();
            proptest::prop_assert_eq!(builder.finish().shards, ShardSet::new(listed, count));
        }
    }
}
