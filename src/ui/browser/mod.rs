//! What the lab asks of the browser beyond drawing: storage, files, the clipboard, dialogs.
//! Kept apart from components, so a view says what it wants and these say how.

pub mod clipboard;
pub mod confirm;
pub mod download;
pub mod storage;
