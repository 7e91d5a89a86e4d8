//! What each document gives the term shards, by document id, as a build state keeps it: in
//! pieces of [`DocTermsKept::PER_PIECE`] documents, the last one shorter. A piece read back
//! from a state stays as its bytes until a document of it is looked up, and goes into the next
//! state as those very bytes when none of its documents changed or moved. At a hundred thousand
//! documents they are some 180 MB in twenty pieces, of which an edit changes one: each build
//! decoded every piece, and encoded it again to hash it.
//!
//! How the pieces are named, written and read is the build state's (`output::state`); this
//! module owns only their contents.

use std::sync::{Arc, OnceLock};

use super::DocTerms;

/// The documents' terms of an index, by document id, in pieces.
#[derive(Debug, Clone, Default)]
pub struct DocTermsKept {
    pieces: Vec<DocTermsPiece>,
    len: usize,
}

/// One piece of [`DocTermsKept`].
#[derive(Debug, Clone)]
pub enum DocTermsPiece {
    /// As read back from a state: its bytes with their hash (the piece's name), decoded when a
    /// document of it is first looked up (`None` when they do not decode as the piece).
    Encoded { name: u64, bytes: Arc<Vec<u8>>, decoded: Arc<OnceLock<Option<Vec<DocTerms>>>> },
    /// Made in this build.
    Made(Vec<DocTerms>),
}

impl DocTermsKept {
    /// Documents in a piece.
    pub const PER_PIECE: usize = 5000;

    /// The terms made in this build, by document id.
    pub fn made(items: Vec<DocTerms>) -> DocTermsKept {
        let len = items.len();
        let mut pieces = Vec::with_capacity(len.div_ceil(Self::PER_PIECE));
        let mut items = items.into_iter();
        while pieces.len() * Self::PER_PIECE < len {
            pieces.push(DocTermsPiece::Made(items.by_ref().take(Self::PER_PIECE).collect()));
        }
        DocTermsKept { pieces, len }
    }

