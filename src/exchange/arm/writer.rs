//! The template's root as serde writes it: the resources go to the writer one by one as they are
//! built, so the large export never holds a `Value` of every resource (R38's 200 ms). Its keys
//! come in sorted order, as a `serde_json::Map` would write them, so the bytes are those of the
//! template's `Value`.

use std::cell::Cell;

use serde::ser::{Error as _, SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::exchange::arm::lab_metadata::VnetLab;
use crate::exchange::arm::template::{every_resource, parameters, CONTENT_VERSION, SCHEMA};
use crate::model::Subscription;

/// The template of a subscription; `written` counts the resources as they go to the writer,
/// so ARM's limit of resources is told without building the template again.
pub(super) struct Document<'a> {
    pub subscription: &'a Subscription,
    pub written: Cell<usize>,
}

impl<'a> Document<'a> {
    pub(super) fn of(subscription: &'a Subscription) -> Document<'a> {
        Document {
            subscription,
            written: Cell::new(0),
        }
    }
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Through a `Value`, whose maps sort the metadata's fields.
        let metadata =
            serde_json::to_value(VnetLab::of(self.subscription)).map_err(S::Error::custom)?;
        let parameters = parameters(self.subscription);
        let mut root = serializer.serialize_map(Some(4 + usize::from(parameters.is_some())))?;
        root.serialize_entry("$schema", SCHEMA)?;
        root.serialize_entry("contentVersion", CONTENT_VERSION)?;
        root.serialize_entry(
            "metadata",
            &Map::from_iter([("vnetLab".to_string(), metadata)]),
        )?;
        if let Some(parameters) = parameters {
            root.serialize_entry("parameters", &parameters)?;
        }
        root.serialize_entry("resources", &AllResources(self))?;
        root.end()
    }
}

struct AllResources<'d, 'a>(&'d Document<'a>);

impl Serialize for AllResources<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut resources = Resources {
            list: serializer.serialize_seq(None)?,
            failed: None,
            count: 0,
        };
        every_resource(self.0.subscription, &mut resources);
        self.0.written.set(resources.count);
        match resources.failed {
            Some(error) => Err(error),
            None => resources.list.end(),
        }
    }
}

/// The `resources` array being written; the first error stops the writing.
pub(super) struct Resources<S: SerializeSeq> {
    list: S,
    failed: Option<S::Error>,
    count: usize,
}

impl<S: SerializeSeq> Resources<S> {
    pub(super) fn push(&mut self, resource: Value) {
        if self.failed.is_none() {
            self.failed = self.list.serialize_element(&resource).err();
            self.count += 1;
        }
    }
}
