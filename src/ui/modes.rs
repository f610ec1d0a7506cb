//! The three places the app runs besides a plain browser tab, as hooks the app calls: the host's
//! look and warnings, the kiosk's lock-down and storage wipes, and the embed's messages to its host
//! page. Browser access stays in `browser.rs`; these only decide what to do and when.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::evaluate::Evaluation;
use crate::domain::host_config::{HostConfig, HostMode};
use crate::domain::locale::Locale;
use crate::domain::money::Fen;
use crate::ui::browser::{self, MessageValue};

/// Applies the host's theme, reports every ignored host value in the console (both languages, for
/// the retailer's developer) and, in a kiosk, blocks the context menu and empties storage once at
/// start (a kiosk keeps nothing from one stranger to the next).
#[hook]
pub fn use_host_setup(host: Rc<HostConfig>, elder: bool) {
    // The phones' build has no host values (`crate::ui::HOST_BUILD`): the compiler drops the rest.
    // 长辈模式 keeps only the host colours that stay at 7:1 with its darker text.
    use_effect_with((host.clone(), elder), |(host, elder)| {
        if crate::ui::HOST_BUILD {
            browser::apply_theme(&host.css_properties(*elder))
        }
    });
    use_effect_with(host, |host| {
        let warnings = if crate::ui::HOST_BUILD {
            &host.warnings[..]
        } else {
            &[]
        };
        for warning in warnings {
            browser::console_warn(&format!(
                "[huanxin] {} / {}",
                warning.message(Locale::En),
                warning.message(Locale::Zh)
            ));
        }
        let menu_blocker = (host.mode == HostMode::Kiosk).then(|| {
            browser::clear_storage();
            browser::block_context_menu()
        });
        move || drop(menu_blocker)
    });
}

/// Kiosk: each idle reset empties localStorage and sessionStorage.
#[hook]
pub fn use_kiosk_wipe(resets: u32) {
    use_effect_with(resets, |resets| {
        if *resets > 0 {
            browser::clear_storage();
        }
    });
}

/// Kiosk: taps on links to other sites are caught (from any component) and their address is kept
/// here, for the app to show as a QR code; an idle reset clears it. `None` outside a kiosk.
#[hook]
pub fn use_kiosk_link_dialog(kiosk: bool, resets: u32) -> UseStateHandle<Option<String>> {
    let link = use_state_eq(|| None::<String>);
    {
        let setter = link.setter();
        use_effect_with(kiosk, move |kiosk| {
            let interceptor = kiosk.then(|| {
                browser::intercept_external_links(Callback::from(move |url| setter.set(Some(url))))
            });
            move || drop(interceptor)
        });
    }
    {
        let setter = link.setter();
        use_effect_with(resets, move |_| setter.set(None));
    }
    // The dialog takes the focus, so one key press (or tap) closes it.
    use_effect_with(link.is_some(), |open| {
        if *open {
            browser::focus_by_id("hx-link-close");
        }
    });
    link
}

