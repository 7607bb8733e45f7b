//! A typed choice: options are values of the model (ids, tiers, roles, protocols) with the words
//! shown for them, and what is picked is one of those values. The page's `<select>` carries only
//! an option's position, never a label or a name to be read back.

use leptos::prelude::*;

use crate::ui::derived::Derived;

/// The options, as (value, words), and the value picked, if one was.
pub struct Choice<T: Send + Sync + 'static> {
    options: Derived<Vec<(T, String)>>,
    picked: RwSignal<Option<T>>,
}

impl<T: Send + Sync + 'static> Clone for Choice<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Choice<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Choice<T> {
    pub fn new(options: Derived<Vec<(T, String)>>) -> Choice<T> {
        Choice {
            options,
            picked: RwSignal::new(None),
        }
    }

    /// The same choice with `value` picked to begin with.
    pub fn starting_at(self, value: T) -> Choice<T> {
        self.picked.set(Some(value));
        self
    }

    /// Picks `value`, as a form prefilled to edit something does.
    pub fn pick(&self, value: T) {
        self.picked.set(Some(value));
    }

    /// What the select shows: the value picked while it is still an option, else the first.
    pub fn value(&self) -> Option<T> {
        let picked = self.picked.get();
        self.options.with(|options| current(options, picked))
    }

    pub fn value_untracked(&self) -> Option<T> {
        let picked = self.picked.get_untracked();
        self.options
            .with_untracked(|options| current(options, picked))
    }

    /// The value shown, or `missing` as the refusal of a form that needs one.
    pub fn required(&self, missing: &str) -> Result<T, String> {
        self.value_untracked().ok_or_else(|| missing.to_string())
    }
}

fn current<T: Clone + PartialEq>(options: &[(T, String)], picked: Option<T>) -> Option<T> {
    picked
        .filter(|picked| options.iter().any(|(value, _)| value == picked))
        .or_else(|| options.first().map(|(value, _)| value.clone()))
}

/// A choice as the `<select>` draws it: each option's words and whether it is shown, and what
/// picking a position does. The same for every type of value, so one drawing serves them all.
pub struct ChoiceView {
    options: Box<dyn Fn() -> Vec<(String, bool)> + Send + Sync>,
    pick: Box<dyn Fn(usize)>,
}

impl<T: Clone + PartialEq + Send + Sync + 'static> From<Choice<T>> for ChoiceView {
    fn from(choice: Choice<T>) -> ChoiceView {
        ChoiceView {
            options: Box::new(move || {
                let shown = choice.value();
                choice.options.with(|options| {
                    options
                        .iter()
                        .map(|(value, words)| (words.clone(), shown.as_ref() == Some(value)))
                        .collect()
                })
            }),
            pick: Box::new(move |position| {
                let value = choice
                    .options
                    .with_untracked(|options| options.get(position).map(|(v, _)| v.clone()));
                if value.is_some() {
                    choice.picked.set(value);
                }
            }),
        }
    }
}

/// A choice as a labelled `<select>`.
#[component]
pub fn Select(label: &'static str, #[prop(into)] choice: ChoiceView) -> impl IntoView {
    let ChoiceView { options, pick } = choice;
    let on_change = move |event: leptos::ev::Event| {
        if let Ok(position) = event_target_value(&event).parse::<usize>() {
            pick(position);
        }
    };
    let options = move || {
        options()
            .into_iter()
            .enumerate()
            .map(|(position, (words, selected))| {
                view! { <option value=position.to_string() selected=selected>{words}</option> }
            })
            .collect_view()
    };
    view! {
        <label>{label}" "<select on:change=on_change>{options}</select></label>
    }
}
