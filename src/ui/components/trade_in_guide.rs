use std::rc::Rc;

use yew::prelude::*;

use crate::domain::category::Category;
use crate::domain::date::Date;
use crate::domain::guide::{
    guide, Advice, ChannelOverride, GuideChannel, OverrideError, Provenance, SafeLifetime,
};
use crate::domain::locale::Locale;
use crate::domain::money::format_number;
use crate::ui::components::qr_code::QrCode;
use crate::ui::markup::Markup;

#[derive(Properties, PartialEq)]
pub struct TradeInGuideProps {
    pub category: Category,
    /// The buyer's province code (`GD`, `cn-bj` …); unknown codes show national entries only.
    #[prop_or_default]
    pub region: Option<AttrValue>,
    /// Picks the claim steps of the rule set in force.
    pub purchase: Date,
    /// The old unit's age in years, for the safe-use lifetime warning.
    #[prop_or_default]
    pub old_age_years: Option<f64>,
    pub locale: Locale,
    /// The host's validated channel list (`parse_channel_override`).
    #[prop_or_default]
    pub host: Option<Rc<ChannelOverride>>,
    /// Why the host's list was rejected; shown as a notice above the built-in list.
    #[prop_or_default]
    pub host_error: Option<OverrideError>,
    /// Kiosk mode: links are shown to scan instead of followed, so the kiosk never navigates away.
    #[prop_or_default]
    pub kiosk: bool,
}

