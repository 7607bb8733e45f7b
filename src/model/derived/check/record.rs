//! How a stage of the check says what it found. A stage stops only by recording a failed step:
//! [`Stopped`] is made here and nowhere else, so a stop without its reason cannot be written.

use std::ops::ControlFlow;

use super::{Report, Step};

/// Proof that the check stopped at a failed step it recorded.
#[derive(Debug)]
pub struct Stopped(());

/// What a stage hands on: its value, or the stop at its failed step.
pub type Next<T = ()> = ControlFlow<Stopped, T>;

/// Records a step; a failed one stops the evaluation.
pub fn record<'a>(report: &mut Report<'a>, step: Step<'a>) -> Next {
    if step.passed() {
        report.steps.push(step);
        ControlFlow::Continue(())
    } else {
        stop(report, step)
    }
}

/// Records a failed step and stops there.
pub fn stop<'a, T>(report: &mut Report<'a>, step: Step<'a>) -> Next<T> {
    debug_assert!(
        !step.passed(),
        "the check stops only at a failed step: {step:?}"
    );
    report.steps.push(step);
    ControlFlow::Break(Stopped(()))
}
