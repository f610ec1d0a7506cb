use yew::prelude::*;

use crate::domain::locale::Locale;
use crate::domain::number::clamp;
use crate::ui::browser;

#[derive(Properties, PartialEq)]
pub struct IdleGuardProps {
    /// Seconds without a touch before the countdown appears.
    pub idle_seconds: u32,
    /// Seconds the countdown runs before the reset (WCAG 2.2.1: at least 20).
    pub countdown_seconds: u32,
    pub locale: Locale,
    /// Called when the countdown runs out.
    pub onreset: Callback<()>,
}

/// What the guard shows, from the seconds since the last touch.
pub fn idle_phase(elapsed_seconds: f64, idle_seconds: u32, countdown_seconds: u32) -> IdlePhase {
    let idle = f64::from(idle_seconds);
    let total = idle + f64::from(countdown_seconds);
    if !elapsed_seconds.is_finite() || elapsed_seconds < idle {
        IdlePhase::Active
    } else if elapsed_seconds >= total {
        IdlePhase::Expired
    } else {
        // Whole seconds left, rounded up so the count never shows 0 before the reset.
        let left = clamp(
            (total - elapsed_seconds).ceil(),
            1.0,
            f64::from(countdown_seconds),
        );
        IdlePhase::Warning(left as u32)
    }
}

/// Where an idle kiosk is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdlePhase {
    /// Someone is using it.
    Active,
    /// Nobody touched it for a while: this many seconds until the reset.
    Warning(u32),
    /// Time is up: reset.
    Expired,
}

/// The kiosk's guard for the next stranger: after `idle_seconds` without a touch it shows a
/// countdown with a big “继续使用 / Continue” button (any touch continues); when the countdown runs
/// out it calls `onreset`, which wipes every input and stored value.
#[component]
pub fn IdleGuard(props: &IdleGuardProps) -> Html {
    let locale = props.locale;
    let remaining = use_state_eq(|| None::<u32>);
    let last_activity = use_mut_ref(|| 0.0_f64);
    {
        let remaining = remaining.clone();
        let last_activity = last_activity.clone();
        let onreset = props.onreset.clone();
        use_effect_with(
            (props.idle_seconds, props.countdown_seconds),
            move |&(idle, countdown)| {
                *last_activity.borrow_mut() = browser::now_ms();
                let activity = {
                    let remaining = remaining.clone();
                    let last_activity = last_activity.clone();
                    browser::on_user_activity(Callback::from(move |()| {
                        *last_activity.borrow_mut() = browser::now_ms();
                        remaining.set(None);
                    }))
                };
                let ticker = browser::every_second(Callback::from(move |()| {
                    let elapsed = (browser::now_ms() - *last_activity.borrow()) / 1000.0;
                    match idle_phase(elapsed, idle, countdown) {
                        IdlePhase::Active => remaining.set(None),
                        IdlePhase::Warning(left) => remaining.set(Some(left)),
                        IdlePhase::Expired => {
                            *last_activity.borrow_mut() = browser::now_ms();
                            remaining.set(None);
                            onreset.emit(());
                        }
                    }
                }));
                move || drop((activity, ticker))
            },
        );
    }
    // Move focus to the button when the warning appears, so one key press also continues.
    use_effect_with(remaining.is_some(), |shown| {
        let inert = shown.then(|| {
            browser::focus_by_id("hx-idle-continue");
            browser::make_others_inert("hx-idle")
        });
        move || drop(inert)
    });

    let Some(left) = *remaining else {
        return html! {};
    };
    let oncontinue = {
        let remaining = remaining.clone();
        let last_activity = last_activity.clone();
        Callback::from(move |_: MouseEvent| {
            *last_activity.borrow_mut() = browser::now_ms();
            remaining.set(None);
        })
    };
    html! {
        <div id="hx-idle" class="hx-idle" data-testid="idle-warning">
            <div class="hx-idle__dialog" role="alertdialog" aria-modal="true"
                aria-labelledby="hx-idle-title" aria-describedby="hx-idle-text">
                <h2 id="hx-idle-title" class="hx-idle__title">{locale.pick("还在用吗？", "Still there?")}</h2>
                <p id="hx-idle-text" class="hx-idle__text">
                    {locale.pick("为保护隐私，", "To protect your privacy, everything you entered will be cleared in ")}
                    <strong class="hx-idle__seconds" data-testid="idle-seconds">{left}</strong>
                    {locale.pick(" 秒后将清除您输入的所有内容并回到开始画面。", " seconds and the kiosk will start over.")}
                </p>
                <button id="hx-idle-continue" type="button" class="hx-button hx-idle__continue"
                    data-testid="idle-continue" onclick={oncontinue}>
                    {locale.pick("继续使用", "Continue")}
                </button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases() {
        assert_eq!(idle_phase(0.0, 90, 30), IdlePhase::Active);
        assert_eq!(idle_phase(89.9, 90, 30), IdlePhase::Active);
        assert_eq!(idle_phase(90.0, 90, 30), IdlePhase::Warning(30));
        assert_eq!(idle_phase(100.2, 90, 30), IdlePhase::Warning(20));
        assert_eq!(idle_phase(119.5, 90, 30), IdlePhase::Warning(1));
        assert_eq!(idle_phase(120.0, 90, 30), IdlePhase::Expired);
        assert_eq!(idle_phase(f64::NAN, 90, 30), IdlePhase::Active);
        assert_eq!(idle_phase(-5.0, 90, 30), IdlePhase::Active);
        assert_eq!(idle_phase(f64::INFINITY, 90, 30), IdlePhase::Active);
    }
}