/// What to do next: safety warning, claim steps, where to trade in and recycle, old-unit rules
/// and fees, safe-use lifetimes. All texts come from `domain::guide` in both languages.
#[component]
pub fn TradeInGuide(props: &TradeInGuideProps) -> Html {
    let locale = props.locale;
    let g = guide(
        props.category,
        props.region.as_deref(),
        props.purchase,
        props.old_age_years,
        // Never set in the phones' build: the compiler drops the host's list there.
        props.host.as_deref().filter(|_| crate::ui::HOST_BUILD),
    );
    // The parts without links are written as text (`Markup`): less code than `html!` builds.
    let mut steps = Markup::new();
    steps
        .raw(r#"<p class="hx-guide__rule-set" data-testid="guide-rule-set""#)
        .attr("data-id", g.rule_set.map_or("", |r| r.id))
        .raw(">")
        .text(match g.rule_set {
            Some(r) => locale.pick(r.name_zh, r.name_en),
            None => locale.pick(
                "购买日期不在国家以旧换新补贴期内；以下是通用步骤，地方活动以当地公告为准。",
                "No national trade-in subsidy covers this purchase date; the steps below are general, check your locality for local schemes.",
            ),
        })
        .raw(r#"</p><ol class="hx-guide__steps" data-testid="guide-steps">"#);
    for step in &g.steps {
        render_advice(&mut steps, step, "guide-step", locale);
    }
    steps.raw("</ol>");
    let mut rest = Markup::new();
    if !g.notes.is_empty() {
        rest.element(
            r#"<h3 class="hx-guide__heading">"#,
            locale.pick("旧机回收与费用", "The old unit: acceptance and fees"),
            r#"</h3><ul class="hx-guide__notes" data-testid="guide-notes">"#,
        );
        for note in &g.notes {
            render_advice(&mut rest, note, "guide-note", locale);
        }
        rest.raw("</ul>");
    }
    rest.element(
        r#"<h3 class="hx-guide__heading">"#,
        locale.pick("安全使用年限", "Safe-use lifetime"),
        r#"</h3><ul class="hx-guide__lifetimes" data-testid="guide-lifetimes">"#,
    );
    for lifetime in &g.safety.lifetimes {
        render_lifetime(&mut rest, lifetime, locale);
    }
    for note in &g.safety.notes {
        render_advice(&mut rest, note, "guide-safety-note", locale);
    }
    rest.raw("</ul>");
    let mut over_age = Markup::new();
    render_over_age(
        &mut over_age,
        &g.safety.exceeded,
        g.safety.age_years,
        locale,
    );
    html! {
        <section class="hx-card hx-guide" data-testid="trade-in-guide" aria-labelledby="hx-guide-title">
            <h2 id="hx-guide-title" class="hx-section-title">
                {locale.pick("下一步：换新、领补贴、处理旧机", "Next: trade in, claim, recycle")}
            </h2>
            if let Some(error) = props.host_error.as_ref().filter(|_| crate::ui::HOST_BUILD) {
                <p class="hx-guide__host-error" role="status" data-testid="guide-host-error" data-code={error.code()}>
                    {error.message(locale)}
                </p>
            }
            { over_age.into_html() }

            <h3 class="hx-guide__heading">{locale.pick("领取补贴的步骤", "How to claim the subsidy")}</h3>
            { steps.into_html() }

            <h3 class="hx-guide__heading">{locale.pick("去哪里换新、领补贴、回收", "Where to trade in, claim and recycle")}</h3>
            <ul class="hx-guide__channels" data-testid="guide-channels">
                for channel in &g.channels {
                    { render_channel(channel, props.kiosk, locale) }
                }
            </ul>
            { rest.into_html() }
        </section>
    }
}

/// The warning shown when the old unit is older than a safe-use lifetime of its category.
fn render_over_age(
    m: &mut Markup,
    exceeded: &[&'static SafeLifetime],
    age: Option<f64>,
    locale: Locale,
) {
    let (Some(age), false) = (age, exceeded.is_empty()) else {
        return;
    };
    let age = format_number(age, 0, locale);
    m.raw(r#"<div class="hx-guide__warning" role="note" data-testid="guide-over-age">"#);
    for l in exceeded {
        m.raw("<p")
            .attr("data-years", &l.years.to_string())
            .raw(">")
            .text(&over_age_text(l, &age, locale));
        render_source(m, &l.provenance, locale);
        m.raw("</p>");
    }
    m.raw("</div>");
}

fn over_age_text(l: &SafeLifetime, age: &str, locale: Locale) -> String {
    let years = l.years;
    let basis = l.basis.get(locale);
    match l.condition {
        Some(condition) => locale.pick(
            format!(
                "旧机已用约 {age} 年，超过{}的安全使用年限 {years} 年（{basis}）。超期使用有安全隐患，这也是换新的理由。",
                condition.zh
            ),
            format!(
                "The old unit is about {age} years old, past the {years}-year safe-use lifetime for {} ({basis}). Using it longer is a safety risk, another reason to replace it.",
                condition.en
            ),
        ),
        None => locale.pick(
            format!(
                "旧机已用约 {age} 年，超过安全使用年限 {years} 年（{basis}）。超期使用有安全隐患，这也是换新的理由。"
            ),
            format!(
                "The old unit is about {age} years old, past its {years}-year safe-use lifetime ({basis}). Using it longer is a safety risk, another reason to replace it."
            ),
        ),
    }
}

fn render_lifetime(m: &mut Markup, l: &SafeLifetime, locale: Locale) {
    let years = l.years;
    let text = match l.condition {
        Some(condition) => locale.pick(
            format!("{}：{years} 年", condition.zh),
            format!("{}: {years} years", condition.en),
        ),
        None => locale.pick(format!("{years} 年"), format!("{years} years")),
    };
    m.raw(r#"<li class="hx-guide__item" data-testid="guide-lifetime""#)
        .attr("data-years", &years.to_string())
        .attr("data-confidence", l.provenance.confidence.code())
        .element("><strong>", &text, "</strong> ")
        .element("<span>", l.basis.get(locale), "</span>");
    render_source(m, &l.provenance, locale);
    m.raw("</li>");
}

fn render_advice(m: &mut Markup, a: &Advice, testid: &str, locale: Locale) {
    m.raw(r#"<li class="hx-guide__item""#)
        .attr("data-testid", testid)
        .attr("data-id", a.id)
        .attr("data-kind", a.kind.code())
        .attr("data-confidence", a.provenance.confidence.code())
        .element(
            r#"><strong class="hx-guide__item-title">"#,
            a.title.get(locale),
            "</strong> ",
        )
        .element("<span>", a.text.get(locale), "</span>");
    render_source(m, &a.provenance, locale);
    m.raw("</li>");
}

fn render_channel(c: &GuideChannel<'_>, kiosk: bool, locale: Locale) -> Html {
    let kind_label = match c.kind() {
        Some(kind) => kind.label(locale),
        None => locale.pick("本店", "This store"),
    };
    let kind_code = c.kind().map_or("host", |k| k.code());
    let description = c.description(locale);
    html! {
        <li
            key={c.key()}
            class={if c.is_host() { "hx-guide__channel hx-guide__channel--host" } else { "hx-guide__channel" }}
            data-testid="guide-channel"
            data-id={c.key()}
            data-kind={kind_code}
        >
            <span class="hx-guide__kind">{kind_label}</span>{" "}
            <strong class="hx-guide__channel-name">{c.name(locale).to_string()}</strong>
            if !description.is_empty() {
                <p class="hx-guide__channel-desc">{description.to_string()}</p>
            }
            { render_link(c.url(), kiosk, locale) }
            if let Some(provenance) = c.provenance() {
                {{
                    let mut m = Markup::new();
                    render_source(&mut m, provenance, locale);
                    m.into_html()
                }}
            }
        </li>
    }
}

/// A link that opens in a new tab without giving the page access to ours; in kiosk mode a QR code
/// of the address to scan instead, with the address below it, so the kiosk never navigates away.
fn render_link(url: &str, kiosk: bool, locale: Locale) -> Html {
    if crate::ui::FULL_BUILD && kiosk {
        return html! {
            <div class="hx-guide__qr" data-testid="qr-placeholder" data-url={url.to_string()}>
                <QrCode text={AttrValue::from(url.to_string())} {locale} testid="guide-qr"
                    caption={Some(AttrValue::from(locale.pick("用手机扫码打开", "Scan to open on your phone")))} />
            </div>
        };
    }
    html! {
        <a
            class="hx-guide__link"
            href={url.to_string()}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="guide-link"
        >
            {display_host(url).to_string()}
            <span class="hx-visually-hidden">{locale.pick("（在新标签页打开）", " (opens in a new tab)")}</span>
        </a>
    }
}

/// The host part of a checked `https://` link, as the visible link text.
fn display_host(url: &str) -> &str {
    let rest = url.get(8..).unwrap_or(url);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

fn render_source(m: &mut Markup, p: &Provenance, locale: Locale) {
    // In English a space after the sentence it follows; Chinese runs on after "。".
    m.raw(locale.pick("", " "))
        .raw(r#"<small class="hx-guide__source""#)
        .attr("data-confidence", p.confidence.code())
        .raw(">");
    if p.cite.is_empty() {
        m.text(locale.pick(
            "一般提示，未找到公开出处",
            "General advice; no published source",
        ));
    } else {
        m.text(locale.pick("来源：", "Source: ")).text(p.cite);
    }
    m.text(locale.pick("（", " ("))
        .text(p.confidence.label(locale))
        .text(locale.pick("，核对于 ", ", checked "))
        .text(p.checked)
        .text(locale.pick("）", ")"))
        .raw("</small>");
}
