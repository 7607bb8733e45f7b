//! The lab's tables: a heading per column and rows of cells derived from the state. Rows are a
//! keyed list, keyed by what they show: a row is drawn anew when that changes and left alone
//! otherwise. A table given a [`Listing`] is a long list: filtered, counted and drawn a page at a
//! time. Every table shares this one drawing, so a view only says what its rows hold.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use leptos::either::EitherOf7;
use leptos::prelude::*;

use crate::model::Command;
use crate::ui::browser::clipboard::copy_text;
use crate::ui::derived::Derived;
use crate::ui::lab::use_lab;
use crate::ui::widgets::keyed::shown;
use crate::ui::widgets::listing::{ListFilter, Listing, Pager};

/// What a cell shows.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum Cell {
    Text(String),
    /// Text in the monospace of addresses and thumbprints, with a class of its own if any.
    Code(&'static str, String),
    /// A link: where to, and its words.
    Link(String, String),
    /// A badge: its classes, its words and the sentence it stands for, on hover.
    Badge(&'static str, &'static str, String),
    /// A badge with its sentence written beside it.
    NotedBadge(&'static str, &'static str, String),
    /// Buttons that each run a command.
    Actions(Vec<Action>),
    /// Text to paste elsewhere (an az command), in monospace with a Copy button.
    Copyable(String),
}

impl Cell {
    pub fn text(text: impl ToString) -> Cell {
        Cell::Text(text.to_string())
    }

    pub fn code(text: impl ToString) -> Cell {
        Cell::Code("", text.to_string())
    }

    /// The words the cell shows, which a list's filter reads.
    fn words(&self) -> &str {
        match self {
            Cell::Text(text) | Cell::Code(_, text) | Cell::Link(_, text) | Cell::Copyable(text) => {
                text
            }
            Cell::Badge(_, words, _) | Cell::NotedBadge(_, words, _) => words,
            Cell::Actions(_) => "",
        }
    }
}

/// A button of a row: its words, its accessible name, and the command it runs.
#[derive(Clone, PartialEq, Eq)]
pub struct Action {
    pub words: &'static str,
    pub label: String,
    pub command: Command,
    pub disabled: bool,
}

impl Action {
    pub fn new(words: &'static str, label: String, command: Command) -> Action {
        Action {
            words,
            label,
            command,
            disabled: false,
        }
    }
}

/// The command is the row's own (its label names what it acts on), so it needs no hashing.
impl Hash for Action {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.words.hash(state);
        self.label.hash(state);
        self.disabled.hash(state);
    }
}

#[component]
pub fn Table(
    head: &'static [&'static str],
    rows: Derived<Vec<Vec<Cell>>>,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] listing: Option<Listing>,
) -> impl IntoView {
    let (rows, listed) = match listing {
        Some(listing) => {
            // The filter reads the column headed by the listing's word ("Name").
            let by = head
                .iter()
                .position(|words| words.eq_ignore_ascii_case(listing.by()));
            let (page, counts) = listing.paged(rows, words_at(by));
            (page, Some((listing, counts)))
        }
        None => (rows, None),
    };
    let head = head
        .iter()
        .map(|words| view! { <th>{*words}</th> })
        .collect_view();
    view! {
        {listed.map(|(listing, counts)| view! { <ListFilter listing=listing counts=counts /> })}
        <table class=class tabindex="0">
            <thead><tr>{head}</tr></thead>
            <tbody>
                <For each=move || rows.with(|rows| keyed(rows)) key=|(key, _)| *key children=|(_, cells)| row(cells) />
            </tbody>
        </table>
        {listed.map(|(listing, counts)| view! { <Pager listing=listing counts=counts /> })}
    }
}

/// What a listing's filter reads of a row: the words of its cell `at`, if it has one.
fn words_at(at: Option<usize>) -> impl Fn(&Vec<Cell>) -> &str + Send + Sync {
    move |cells: &Vec<Cell>| at.and_then(|i| cells.get(i)).map_or("", Cell::words)
}

/// Each row with its key: what it shows, and how many rows alike come before it, so two rows
/// that read the same (two log entries in one minute) are still two rows.
fn keyed(rows: &[Vec<Cell>]) -> Vec<(u64, Vec<Cell>)> {
    let mut alike: BTreeMap<u64, u64> = BTreeMap::new();
    rows.iter()
        .map(|cells| {
            let content = shown(cells);
            let before = alike.entry(content).or_default();
            let key = shown(&(content, *before));
            *before += 1;
            (key, cells.clone())
        })
        .collect()
}

fn row(cells: Vec<Cell>) -> impl IntoView {
    view! { <tr>{cells.into_iter().map(cell).collect_view()}</tr> }
}

fn cell(cell: Cell) -> impl IntoView {
    match cell {
        Cell::Text(text) => EitherOf7::A(view! { <td>{text}</td> }),
        Cell::Code(class, text) => EitherOf7::B(view! { <td><code class=class>{text}</code></td> }),
        Cell::Link(href, text) => EitherOf7::C(view! { <td><a href=href>{text}</a></td> }),
        Cell::Badge(class, words, sentence) => {
            EitherOf7::D(view! { <td><span class=class title=sentence>{words}</span></td> })
        }
        Cell::NotedBadge(class, words, note) => EitherOf7::E(view! {
            <td><span class=class>{words}</span>" "<span class="muted">{note}</span></td>
        }),
        Cell::Actions(actions) => {
            EitherOf7::F(view! { <td>{actions.into_iter().map(action).collect_view()}</td> })
        }
        Cell::Copyable(text) => {
            let copied = text.clone();
            EitherOf7::G(view! {
                <td>
                    <code class="az-line">{text}</code>
                    <button type="button" class="secondary" on:click=move |_| copy_text(&copied)>"Copy"</button>
                </td>
            })
        }
    }
}

fn action(action: Action) -> impl IntoView {
    let lab = use_lab();
    let Action {
        words,
        label,
        command,
        disabled,
    } = action;
    view! {
        <button
            type="button"
            class="secondary"
            aria-label=label
            disabled=disabled
            on:click=move |_| { let _ = lab.run(command.clone()); }
        >
            {words}
        </button>
    }
}
