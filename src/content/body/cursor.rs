//! Positions in a body's source: byte offsets turned into lines and columns, reading each
//! stretch of text once.

/// A place in a text as byte offset, line and column (from 1, column in characters), moved
/// forward by reading only the text in between; asked for an earlier place, it starts over.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cursor {
    offset: usize,
    line: usize,
    column: usize,
}

impl Default for Cursor {
    fn default() -> Self {
        Cursor { offset: 0, line: 1, column: 1 }
    }
}

impl Cursor {
    /// Line and column of `offset` in `text`.
    pub(super) fn advance(&mut self, text: &str, offset: usize) -> (usize, usize) {
        if offset < self.offset {
            *self = Cursor::default();
        }
        let between = &text[self.offset..offset];
        match between.rfind('\n') {
            Some(last) => {
                self.line += between.bytes().filter(|&b| b == b'\n').count();
                self.column = between[last + 1..].chars().count() + 1;
            }
            None => self.column += between.chars().count(),
        }
        self.offset = offset;
        (self.line, self.column)
    }
}
