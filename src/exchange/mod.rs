//! Azure's own formats, read and written (SPEC §11). Pure, like the model: no browser types.

pub mod arm;
