//! The pricing-tier picker: one card per tier family, with what each allows (R1, R2, R23, R25),
//! and the family's tiers to scale to one of them (Premium v3 P1v3, Elastic Premium EP1 …).

use leptos::prelude::*;
use strum::VariantArray;

use crate::model::derived::integration::tier_allows;
use crate::model::entities::ids::PlanId;
use crate::model::entities::tier::TierFamily;
use crate::model::Command;
use crate::ui::lab::use_lab;

#[component]
pub fn TierPicker(plan: PlanId) -> impl IntoView {
    let lab = use_lab();
    let current_tier = lab.derive(move |s| s.plans.get(&plan).map(|p| p.tier));
    let current = lab.derive(move |s| s.plans.get(&plan).map(|p| p.tier.family()));
    let cards = TierFamily::VARIANTS
        .iter()
        .map(|&family| {
            let is_current = move || current.get() == Some(family);
            let tiers = family
                .tiers()
                .map(|tier| {
                    view! {
                        <li>
                            <button
                                type="button"
                                disabled=move || current_tier.get() == Some(tier)
                                on:click=move |_| {
                                    let _ = lab.run(Command::ScalePlan { plan, tier });
                                }
                            >
                                {tier.to_string()}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="tier-card" class:tier-current=is_current>
                    <h3>{family.to_string()}</h3>
                    <p>{tier_allows(family)}</p>
                    <button
                        type="button"
                        disabled=is_current
                        on:click=move |_| {
                            let _ = lab.run(Command::ScalePlan { plan, tier: family.entry_tier() });
                        }
                    >
                        {move || if is_current() { "Current tier".to_string() } else { format!("Scale to {family}") }}
                    </button>
                    <ul class="tier-sizes" aria-label=format!("{family} tiers")>{tiers}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="tier-picker" aria-label="Pricing tiers">
            <ul class="cards">{cards}</ul>
        </section>
    }
}
