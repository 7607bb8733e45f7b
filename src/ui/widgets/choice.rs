//! A typed choice: options are values of the model (ids, tiers, regions, roles, protocols) with
//! the words shown for them, and what is picked is one of those values. The page's `<select>`
//! carries only an option's position, never a label or a name to be read back.
//!
//! Inside, the values are held erased (compared by their own `PartialEq`), so one `Select`
//! and one set of signals serve every type of value; only reading the value back is typed.

use std::marker::PhantomData;

use leptos::prelude::*;

use crate::model::Subscription;
use crate::ui::derived::{Derived, Erased};
use crate::ui::lab::Lab;

/// The options of a choice, as (value, words), derived from the state or fixed. The values are
/// erased as they are made, so a choice needs no memo of its own.
pub struct Options<T> {
    entries: Derived<Vec<(Erased, String)>>,
    value: PhantomData<fn() -> T>,
}

impl<T> Clone for Options<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Options<T> {}

impl<T: PartialEq + Send + Sync + 'static> Options<T> {
    pub fn derive(
        lab: Lab,
        options: impl Fn(&Subscription) -> Vec<(T, String)> + Send + Sync + 'static,
    ) -> Options<T> {
        Options {
            entries: lab.derive(move |s| erase(options(s))),
            value: PhantomData,
        }
    }

    /// Options computed from signals other than the subscription, such as another choice.
    pub fn new(options: impl Fn() -> Vec<(T, String)> + Send + Sync + 'static) -> Options<T> {
        Options {
            entries: Derived::new(move || erase(options())),
            value: PhantomData,
        }
    }

    pub fn fixed(options: Vec<(T, String)>) -> Options<T> {
        Options {
            entries: Derived::constant(erase(options)),
            value: PhantomData,
        }
    }

    /// Whether there is nothing to choose, tracked.
    pub fn is_empty(&self) -> bool {
        self.entries.with(Vec::is_empty)
    }
}

fn erase<T: PartialEq + Send + Sync + 'static>(options: Vec<(T, String)>) -> Vec<(Erased, String)> {
    options
        .into_iter()
        .map(|(value, words)| (Erased::new(value), words))
        .collect()
}

/// The options, as (value, words), and the value picked, if one was.
pub struct Choice<T> {
    options: Derived<Vec<(Erased, String)>>,
    picked: RwSignal<Option<Erased>>,
    value: PhantomData<fn() -> T>,
}

impl<T> Clone for Choice<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Choice<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Choice<T> {
    pub fn new(options: Options<T>) -> Choice<T> {
        Choice {
            options: options.entries,
            picked: RwSignal::new(None),
            value: PhantomData,
        }
    }

    /// The same choice with `value` picked to begin with.
    pub fn starting_at(self, value: T) -> Choice<T> {
        self.picked.set(Some(Erased::new(value)));
        self
    }

    /// Picks `value`, as a form prefilled to edit something does.
    pub fn pick(&self, value: T) {
        self.picked.set(Some(Erased::new(value)));
    }

    /// What the select shows: the value picked while it is still an option, else the first.
    pub fn value(&self) -> Option<T> {
        let picked = self.picked.get();
        self.options.with(|options| read(options, &picked))
    }

    pub fn value_untracked(&self) -> Option<T> {
        let picked = self.picked.get_untracked();
        self.options
            .with_untracked(|options| read(options, &picked))
    }

    /// The value shown, or `missing` as the refusal of a form that needs one.
    pub fn required(&self, missing: &str) -> Result<T, String> {
        self.value_untracked().ok_or_else(|| missing.to_string())
    }
}

fn read<T: Clone + 'static>(options: &[(Erased, String)], picked: &Option<Erased>) -> Option<T> {
    shown(options, picked).map(|position| options[position].0.get::<T>().clone())
}

/// The position the select shows: the picked value's while it is an option, else the first.
fn shown(options: &[(Erased, String)], picked: &Option<Erased>) -> Option<usize> {
    let picked = picked
        .as_ref()
        .and_then(|picked| options.iter().position(|(value, _)| value == picked));
    picked.or_else(|| (!options.is_empty()).then_some(0))
}

/// A choice as the `<select>` draws it, whatever the type of its values.
pub struct ChoiceView {
    options: Derived<Vec<(Erased, String)>>,
    picked: RwSignal<Option<Erased>>,
}

impl<T> From<Choice<T>> for ChoiceView {
    fn from(choice: Choice<T>) -> ChoiceView {
        ChoiceView {
            options: choice.options,
            picked: choice.picked,
        }
    }
}

/// A choice as a labelled `<select>`.
#[component]
pub fn Select(label: &'static str, #[prop(into)] choice: ChoiceView) -> impl IntoView {
    let ChoiceView { options, picked } = choice;
    let on_change = move |event: leptos::ev::Event| {
        let position = event_target_value(&event).parse::<usize>().ok();
        let value = options.with_untracked(|options| Some(options.get(position?)?.0.clone()));
        if value.is_some() {
            picked.set(value);
        }
    };
    let options = move || {
        let picked = picked.get();
        options.with(|options| {
            let shown = shown(options, &picked);
            options
                .iter()
                .enumerate()
                .map(|(position, (_, words))| {
                    let selected = shown == Some(position);
                    view! { <option value=position.to_string() selected=selected>{words.clone()}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <label>{label}" "<select on:change=on_change>{options}</select></label>
    }
}
