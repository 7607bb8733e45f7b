//! The running lab: the subscription in a signal, every command sent through [`Lab::run`],
//! saved to localStorage after each change and shared with other tabs.

use leptos::prelude::*;

use crate::exchange::az_cli::apply_logged;
use crate::model::entities::clock::Instant;
use crate::model::{Command, CommandError, Event, Subscription};
use crate::store;
use crate::ui::browser::storage::{self, WriteFailure};
use crate::ui::derived::Derived;
use crate::ui::route::Route;
use crate::ui::shell::{Notifications, Tone};

/// Why what is on screen may not be what is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// Stored data could not be read; it was kept under `backup_key`.
    Unreadable { reason: String, backup_key: String },
    /// The last change could not be saved.
    NotSaved(WriteFailure),
}

/// A refused command of this session, for the activity log (refusals change no state, so the
/// subscription's own log has only successes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub at: Instant,
    pub text: String,
}

#[derive(Clone, Copy)]
pub struct Lab {
    pub subscription: RwSignal<Subscription>,
    revision: StoredValue<u64>,
    pub notifications: Notifications,
    pub storage_problem: RwSignal<Option<StorageProblem>>,
    pub refusals: RwSignal<Vec<Refusal>>,
}

/// The first free backup key, so an earlier backup is never overwritten.
fn free_backup_key() -> String {
    (1..)
        .map(|n| {
            if n == 1 {
                store::BACKUP_KEY.to_string()
            } else {
                format!("{}-{n}", store::BACKUP_KEY)
            }
        })
        .find(|key| storage::read(key).is_none())
        .expect("an unbounded range has a free key")
}

impl Lab {
    /// Loads the saved subscription, or the sample on first open. Unreadable data is copied to a
    /// backup key before anything else is written.
    pub fn load() -> Lab {
        let mut problem = None;
        let (subscription, revision) = match storage::read(store::STATE_KEY) {
            None => (Subscription::sample(), 0),
            Some(text) => match store::decode::<Subscription>(&text) {
                Ok(decoded) => (decoded.state, decoded.revision),
                Err(error) => {
                    let backup_key = free_backup_key();
                    problem = Some(match storage::write(&backup_key, &text) {
                        Ok(()) => {
                            storage::remove(store::STATE_KEY);
                            StorageProblem::Unreadable {
                                reason: error.to_string(),
                                backup_key,
                            }
                        }
                        Err(failure) => StorageProblem::NotSaved(failure),
                    });
                    (Subscription::sample(), 0)
                }
            },
        };
        Lab {
            subscription: RwSignal::new(subscription),
            revision: StoredValue::new(revision),
            notifications: Notifications::new(),
            storage_problem: RwSignal::new(problem),
            refusals: RwSignal::new(Vec::new()),
        }
    }

    /// Takes a newer state another tab saved, if there is one.
    pub fn catch_up(&self) {
        let Some(text) = storage::read(store::STATE_KEY) else {
            return;
        };
        if let Ok(decoded) = store::decode::<Subscription>(&text) {
            if decoded.revision > self.revision.get_value() {
                self.revision.set_value(decoded.revision);
                self.subscription.set(decoded.state);
            }
        }
    }

    /// Applies `command` to the latest state (another tab's, if newer), saves, and notifies.
    pub fn run(&self, command: Command) -> Result<Event, CommandError> {
        self.catch_up();
        let quiet = matches!(command, Command::AdvanceClock { .. });
        let mut next = self.subscription.get_untracked();
        match apply_logged(&mut next, command) {
            Ok(event) => {
                self.subscription.set(next);
                self.save();
                if !quiet {
                    self.notifications
                        .push(Tone::Success, event.summary.clone());
                }
                for finished in &event.finished {
                    self.notifications
                        .push(Tone::Information, finished.text.clone());
                }
                for line in &event.warnings {
                    self.notifications.push(Tone::Warning, line.clone());
                }
                Ok(event)
            }
            Err(error) => {
                let at = self.subscription.with_untracked(Subscription::now);
                self.refusals.update(|refusals| {
                    refusals.push(Refusal {
                        at,
                        text: error.to_string(),
                    })
                });
                self.notifications.push(Tone::Failure, error.to_string());
                Err(error)
            }
        }
    }

    /// A value derived from the subscription that notifies only when it changes, so a view
    /// built on it is not rebuilt by every tick of the simulated clock.
    pub fn derive<T: PartialEq + Send + Sync + 'static>(
        &self,
        f: impl Fn(&Subscription) -> T + Send + Sync + 'static,
    ) -> Derived<T> {
        Derived::of(self.subscription, f)
    }

    /// Runs `command` for a form: a refusal becomes the message shown beside its fields.
    pub fn submit(&self, command: Command) -> Result<(), String> {
        self.run(command)
            .map(|_| ())
            .map_err(|error| error.to_string())
    }

    /// The subscription as a file to keep: the stored document, schema version included.
    pub fn export(&self) -> String {
        let revision = self.revision.get_value();
        self.subscription
            .with_untracked(|subscription| store::encode(subscription, revision))
    }

    /// Reads an exported file or a share link's document, `what` naming it in the message. What
    /// cannot be read changes nothing; the error says which field is wrong and why.
    pub fn read_document(text: &str, what: &str) -> Result<Subscription, String> {
        store::decode::<Subscription>(text)
            .map(|decoded| decoded.state)
            .map_err(|error| format!("The {what} was not opened and nothing changed: {error}."))
    }

    /// A link that opens this subscription in another browser, or why there is none.
    pub fn share_link(&self) -> Result<String, String> {
        let data = store::to_fragment(&self.export()).map_err(|error| error.to_string())?;
        let href = window().location().href().unwrap_or_default();
        let page = href.split('#').next().unwrap_or_default();
        Ok(format!("{page}{}", Route::Share(data).href()))
    }

    /// Replaces the whole subscription (reset, start empty, import) and saves it.
    pub fn replace(&self, subscription: Subscription) {
        self.subscription.set(subscription);
        self.save();
    }

    fn save(&self) {
        let revision = self.revision.get_value() + 1;
        let text = self
            .subscription
            .with_untracked(|subscription| store::encode(subscription, revision));
        match storage::write(store::STATE_KEY, &text) {
            Ok(()) => {
                self.revision.set_value(revision);
                if matches!(
                    self.storage_problem.get_untracked(),
                    Some(StorageProblem::NotSaved(_))
                ) {
                    self.storage_problem.set(None);
                }
            }
            Err(failure) => self
                .storage_problem
                .set(Some(StorageProblem::NotSaved(failure))),
        }
    }
}

pub fn use_lab() -> Lab {
    expect_context::<Lab>()
}
