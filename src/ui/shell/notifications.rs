//! Notifications, as the portal shows them: what just finished or failed, dismissable, in a
//! live region so screen readers announce them.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Success,
    Failure,
    Information,
    /// Allowed, with a consequence to know (R28).
    Warning,
}

impl Tone {
    fn word(self) -> &'static str {
        match self {
            Tone::Success => "Succeeded",
            Tone::Failure => "Failed",
            Tone::Information => "Done",
            Tone::Warning => "Warning",
        }
    }

    fn class(self) -> &'static str {
        match self {
            Tone::Success => "notice notice-success",
            Tone::Failure => "notice notice-failure",
            Tone::Information => "notice notice-information",
            Tone::Warning => "notice notice-warning",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Notice {
    id: u32,
    tone: Tone,
    text: String,
}

/// The notices on screen; the three newest are kept.
#[derive(Clone, Copy)]
pub struct Notifications {
    notices: RwSignal<Vec<Notice>>,
    next_id: StoredValue<u32>,
}

const SHOWN: usize = 3;

/// How long a notice stays, as the portal's do.
const SHOWN_FOR_MS: u32 = 8_000;

impl Notifications {
    pub fn new() -> Notifications {
        Notifications {
            notices: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        }
    }

    pub fn push(&self, tone: Tone, text: impl Into<String>) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let text = text.into();
        self.notices.update(|notices| {
            notices.push(Notice { id, tone, text });
            let excess = notices.len().saturating_sub(SHOWN);
            notices.drain(..excess);
        });
        let notifications = *self;
        gloo_timers::callback::Timeout::new(SHOWN_FOR_MS, move || notifications.dismiss(id))
            .forget();
    }

    fn dismiss(&self, id: u32) {
        // The app may be gone when a timeout fires (a test unmounts it): nothing to do then.
        let _ = self
            .notices
            .try_update(|notices| notices.retain(|notice| notice.id != id));
    }
}

#[component]
pub fn NotificationArea(notifications: Notifications) -> impl IntoView {
    view! {
        <section class="notifications" aria-label="Notifications" aria-live="polite">
            <For
                each=move || notifications.notices.get()
                key=|notice| notice.id
                children=move |notice| {
                    let id = notice.id;
                    view! {
                        <div class=notice.tone.class()>
                            <strong>{notice.tone.word()}</strong>
                            <span>{notice.text}</span>
                            <button
                                type="button"
                                class="notice-dismiss"
                                aria-label="Dismiss notification"
                                on:click=move |_| notifications.dismiss(id)
                            >
                                "×"
                            </button>
                        </div>
                    }
                }
            />
        </section>
    }
}
