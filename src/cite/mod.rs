//! Citations as text: the number grammar and the citation grammar.
//!
//! [`number`] parses one notice number and gives its canonical key and the table of type codes;
//! [`grammar`] finds the numbers running text cites, with the type word before each and the
//! date after it; [`provision`] reads the article, clause and point cited next to a number or
//! of the notice itself, and names the anchors of articles and clauses. Text in, values out: which archived notice a citation names is `archive`'s.

pub mod grammar;
pub mod number;
pub mod provision;
