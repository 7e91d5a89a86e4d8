//! How values are written into a build state when serde's plain way would be slow to read
//! back: byte strings as one ([`as_bytes`]), and values kept as their encoding until asked
//! for ([`Deferred`]), for what a build that changes little need not look at. Where the state
//! lies and how it is checked is `output::state`'s.

use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A byte string kept as one (not as a sequence of numbers, which an encoder writes one at a
/// time), for `#[serde(with = "crate::saved::as_bytes")]` on an `Arc<[u8]>`.
pub mod as_bytes {
    use serde::{Deserializer, Serializer, de};
    use std::sync::Arc;

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<[u8]>, D::Error> {
        deserializer.deserialize_bytes(Bytes).map(Arc::from)
    }

    /// Reads a byte string, from an encoder that writes one as one or as a sequence.
    pub struct Bytes;

    impl<'de> de::Visitor<'de> for Bytes {
        type Value = Vec<u8>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("bytes")
        }

        fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Vec<u8>, E> {
            Ok(bytes.to_vec())
        }

        fn visit_byte_buf<E: de::Error>(self, bytes: Vec<u8>) -> Result<Vec<u8>, E> {
            Ok(bytes)
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
            let mut bytes = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(byte) = seq.next_element()? {
                bytes.push(byte);
            }
            Ok(bytes)
        }
    }
}

/// A value written as its own encoding (a byte string) and, when read back, kept so until
/// it is first asked for: for what a build state holds of every notice but a build that
/// changes few notices need not look at (a notice's references: its links are reused, and
/// `api/notices.json` is fingerprinted by a digest of them kept beside). Reading a hundred
/// thousand notices' references back costs more than the rest of those notices; copying
/// their bytes costs little. A state is checked by its hash before anything in it is read,
/// and is read only by a Gazette of the same source and crates as the one that wrote it: its
/// saved values decode.
///
/// Any serializer sees it as that byte string, not as the value: what needs the value, for
/// a page or a hash, takes it by dereferencing (or [`Deferred::get`]).
#[derive(Clone)]
pub struct Deferred<T> {
    value: OnceLock<T>,
    /// Its encoding, as a state kept it: written again as it is.
    saved: Option<Box<[u8]>>,
}

impl<T: Serialize + DeserializeOwned> Deferred<T> {
    pub fn new(value: T) -> Deferred<T> {
        Deferred { value: OnceLock::from(value), saved: None }
    }

    /// The value, decoded the first time from what a state kept.
    pub fn get(&self) -> &T {
        // Made with its value, or read with its encoding: without the one, there is the other.
        self.value.get_or_init(|| {
            let saved = self.saved.as_deref().expect("a value or its encoding");
            postcard::from_bytes(saved).expect("a value saved by this Gazette in a state checked by its hash")
        })
    }

    /// The value to change: what a state kept of it no longer holds.
    pub fn get_mut(&mut self) -> &mut T {
        self.get();
        self.saved = None;
        self.value.get_mut().expect("decoded")
    }

    pub fn into_inner(mut self) -> T {
        self.get();
        self.value.take().expect("decoded")
    }

    /// Whether it is still as a state kept it, not decoded.
    #[cfg(test)]
    fn is_saved(&self) -> bool {
        self.value.get().is_none()
    }
}

impl<T: Serialize + DeserializeOwned + Default> Default for Deferred<T> {
    fn default() -> Self {
        Deferred::new(T::default())
    }
}

impl<T: Serialize + DeserializeOwned> std::ops::Deref for Deferred<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.get()
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Deferred<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.value.get(), &self.saved) {
            (Some(value), _) => value.fmt(f),
            (None, saved) => write!(f, "<{} bytes saved>", saved.as_deref().map_or(0, <[u8]>::len)),
        }
    }
}

impl<T: Serialize> Serialize for Deferred<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // One or the other is always there: made with its value, or read with its encoding.
        match (&self.saved, self.value.get()) {
            (Some(saved), _) => serializer.serialize_bytes(saved),
            (None, Some(value)) => {
                let bytes = postcard::to_allocvec(value).map_err(serde::ser::Error::custom)?;
                serializer.serialize_bytes(&bytes)
            }
            (None, None) => {
                Err(serde::ser::Error::custom("a deferred value with neither value nor encoding"))
            }
        }
    }
}

impl<'de, T> Deserialize<'de> for Deferred<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let saved = deserializer.deserialize_bytes(as_bytes::Bytes)?;
        Ok(Deferred { value: OnceLock::new(), saved: Some(saved.into_boxed_slice()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through_a_state<T: Serialize + DeserializeOwned>(value: &T) -> T {
        postcard::from_bytes(&postcard::to_allocvec(value).unwrap()).unwrap()
    }

    #[test]
    fn a_deferred_value_is_read_back_when_asked_for_and_saved_again_as_it_was() {
        let value = Deferred::new(vec![("Điều 5".to_string(), 3u32), ("khoản 2".to_string(), 7)]);
        let bytes = postcard::to_allocvec(&value).unwrap();
        let read: Deferred<Vec<(String, u32)>> = postcard::from_bytes(&bytes).unwrap();
        assert!(read.is_saved());
        // Saved again without being decoded: the same bytes.
        assert_eq!(postcard::to_allocvec(&read).unwrap(), bytes);
        assert_eq!(*read, *value);
        assert!(!read.is_saved());
        // Changed after being read back: saved as changed, not as it was read.
        let mut changed = through_a_state(&value);
        changed.get_mut().push(("Điều 9".to_string(), 1));
        assert_eq!(through_a_state(&changed).into_inner().len(), 3);
    }

    #[test]
    fn a_deferred_value_inside_others_keeps_them_apart() {
        // What follows a saved value is read as itself, not as part of it.
        let pair = (Deferred::new(vec![1u64, 2, 3]), "sau".to_string(), Deferred::new(Vec::<u64>::new()));
        let (first, after, last) = through_a_state(&pair);
        assert_eq!(
            (first.into_inner(), after, last.into_inner()),
            (vec![1, 2, 3], "sau".to_string(), vec![])
        );
    }
}
