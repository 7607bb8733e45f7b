//! The lab's one form: labelled text fields and typed choices, a submit that runs a command
//! through the lab, and its refusal shown beside the fields. A form's text lives in signals of
//! its own, never in the state it shows, so a clock tick or another command leaves it alone.
//! After its own successful submit a form clears the text typed into it; after a refusal it
//! keeps the text, so it can be corrected.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;

/// The text fields of the form being built, with their first values, to clear after a submit.
#[derive(Clone, Copy)]
struct TypedFields(StoredValue<Vec<(RwSignal<String>, String)>>);

impl TypedFields {
    fn clear(self) {
        self.0.with_value(|fields| {
            for (value, first) in fields {
                value.set(first.clone());
            }
        });
    }
}

/// What a form's submit does (usually `lab.submit(command)`): `Err` is the refusal to show.
/// Boxed, so every form shares one drawing of the component.
pub struct Submit(Box<dyn Fn() -> Result<(), String>>);

impl<F: Fn() -> Result<(), String> + 'static> From<F> for Submit {
    fn from(submit: F) -> Submit {
        Submit(Box::new(submit))
    }
}

/// A form. `inline` lays it out on one line, for a single field; `query` keeps the text after a
/// successful submit, for a form that asks rather than creates.
#[component]
pub fn Form(
    button: &'static str,
    #[prop(into)] submit: Submit,
    #[prop(optional)] inline: bool,
    #[prop(optional)] query: bool,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let fields = TypedFields(StoredValue::new(Vec::new()));
    // The fields find this form, and no other, through a context of the form's own owner.
    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(fields);
        children()
    });
    let error = RwSignal::new(None::<String>);
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        match (submit.0)() {
            Ok(()) => {
                error.set(None);
                if !query {
                    fields.clear();
                }
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let class = match (inline, class) {
        (true, _) => "inline-form",
        (false, "") => "panel",
        (false, class) => class,
    };
    let button = view! { <button type="submit">{button}</button> };
    let error = move || {
        error
            .get()
            .map(|text| view! { <p class="form-error" role="alert">{text}</p> })
    };
    // On one line the button follows its field; in a panel the refusal sits above the button.
    let end = if inline {
        view! { {button}{error} }.into_any()
    } else {
        view! { {error}{button} }.into_any()
    };
    view! {
        <form class=class on:submit=on_submit>
            {OwnedView::new_with_owner(body, owner)}
            {end}
        </form>
    }
}

/// A labelled text field of the form it is in; cleared with it.
#[component]
pub fn TextInput(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] numeric: bool,
) -> impl IntoView {
    if let Some(fields) = use_context::<TypedFields>() {
        let first = value.get_untracked();
        fields.0.update_value(|fields| fields.push((value, first)));
    }
    view! {
        <label>
            {label}" "
            <input
                type="text"
                bind:value=value
                placeholder=placeholder
                inputmode=numeric.then_some("numeric")
            />
        </label>
    }
}
