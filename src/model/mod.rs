//! The domain model. No browser or UI types here.
