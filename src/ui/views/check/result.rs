//! The check's answer: the verdict, the path as a picture, every step evaluated in order with
//! its fix (a button where one command applies it), and the Hybrid Connection answer (R24).

use leptos::either::Either;
use leptos::prelude::*;

use crate::model::derived::check::{self, Fix, Problem, Stage, Target};
use crate::model::derived::hybrid::hybrid_answer;
use crate::model::derived::integration::{app_integration, IntegrationKind};
use crate::model::entities::ids::VnetId;
use crate::model::Subscription;
use crate::ui::lab::use_lab;
use crate::ui::route::{CheckQuery, Route, VnetTab};
use crate::ui::views::check::path_picture::PathPicture;

#[derive(Clone, PartialEq)]
struct StepOutcome {
    stage: Stage,
    passed: bool,
    text: String,
    fix: Option<Fix>,
}

/// The report, owned, so the view changes only when the answer does.
#[derive(Clone, PartialEq)]
struct Outcome {
    app: String,
    reachable: bool,
    path: Vec<(&'static str, String)>,
    steps: Vec<StepOutcome>,
    hybrid: (bool, String),
    /// The integration's VNet and the words of the link to its address ranges.
    vnet: Option<(VnetId, String)>,
}

fn outcome(s: &Subscription, query: &CheckQuery) -> Option<Outcome> {
    let app = s.web_apps.get(&query.app)?;
    let target = Target {
        host: &query.host,
        port: query.port,
        protocol: query.protocol,
    };
    let report = check::run(s, query.app, target);
    let hybrid = hybrid_answer(s, query.app, &query.host, query.port, query.protocol);
    Some(Outcome {
        app: app.name.clone(),
        reachable: report.reachable(),
        path: report.path.iter().map(|hop| hop.caption()).collect(),
        steps: report
            .steps
            .iter()
            .map(|step| StepOutcome {
                stage: step.stage(),
                passed: step.passed(),
                text: step.to_string(),
                fix: step.problem().map(Problem::fix),
            })
            .collect(),
        hybrid: (hybrid.reaches(), hybrid.to_string()),
        vnet: app_integration(app).and_then(|integration| {
            let vnet = s.virtual_networks.get(&integration.vnet)?;
            let ranges = match integration.kind {
                IntegrationKind::GatewayRequired => "point-to-site address ranges",
                IntegrationKind::Regional => "address ranges",
            };
            Some((vnet.id, format!("See the {ranges} of {}", vnet.name)))
        }),
    })
}

fn step(step: StepOutcome) -> impl IntoView {
    let lab = use_lab();
    let (class, badge, word) = if step.passed {
        ("step step-pass", "badge badge-ok", "Passed")
    } else {
        ("step step-fail", "badge badge-bad", "Failed")
    };
    let fix = step.fix.map(|fix| {
        let apply = fix.command.map(|command| {
            view! {
                " "
                <button type="button" on:click=move |_| { let _ = lab.run(command.clone()); }>"Apply fix"</button>
            }
        });
        view! { <p class="fix">"Fix: "{fix.advice}{apply}</p> }
    });
    view! {
        <li class=class>
            <span class=badge>{word}</span>" "<strong>{step.stage.to_string()}</strong>": "{step.text}
            {fix}
        </li>
    }
}

#[component]
pub fn CheckResult(query: CheckQuery) -> impl IntoView {
    let lab = use_lab();
    let asked = query.clone();
    let outcome = lab.derive(move |s| outcome(s, &asked));
    let target = format!("{}:{}", query.host, query.port);
    let draw = move |outcome: Outcome| {
        let (class, verdict) = if outcome.reachable {
            ("verdict verdict-ok", "Reachable")
        } else {
            ("verdict verdict-bad", "Not reachable")
        };
        let (hybrid_class, hybrid_word) = if outcome.hybrid.0 {
            ("badge badge-ok", "Reaches")
        } else {
            ("badge badge-neutral", "Does not reach")
        };
        let asked = format!("{} → {target} over {}", outcome.app, query.protocol);
        let ranges = outcome.vnet.map(|(vnet, name)| {
            view! {
                <p><a href=Route::VirtualNetwork(vnet, VnetTab::AddressRanges).href()>{name}</a></p>
            }
        });
        view! {
            <div class="check-result">
                <section class=class role="status" aria-label="Verdict"><strong>{verdict}</strong>" "{asked}</section>
                <h2>"Path"</h2>
                <div class="picture" tabindex="0">
                    <PathPicture path=outcome.path target=target.clone() reachable=outcome.reachable />
                </div>
                <h2>"Steps evaluated"</h2>
                <ol class="steps">{outcome.steps.into_iter().map(step).collect_view()}</ol>
                <h2>"Hybrid Connection answer"</h2>
                <p><span class=hybrid_class>{hybrid_word}</span>" "{outcome.hybrid.1}</p>
                {ranges}
            </div>
        }
    };
    move || match outcome.get() {
        Some(outcome) => Either::Left(draw(outcome)),
        None => Either::Right(view! {
            <p class="banner banner-warn" role="status">"That web app no longer exists: pick another one above."</p>
        }),
    }
}
