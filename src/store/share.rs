//! The share link: the stored document in the URL fragment, `#/share/<base64url>`, so another
//! browser opens the same subscription. Too large a document is refused, with the export named
//! as the way instead.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD as BASE64URL;
use base64::Engine;

/// The longest fragment a link carries: browsers take more, but mail and chat tools cut links
/// long before.
pub const MAX_SHARE_CHARS: usize = 32_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    TooLarge { chars: usize },
    NotALink,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLarge { chars } => write!(
                f,
                "This subscription is too large for a link ({chars} characters; a link holds {MAX_SHARE_CHARS}): export it as a file and import that in the other browser"
            ),
            ShareError::NotALink => write!(
                f,
                "This share link is damaged (it is not base64url): copy the whole link again"
            ),
        }
    }
}

/// The fragment's data part for `document`.
pub fn to_fragment(document: &str) -> Result<String, ShareError> {
    let data = BASE64URL.encode(document);
    if data.len() > MAX_SHARE_CHARS {
        return Err(ShareError::TooLarge { chars: data.len() });
    }
    Ok(data)
}

/// The document a link's data part carries; [`super::decode`] then reads it.
pub fn from_fragment(data: &str) -> Result<String, ShareError> {
    BASE64URL
        .decode(data)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or(ShareError::NotALink)
}