/// Embed: tells the host page the app's height whenever it changes, answers a `ping` with `ready`,
/// and posts a `result` each time the chosen grade's numbers change. Only to `host.parent_origin`.
#[hook]
pub fn use_embed_messages(host: Rc<HostConfig>, result: Rc<Vec<(&'static str, MessageValue)>>) {
    let origin = match host.mode {
        HostMode::Embed if crate::ui::HOST_BUILD => host.parent_origin.clone(),
        _ => None,
    };
    // The last height sent, so an unchanged height is not sent again.
    let last_height = use_memo((), |_| Rc::new(Cell::new(0u32)));
    {
        let last_height = (*last_height).clone();
        use_effect_with(origin.clone(), move |origin| {
            let origin = origin.clone().filter(|_| crate::ui::HOST_BUILD);
            let subscriptions = origin.map(|origin| {
                let height = {
                    let origin = origin.clone();
                    let last_height = last_height.clone();
                    browser::watch_content_height(Callback::from(move |h: u32| {
                        if h != last_height.get() {
                            last_height.set(h);
                            browser::post_to_parent(
                                &origin,
                                "resize",
                                &[("height", MessageValue::Number(f64::from(h)))],
                            );
                        }
                    }))
                };
                browser::post_to_parent(
                    &origin,
                    "ready",
                    &[("height", MessageValue::Number(f64::from(last_height.get())))],
                );
                let messages = {
                    let origin = origin.clone();
                    browser::on_parent_message(
                        origin.clone(),
                        Callback::from(move |kind: String| {
                            if kind == "ping" {
                                browser::post_to_parent(
                                    &origin,
                                    "ready",
                                    &[(
                                        "height",
                                        MessageValue::Number(f64::from(last_height.get())),
                                    )],
                                );
                            }
                        }),
                    )
                };
                (height, messages)
            });
            move || drop(subscriptions)
        });
    }
    use_effect_with((origin, result), |(origin, result)| {
        if let Some(origin) = origin.as_ref().filter(|_| crate::ui::HOST_BUILD) {
            browser::post_to_parent(origin, "result", result);
        }
    });
}

/// The numbers a host receives with each `result` event: the chosen grade's yearly savings, the
/// subsidy, the net price and the payback. Money in yuan (two decimals); `null` when unknown.
pub fn result_message(evaluation: &Evaluation) -> Vec<(&'static str, MessageValue)> {
    let Some(outcome) = &evaluation.outcome else {
        return vec![(
            "category",
            evaluation
                .category
                .map_or(MessageValue::Null, |c| MessageValue::Text(c.slug().into())),
        )];
    };
    let chosen = outcome.chosen();
    let yuan = |fen: Fen| MessageValue::Number(fen as f64 / 100.0);
    // Two decimals are plenty for analytics and keep the messages readable.
    let round = |v: f64| MessageValue::Number((v * 100.0).round() / 100.0);
    let maybe = |v: Option<MessageValue>| v.unwrap_or(MessageValue::Null);
    vec![
        (
            "category",
            MessageValue::Text(outcome.category.slug().into()),
        ),
        ("grade", MessageValue::Number(f64::from(chosen.grade))),
        (
            "region",
            maybe(outcome.region.map(|r| MessageValue::Text(r.into()))),
        ),
        ("annual_saving_yuan", yuan(chosen.money_saved_fen)),
        ("annual_kwh_saved", round(chosen.saved.kwh)),
        ("annual_water_m3_saved", round(chosen.saved.water_m3)),
        ("annual_gas_m3_saved", round(chosen.saved.gas_m3)),
        ("annual_co2_kg_avoided", round(chosen.co2_kg)),
        ("price_yuan", maybe(chosen.price_fen.map(yuan))),
        (
            "subsidy_yuan",
            maybe(chosen.price_fen.map(|_| yuan(chosen.subsidy.fen))),
        ),
        ("net_price_yuan", maybe(chosen.net_price_fen.map(yuan))),
        ("payback_years", maybe(chosen.payback_years.map(round))),
        (
            "lifetime_years",
            MessageValue::Number(f64::from(chosen.lifetime.years)),
        ),
        ("lifetime_saving_yuan", yuan(chosen.lifetime.money_fen)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::Date;
    use crate::domain::evaluate::{evaluate, Form};

    #[test]
    fn result_message_carries_the_chosen_grade() {
        let form: Form = [("cat", "fridge"), ("price", "5999"), ("grade", "2")]
            .into_iter()
            .collect();
        let evaluation = evaluate(&form, Date::new(2025, 6, 1).unwrap());
        let message = result_message(&evaluation);
        let get = |k: &str| {
            message
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(get("category"), Some(MessageValue::Text("fridge".into())));
        assert_eq!(get("grade"), Some(MessageValue::Number(2.0)));
        assert_eq!(get("price_yuan"), Some(MessageValue::Number(5999.0)));
        assert!(
            matches!(get("annual_saving_yuan"), Some(MessageValue::Number(n)) if n.is_finite())
        );
    }

    #[test]
    fn no_category_gives_a_null_category() {
        let evaluation = evaluate(&Form::new(), Date::new(2025, 6, 1).unwrap());
        assert_eq!(
            result_message(&evaluation),
            vec![("category", MessageValue::Null)]
        );
    }
}
