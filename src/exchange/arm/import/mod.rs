//! Reading templates.
