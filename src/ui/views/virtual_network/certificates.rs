use leptos::prelude::*;

use crate::model::derived::status::Validity;
use crate::model::entities::ids::VnetId;
use crate::model::{Command, Subscription};
use crate::ui::lab::use_lab;
use crate::ui::widgets::table::{Action, Cell, Table};
use crate::ui::widgets::validity_badge::validity_class;

fn rows(s: &Subscription, vnet: VnetId) -> Vec<Vec<Cell>> {
    let Some(p2s) = s
        .virtual_networks
        .get(&vnet)
        .and_then(|v| v.point_to_site.as_ref())
    else {
        return Vec::new();
    };
    p2s.certificates
        .iter()
        .map(|uploaded| {
            let thumbprint = &uploaded.thumbprint;
            let certificate = s.certificate(thumbprint);
            // Changes when a certificate is revoked, and as the clock crosses into its warning
            // or past its expiry (R13), not at every tick.
            let status = match certificate.map(|c| Validity::of(c, s.now())) {
                _ if uploaded.revoked => Cell::Badge("badge badge-bad", "Revoked", String::new()),
                Some(validity) => Cell::NotedBadge(
                    validity_class(&validity),
                    validity.label(),
                    validity.to_string(),
                ),
                None => Cell::Text(String::new()),
            };
            let subject = certificate.map(|c| format!("CN={}", c.subject));
            let validity = certificate.map(|c| format!("{} to {}", c.not_before, c.not_after));
            let delete = Action::new(
                "Delete",
                format!("Delete the certificate {thumbprint}"),
                Command::DeleteCertificate {
                    vnet,
                    thumbprint: thumbprint.clone(),
                },
            );
            let revoke = Action {
                disabled: uploaded.revoked,
                ..Action::new(
                    "Revoke",
                    format!("Revoke the certificate {thumbprint}"),
                    Command::RevokeCertificate {
                        vnet,
                        thumbprint: thumbprint.clone(),
                    },
                )
            };
            vec![
                Cell::Code("thumbprint", thumbprint.clone()),
                Cell::Text(subject.unwrap_or_default()),
                Cell::Text(validity.unwrap_or_default()),
                status,
                Cell::Actions(vec![delete, revoke]),
            ]
        })
        .collect()
}

#[component]
pub fn Certificates(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let head = &[
        "Thumbprint",
        "Subject",
        "Validity (simulated time)",
        "Status",
        "Actions",
    ];
    view! {
        <p>"The public parts of the certificates web apps authenticate with. Delete or revoke one to see its connections go out of sync."</p>
        <Table head=head rows=lab.derive(move |s| rows(s, vnet)) />
    }
}
