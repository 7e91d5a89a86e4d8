//! Authoring: commands that write notices into `content/` rather than read them: `new` (a
//! draft with the next free number) and `import` (a signed Word notice).

pub mod import;
pub mod init;
pub mod new;