    /// The terms of `len` documents as a state keeps them: its pieces by name with their bytes,
    /// in order. `None` when there are not as many pieces as `len` documents take.
    pub fn encoded(pieces: Vec<(u64, Vec<u8>)>, len: usize) -> Option<DocTermsKept> {
        (pieces.len() == len.div_ceil(Self::PER_PIECE)).then(|| DocTermsKept {
            pieces: (pieces.into_iter())
                .map(|(name, bytes)| DocTermsPiece::Encoded {
                    name,
                    bytes: Arc::new(bytes),
                    decoded: Arc::default(),
                })
                .collect(),
            len,
        })
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn pieces(&self) -> &[DocTermsPiece] {
        &self.pieces
    }

    /// The terms of document `doc`; `None` past the end, or when its piece does not decode.
    pub fn get(&self, doc: usize) -> Option<&DocTerms> {
        let at = doc / Self::PER_PIECE;
        self.items_of(at)?.get(doc - at * Self::PER_PIECE)
    }

    /// Every document's terms, in order: what a state would read back. `None` when a piece
    /// does not decode.
    #[cfg(test)]
    pub fn to_vec(&self) -> Option<Vec<DocTerms>> {
        let pieces: Option<Vec<&[DocTerms]>> = (0..self.pieces.len()).map(|at| self.items_of(at)).collect();
        Some(pieces?.concat())
    }

    /// The documents of piece `at`, decoded when it is as read.
    fn items_of(&self, at: usize) -> Option<&[DocTerms]> {
        let expected = self.len.saturating_sub(at * Self::PER_PIECE).min(Self::PER_PIECE);
        match self.pieces.get(at)? {
            DocTermsPiece::Made(items) => Some(items),
            DocTermsPiece::Encoded { bytes, decoded, .. } => {
                decoded.get_or_init(|| decode(bytes).filter(|items| items.len() == expected)).as_deref()
            }
        }
    }

    /// The terms of the next build's `len` documents, of which `fresh` come anew (by document
    /// id) and the others are those of the document of these `same` names (by document id), if
    /// any. A piece whose documents all stay where they are, as they were, is this one's very
    /// piece. `None` when a document's terms that it takes from here cannot be looked up.
    pub fn updated(&self, fresh: &[Option<DocTerms>], same: &[Option<u32>]) -> Option<DocTermsKept> {
        let len = fresh.len();
        let mut pieces = Vec::with_capacity(len.div_ceil(Self::PER_PIECE));
        for at in 0..len.div_ceil(Self::PER_PIECE) {
            let docs = at * Self::PER_PIECE..(len.min((at + 1) * Self::PER_PIECE));
            let made = &fresh[docs.clone()];
            let in_place =
                docs.clone().zip(made).all(|(doc, made)| made.is_none() && same[doc] == Some(doc as u32));
            let same_piece = self.len.min((at + 1) * Self::PER_PIECE) == docs.end;
            if in_place
                && same_piece
                && let Some(piece) = self.pieces.get(at)
            {
                pieces.push(piece.clone());
                continue;
            }
            let items = docs.zip(made).map(|(doc, made)| match made {
                Some(made) => Some(made.clone()),
                None => match same[doc] {
                    Some(old) => self.get(old as usize).cloned(),
                    None => Some(DocTerms::default()),
                },
            });
            pieces.push(DocTermsPiece::Made(items.collect::<Option<_>>()?));
        }
        Some(DocTermsKept { pieces, len })
    }
}

/// The documents of a piece from its bytes, which hold them and nothing more.
fn decode(bytes: &[u8]) -> Option<Vec<DocTerms>> {
    match postcard::take_from_bytes::<Vec<DocTerms>>(bytes) {
        Ok((items, [])) => Some(items),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PER: usize = DocTermsKept::PER_PIECE;

    /// `len` documents numbered from 0, as a state reads them back.
    fn read_back(len: usize) -> DocTermsKept {
        let made = DocTermsKept::made((0..len as u32).map(DocTerms::numbered).collect());
        let pieces = made.pieces().iter().enumerate().map(|(at, piece)| match piece {
            DocTermsPiece::Made(items) => (at as u64, postcard::to_allocvec(items).unwrap()),
            DocTermsPiece::Encoded { .. } => unreachable!("made"),
        });
        DocTermsKept::encoded(pieces.collect(), len).unwrap()
    }

    /// The name of each piece as read back, `None` for one made anew.
    fn names(kept: &DocTermsKept) -> Vec<Option<u64>> {
        let name = |piece: &DocTermsPiece| match piece {
            DocTermsPiece::Encoded { name, .. } => Some(*name),
            DocTermsPiece::Made(_) => None,
        };
        kept.pieces().iter().map(name).collect()
    }

    #[test]
    fn documents_are_looked_up_in_their_pieces_and_come_back_in_order() {
        let kept = read_back(2 * PER + 3);
        assert_eq!((kept.len(), kept.pieces().len()), (2 * PER + 3, 3));
        assert_eq!(kept.get(PER + 1), Some(&DocTerms::numbered(PER as u32 + 1)));
        assert_eq!(kept.get(2 * PER + 3), None, "past the end");
        let all: Vec<DocTerms> = (0..2 * PER as u32 + 3).map(DocTerms::numbered).collect();
        assert_eq!(kept.to_vec(), Some(all));
        // As many pieces as the documents take, or none.
        assert!(DocTermsKept::encoded(vec![(0, Vec::new())], PER + 1).is_none());
    }

    #[test]
    fn a_piece_that_does_not_decode_as_its_documents_is_never_taken_for_them() {
        let good = read_back(PER + 2);
        let DocTermsPiece::Encoded { bytes, .. } = &good.pieces()[1] else { unreachable!() };
        let short = postcard::to_allocvec(&[DocTerms::numbered(1)]).unwrap();
        for bad in [vec![0xff; 7], short, [bytes.as_slice(), &[0]].concat()] {
            let first = match &good.pieces()[0] {
                DocTermsPiece::Encoded { bytes, .. } => bytes.to_vec(),
                DocTermsPiece::Made(_) => unreachable!(),
            };
            let kept = DocTermsKept::encoded(vec![(0, first), (1, bad)], PER + 2).unwrap();
            assert!(kept.get(3).is_some(), "the other piece stands");
            assert_eq!(kept.get(PER), None);
            assert_eq!(kept.to_vec(), None);
            let fresh = vec![None; PER + 2];
            let same: Vec<Option<u32>> = (0..PER as u32 + 2).map(Some).collect();
            // Kept as it is, undecoded, where nothing of it moved; else it is needed.
            assert!(kept.updated(&fresh, &same).is_some());
            let mut changed = fresh.clone();
            changed[0] = Some(DocTerms::numbered(9));
            changed[PER] = Some(DocTerms::numbered(9));
            changed[PER + 1] = Some(DocTerms::numbered(9));
            assert!(kept.updated(&changed, &same).is_some(), "every document of the bad piece comes anew");
            changed[PER] = None;
            assert!(kept.updated(&changed, &same).is_none());
        }
    }

    #[test]
    fn only_pieces_whose_documents_all_stay_in_place_are_kept_as_read() {
        let len = 3 * PER + 10;
        let old = read_back(len);
        let in_place: Vec<Option<u32>> = (0..len as u32).map(Some).collect();
        let nothing = vec![None; len];
        assert_eq!(names(&old.updated(&nothing, &in_place).unwrap()), [Some(0), Some(1), Some(2), Some(3)]);
        // One document edited in the second piece.
        let mut edited = nothing.clone();
        edited[PER + 4] = Some(DocTerms::numbered(7));
        let next = old.updated(&edited, &in_place).unwrap();
        assert_eq!(names(&next), [Some(0), None, Some(2), Some(3)]);
        let mut expected: Vec<DocTerms> = (0..len as u32).map(DocTerms::numbered).collect();
        expected[PER + 4] = DocTerms::numbered(7);
        assert_eq!(next.to_vec(), Some(expected.clone()));
        // One document gone from the first piece: every later document moves up one.
        let same: Vec<Option<u32>> = (0..len as u32 - 1).map(|doc| Some(doc + u32::from(doc >= 5))).collect();
        let next = old.updated(&nothing[1..], &same).unwrap();
        assert_eq!(names(&next), [None, None, None, None]);
        expected.remove(5);
        expected[PER + 3] = DocTerms::numbered(PER as u32 + 4);
        assert_eq!(next.to_vec(), Some(expected));
        // One more document: the last piece grows, the others stand.
        let mut grown = same_len(len + 1);
        (grown.0[len], grown.1[len]) = (None, Some(DocTerms::numbered(1)));
        assert_eq!(names(&old.updated(&grown.1, &grown.0).unwrap()), [Some(0), Some(1), Some(2), None]);
        // A document new where none was: no terms of the old state are taken for it.
        let mut new = nothing.clone();
        new[2] = None;
        let mut same_but_one = in_place.clone();
        same_but_one[2] = None;
        let next = old.updated(&new, &same_but_one).unwrap();
        assert_eq!(next.get(2), Some(&DocTerms::default()));
    }

    /// For `len` documents, the first ones in place of an old state's: its `same`, and no terms
    /// made anew.
    fn same_len(len: usize) -> (Vec<Option<u32>>, Vec<Option<DocTerms>>) {
        ((0..len as u32).map(Some).collect(), vec![None; len])
    }
}
