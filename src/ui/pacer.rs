//! Typing on a slow phone. One keystroke recomputes and re-renders the answer (summary, chart, grade
//! table, how-we-calculated); on a low-end phone that takes longer than the gap between two keys, so
//! the keys themselves would start to lag. When the last edit's render was slow, edits are held while
//! typing goes on and applied once it pauses: the digits appear at once, the answer follows the
//! pause. On a fast device every edit is applied at once.
//!
//! While an edit is held the app root carries `data-settled="false"` (tests wait for `"true"` before
//! reading results). Any other action applies the held edit first, so nothing is reordered or lost.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;
use yew::Reducible;

use crate::domain::evaluate::{fields, FieldKind};
use crate::domain::host_config::HostMode;
use crate::ui::browser;
use crate::ui::state::{Action, AppState};

/// An edit whose render took longer than this (half a frame) makes the next edits wait for a pause.
const SLOW_EDIT_MS: f64 = 8.0;
/// The same for any other action (choosing a category builds the whole form and answer: about ten
/// edits' worth), so the first digit typed on a slow phone already waits.
const SLOW_ACTION_MS: f64 = 80.0;
/// How long typing must pause before a held edit is applied: a little longer than the gap between
/// two keys of someone typing a price, so the heavy render falls after the last key.
const PAUSE_MS: u32 = 250;
/// A timing older than this belongs to an edit that changed nothing (so rendered nothing).
const STALE_MS: f64 = 3_000.0;

#[derive(Default)]
struct Held {
    edit: RefCell<Option<(&'static str, String)>>,
    timer: RefCell<Option<gloo::timers::callback::Timeout>>,
    /// When the timed action was dispatched, and the time that counts as slow for it.
    started: Cell<Option<(f64, f64)>>,
    slow: Cell<bool>,
    /// The state as last rendered, for writing a held edit when the page is left.
    state: RefCell<Option<UseReducerHandle<AppState>>>,
}

/// The app's dispatcher with edit pacing. Cheap to clone; all clones share one held edit.
#[derive(Clone)]
pub struct PacedDispatch {
    dispatch: UseReducerDispatcher<AppState>,
    held: Rc<Held>,
}

impl PartialEq for PacedDispatch {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.held, &other.held)
    }
}

impl PacedDispatch {
    /// Any action but a typed edit: a held edit is applied first, then the action.
    pub fn dispatch(&self, action: Action) {
        self.flush();
        self.apply(action, SLOW_ACTION_MS);
    }

    /// A field's new text as typed: applied now on a fast device, once typing pauses on a slow one.
    /// A choice from a list is one decision, not a stream of keys: it applies at once.
    pub fn edit(&self, param: &'static str, text: String) {
        if self.is_choice(param) {
            self.flush();
            self.apply(Action::SetField(param, text), SLOW_EDIT_MS);
            return;
        }
        let waiting_other = self
            .held
            .edit
            .borrow()
            .as_ref()
            .is_some_and(|(p, _)| *p != param);
        if waiting_other {
            // Another field's edit is waiting: it goes first, in order.
            self.flush();
        }
        // While an action waits for its render, an edit must join it: that render writes the
        // state's text into the field, so a held newer text would be overwritten on screen.
        let rendering = self
            .held
            .started
            .get()
            .is_some_and(|(t, _)| browser::now_ms() - t < STALE_MS);
        if (!self.held.slow.get() || rendering) && self.held.edit.borrow().is_none() {
            self.apply(Action::SetField(param, text), SLOW_EDIT_MS);
            return;
        }
        let was_holding = self.held.edit.borrow_mut().replace((param, text)).is_some();
        if !was_holding {
            // Once per held edit, not per key: each DOM write costs the keystroke time.
            browser::set_settled(false);
        }
        let paced = self.clone();
        *self.held.timer.borrow_mut() =
            Some(gloo::timers::callback::Timeout::new(PAUSE_MS, move || {
                paced.flush()
            }));
    }

    /// Dispatches `action`, timing its render against `slow_ms`.
    fn apply(&self, action: Action, slow_ms: f64) {
        self.held.started.set(Some((browser::now_ms(), slow_ms)));
        self.dispatch.dispatch(action);
    }

    /// Whether `param` is a list (grade, province …) in the category on screen.
    fn is_choice(&self, param: &str) -> bool {
        let state = self.held.state.borrow();
        state
            .as_ref()
            .and_then(|s| s.category())
            .and_then(|c| fields(c).iter().find(|f| f.param == param))
            .is_some_and(|f| matches!(f.kind, FieldKind::Choice | FieldKind::Region))
    }

    /// Applies the held edit, if any; the root says "settled" once its render is done.
    fn flush(&self) {
        drop(self.held.timer.borrow_mut().take());
        let held = self.held.edit.borrow_mut().take();
        if let Some((param, text)) = held {
            self.apply(Action::SetField(param, text), SLOW_EDIT_MS);
            // Yew's render is queued as a microtask, so a zero timer runs after it (unless a newer
            // edit is held by then).
            let held = Rc::clone(&self.held);
            gloo::timers::callback::Timeout::new(0, move || {
                if held.edit.borrow().is_none() {
                    browser::set_settled(true);
                }
            })
            .forget();
        }
    }

    /// The page is being hidden or left: the held edit is saved now, computed from the state
    /// directly (a render started this late may not reach its effects), then applied as usual.
    fn leave(&self) {
        let held = self.held.edit.borrow().clone();
        let state = self.held.state.borrow().clone();
        if let (Some((param, text)), Some(state)) = (held, state) {
            let next = Rc::new((*state).clone()).reduce(Action::SetField(param, text));
            let kiosk = next.host.mode == HostMode::Kiosk;
            let stored = next.stored();
            browser::save_soon(&next.address_query(), (!kiosk).then_some(stored.as_str()));
        }
        self.flush();
    }

    /// After each render: how long the timed edit took decides whether the next ones wait.
    fn rendered(&self) {
        if let Some((started, slow_ms)) = self.held.started.take() {
            let took = browser::now_ms() - started;
            if took < STALE_MS {
                self.held.slow.set(took > slow_ms);
            }
        }
    }
}

/// The page's paced dispatcher, kept across renders.
#[hook]
pub fn use_paced_dispatch(state: &UseReducerHandle<AppState>) -> PacedDispatch {
    let held = use_memo((), |_| Held::default());
    let paced = PacedDispatch {
        dispatch: state.dispatcher(),
        held: Rc::clone(&held),
    };
    {
        let paced = paced.clone();
        let state = state.clone();
        use_effect(move || {
            *paced.held.state.borrow_mut() = Some(state);
            paced.rendered();
        });
    }
    {
        // Leaving the page within the pause must not lose the last digits.
        let paced = paced.clone();
        use_effect_with((), move |_| {
            let leave = browser::on_page_leave(Callback::from(move |()| paced.leave()));
            move || drop(leave)
        });
    }
    paced
}
