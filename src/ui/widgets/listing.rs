//! Long lists a page at a time, as the portal shows them: a filter box on one column (the name),
//! the count of all and of those shown, and Previous/Next. Only the page is drawn, so a
//! subscription of 1,000 web apps draws 50 rows, and typing in the filter redraws only those.

use leptos::prelude::*;

use crate::model::input::text::thousands;
use crate::ui::derived::Derived;

/// Rows drawn at a time, unless a list says otherwise.
const PAGE: usize = 50;

/// What a list's rows are, in the singular and the plural, and the column its filter reads.
#[derive(Clone, Copy)]
pub struct Listing {
    one: &'static str,
    many: &'static str,
    by: &'static str,
    per_page: usize,
    filter: RwSignal<String>,
    page: RwSignal<usize>,
}

/// Where a list stands: how many rows it has, how many the filter keeps, which page is shown.
#[derive(Clone, Copy, PartialEq, Default)]
pub struct Counts {
    pub total: usize,
    pub matched: usize,
    pub shown: usize,
    pub page: usize,
    pub pages: usize,
}

impl Listing {
    /// A list of `many` (one of them is `one`) filtered by its column `by`.
    pub fn new(one: &'static str, many: &'static str, by: &'static str) -> Listing {
        Listing {
            one,
            many,
            by,
            per_page: PAGE,
            filter: RwSignal::new(String::new()),
            page: RwSignal::new(0),
        }
    }

    /// The same list drawn `per_page` rows at a time, for rows that are large themselves.
    pub fn per_page(self, per_page: usize) -> Listing {
        Listing { per_page, ..self }
    }

    /// The page shown of `rows` and the list's counts, each a memo: the page follows the rows,
    /// the filter typed and Previous/Next; `text` is what the filter reads of a row.
    pub fn paged<T: Clone + PartialEq + Send + Sync + 'static>(
        self,
        rows: Derived<Vec<T>>,
        text: impl Fn(&T) -> &str + Send + Sync + 'static,
    ) -> (Derived<Vec<T>>, Derived<Counts>) {
        let window = Derived::new(move || rows.with(|rows| self.window(rows, &text)));
        (
            Derived::new(move || window.with(|(page, _)| page.clone())),
            Derived::new(move || window.with(|(_, counts)| *counts)),
        )
    }

    /// The rows of the page shown, among those whose `text` contains the filter (case aside),
    /// and the counts. Reads the filter and the page, tracked.
    fn window<T: Clone>(&self, rows: &[T], text: impl Fn(&T) -> &str) -> (Vec<T>, Counts) {
        let filter = self.filter.with(|filter| filter.trim().to_lowercase());
        let matching: Vec<&T> = rows
            .iter()
            .filter(|row| filter.is_empty() || text(row).to_lowercase().contains(&filter))
            .collect();
        let pages = matching.len().div_ceil(self.per_page).max(1);
        let page = self.page.get().min(pages - 1);
        let shown: Vec<T> = matching
            .iter()
            .skip(page * self.per_page)
            .take(self.per_page)
            .map(|row| (*row).clone())
            .collect();
        let counts = Counts {
            total: rows.len(),
            matched: matching.len(),
            shown: shown.len(),
            page,
            pages,
        };
        (shown, counts)
    }

    /// The heading of the column the filter reads.
    pub fn by(&self) -> &'static str {
        self.by
    }

    fn noun(&self, count: usize) -> &'static str {
        if count == 1 {
            self.one
        } else {
            self.many
        }
    }

    /// "1,000 web apps, 50 shown", with how many match while a filter is typed.
    fn words(&self, counts: Counts, filtering: bool) -> String {
        let total = format!("{} {}", thousands(counts.total), self.noun(counts.total));
        if filtering {
            format!(
                "{total}, {} {} the filter, {} shown",
                thousands(counts.matched),
                if counts.matched == 1 {
                    "matches"
                } else {
                    "match"
                },
                thousands(counts.shown)
            )
        } else {
            format!("{total}, {} shown", thousands(counts.shown))
        }
    }
}

/// The filter box and the count, above a list.
#[component]
pub fn ListFilter(listing: Listing, counts: Derived<Counts>) -> impl IntoView {
    let filter = listing.filter;
    let words = move || {
        let filtering = filter.with(|f| !f.trim().is_empty());
        listing.words(counts.get(), filtering)
    };
    view! {
        <div class="list-bar">
            <input
                type="search"
                aria-label=format!("Filter {}", listing.many)
                placeholder=format!("Filter by {}", listing.by)
                prop:value=move || filter.get()
                on:input=move |event| {
                    filter.set(event_target_value(&event));
                    listing.page.set(0);
                }
            />
            <p class="list-count" aria-live="polite">{words}</p>
        </div>
    }
}

/// Previous and Next below a list of several pages, and what to do when the filter keeps none.
#[component]
pub fn Pager(listing: Listing, counts: Derived<Counts>) -> impl IntoView {
    let page = listing.page;
    let nothing = move || {
        let counts = counts.get();
        let typed = listing.filter.get();
        (counts.total > 0 && counts.matched == 0).then(|| {
            view! { <p class="hint">{format!("No {} match “{}”: change or clear the filter.", listing.many, typed.trim())}</p> }
        })
    };
    let pager = move || {
        let Counts {
            page: at, pages, ..
        } = counts.get();
        (pages > 1).then(|| {
            view! {
                <nav class="pager" aria-label=format!("Pages of {}", listing.many)>
                    <button type="button" class="secondary" disabled={at == 0} on:click=move |_| page.set(at - 1)>"Previous"</button>
                    <span>{format!("Page {} of {}", at + 1, pages)}</span>
                    <button type="button" class="secondary" disabled={at + 1 >= pages} on:click=move |_| page.set(at + 1)>"Next"</button>
                </nav>
            }
        })
    };
    view! { {nothing} {pager} }
}
