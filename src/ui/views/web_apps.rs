//! The web apps list: name, plan, tier, VNet and connection status; create and delete.

use leptos::prelude::*;

use crate::model::derived::integration::integration_label;
use crate::model::derived::status::connection_status;
use crate::model::{Command, Subscription};
use crate::ui::lab::use_lab;
use crate::ui::route::Route;
use crate::ui::widgets::choice::{Choice, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::listing::Listing;
use crate::ui::widgets::options;
use crate::ui::widgets::status_badge::badge_class;
use crate::ui::widgets::table::{Action, Cell, Table};

fn rows(s: &Subscription) -> Vec<Vec<Cell>> {
    s.web_apps
        .values()
        .map(|app| {
            let plan = s.plan_of(app);
            let vnet = integration_label(s, app).unwrap_or_else(|| "—".to_string());
            let status = connection_status(s, app.id);
            vec![
                Cell::Link(Route::WebApp(app.id).href(), app.name.clone()),
                Cell::text(plan.map(|p| p.name.as_str()).unwrap_or_default()),
                Cell::text(plan.map(|p| p.tier.to_string()).unwrap_or_default()),
                Cell::Text(vnet),
                Cell::Badge(badge_class(&status), status.label(), status.to_string()),
                Cell::Actions(vec![Action::new(
                    "Delete",
                    format!("Delete {}", app.name),
                    Command::DeleteWebApp { app: app.id },
                )]),
            ]
        })
        .collect()
}

#[component]
pub fn WebApps() -> impl IntoView {
    let lab = use_lab();
    let head = &[
        "Name",
        "App Service plan",
        "Pricing tier",
        "Virtual network",
        "Status",
        "Actions",
    ];
    view! {
        <h1>"Web apps"</h1>
        <p class="view-purpose">"The web apps of this subscription, their plans and their virtual network connections."</p>
        <Table head=head rows=lab.derive(rows) listing=Listing::new("web app", "web apps", "name") />
        <CreateWebApp />
    }
}

#[component]
fn CreateWebApp() -> impl IntoView {
    let lab = use_lab();
    let name = RwSignal::new(String::new());
    let plan = Choice::new(options::plans(lab));
    let submit = move || {
        lab.submit(Command::CreateWebApp {
            name: name.get_untracked(),
            plan: plan.required("Create an App Service plan first.")?,
        })
    };
    view! {
        <Form button="Create" submit=submit>
            <h2>"Create a web app"</h2>
            <TextInput label="Name" value=name placeholder="contoso-shop" />
            <span class="hint">".azurewebsites.net · 2–60 of a–z, 0–9 and -"</span>
            <Select label="App Service plan" choice=plan />
        </Form>
    }
}
